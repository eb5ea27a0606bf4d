using System;
using System.Buffers;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Messaging;
using Microsoft.Extensions.Logging;

namespace Contracts.Kafka;

/// <summary>
/// Produces contracts to Kafka through one Confluent.Kafka producer: key from the contract's key configuration, value in
/// the topic's <see cref="WireFormat"/>, headers <see cref="MessageHeaders.MessageType"/>,
/// <see cref="MessageHeaders.MessageVersion"/> and <see cref="MessageHeaders.MessageId"/>, plus the W3C trace context
/// (<see cref="Diagnostics.TraceHeaders"/>) of the <c>send</c> span or the caller's activity; the record timestamp is
/// the create time librdkafka stamps. Sends are measured on <see cref="Diagnostics.KafkaTelemetry"/> when listened to. Thread-safe; one instance per service is the norm. Generated topic classes
/// (<see cref="TopicAttribute"/>) are the typed front end.
/// </summary>
public sealed class KafkaMessageProducer : IMessageProducer, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan DisposeFlushTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TransactionTimeout = TimeSpan.FromSeconds(30);

    private readonly string? _producerName;
    private readonly bool _transactional;
    private readonly Lock _transactionGate = new();
    private bool _transactionsInitialized;
    private int _disposed;

    // The last topic produced to, as Confluent.Kafka addresses it: Produce(string) would allocate one per message.
    private TopicPartition? _lastTopic;

    // Unobserved fire-and-forget sends call librdkafka on the client directly (KafkaProducerConfig.DirectProduce).
    private readonly DirectProducer? _direct;

    /// <summary>Creates the producer; it connects lazily on the first message.</summary>
    /// <param name="config">Where and how to produce; see <see cref="KafkaProducerConfig"/>.</param>
    /// <param name="logger">Receives librdkafka's log lines and errors; when null they go to standard error (Confluent.Kafka's default).</param>
    /// <exception cref="ArgumentException">librdkafka rejected the configuration.</exception>
    public KafkaMessageProducer(KafkaProducerConfig config, ILogger<KafkaMessageProducer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _producerName = config.ProducerName;
        _transactional = !string.IsNullOrEmpty(config.TransactionalId);
        var builder = new ProducerBuilder<byte[]?, byte[]>(config.ClientSettings())
            .SetKeySerializer(Serializers.ByteArray!)
            .SetValueSerializer(Serializers.ByteArray);
        if (logger is not null)
        {
            builder.SetLogHandler((_, log) => logger.Log(LogLevelOf(log.Level), "librdkafka {Facility}: {Message}", log.Facility, log.Message));
            builder.SetErrorHandler((_, error) => logger.Log(error.IsFatal ? LogLevel.Critical : LogLevel.Warning, "Kafka producer error {Code}: {Reason}", error.Code, error.Reason));
        }

        try
        {
            Client = builder.Build();
        }
        catch (InvalidOperationException exception)
        {
            throw new ArgumentException($"The producer configuration was rejected: {exception.Message}", nameof(config), exception);
        }

        _direct = config.DirectProduce ? DirectProducer.TryCreate(Client) : null;
    }

    /// <summary>The underlying Confluent.Kafka producer, for what this type does not wrap (metadata, offsets in transactions).</summary>
    public IProducer<byte[]?, byte[]> Client { get; }

    /// <summary>Whether unobserved fire-and-forget sends go to librdkafka directly (<see cref="KafkaProducerConfig.DirectProduce"/>, where available).</summary>
    public bool ProducesDirectly => _direct is not null;

    /// <inheritdoc />
    public async ValueTask<ProduceResult> ProduceAsync<T>(TopicDescriptor topic, T message, CancellationToken cancellationToken = default)
        where T : IMessageContract<T>
    {
        // Confluent.Kafka accepts sends on a disposed producer without a word, and they are never delivered.
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        EnsureDeclared<T>(topic, message);
        var messageId = MessageIds.NewVersion7();
        if (ProducerSuppression.IsSuppressed(topic.Name))
        {
            return ProduceResult.Suppressed(topic.Name, messageId);
        }

        // ProduceAsync gets arrays of its own: nothing here promises Confluent.Kafka copies them before its first await.
        var (record, _) = Encode(topic, message, messageId, ScratchUse.None);
        var telemetry = SendTelemetry.Start(topic.Name, T.Descriptor, messageId, record.Headers, Diagnostics.KafkaTelemetry.ActivitySource.HasListeners());
        try
        {
            var delivered = await Client.ProduceAsync(TopicPartitionOf(topic), record, cancellationToken).ConfigureAwait(false);
            telemetry.Succeed(delivered.Partition.Value, delivered.Offset.Value);
            return new ProduceResult(topic.Name, delivered.Partition.Value, delivered.Offset.Value, messageId, delivered.Timestamp.UtcDateTime, StatusOf(delivered.Status));
        }
        catch (ProduceException<byte[]?, byte[]> exception)
        {
            telemetry.Fail(exception.Error.Code.ToString(), exception.Error.Reason);
            throw Failure<T>(topic, messageId, exception.Error, exception);
        }
        catch (KafkaException exception)
        {
            telemetry.Fail(exception.Error.Code.ToString(), exception.Error.Reason);
            throw Failure<T>(topic, messageId, exception.Error, exception);
        }
        catch (OperationCanceledException)
        {
            telemetry.Fail("cancelled", "The send was cancelled before the broker acknowledged it.");
            throw;
        }
    }

    /// <inheritdoc />
    public void Produce<T>(TopicDescriptor topic, T message, Action<ProduceResult>? onDelivered = null)
        where T : IMessageContract<T>
    {
        // Confluent.Kafka accepts sends on a disposed producer without a word, and they are never delivered.
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        EnsureDeclared<T>(topic, message);
        var messageId = MessageIds.NewVersion7();
        if (ProducerSuppression.IsSuppressed(topic.Name))
        {
            onDelivered?.Invoke(ProduceResult.Suppressed(topic.Name, messageId));
            return;
        }

        // Confluent.Kafka's Produce hands key, value and headers to librdkafka, which copies them, before it returns, and
        // keeps neither the message nor its headers: this thread's scratch record serves every send that adds no trace
        // headers to it. The listener check is read once for both decisions, so a listener attached in between cannot add
        // trace headers to a reused record.
        var callersActivity = Activity.Current;
        var listened = Diagnostics.KafkaTelemetry.ActivitySource.HasListeners();
        if (_direct is not null && onDelivered is null && callersActivity is null && !listened && !SendTelemetry.IsMeasured)
        {
            ProduceDirectly(_direct, topic, message, messageId);
            return;
        }

        var scratch = callersActivity is null && !listened ? ScratchUse.ArraysAndRecord : ScratchUse.Arrays;
        var (record, id) = Encode(topic, message, messageId, scratch);
        var telemetry = SendTelemetry.Start(topic.Name, T.Descriptor, messageId, record.Headers, listened);
        try
        {
            if (onDelivered is null && !telemetry.IsObserved)
            {
                Client.Produce(TopicPartitionOf(topic), record);
            }
            else
            {
                Client.Produce(TopicPartitionOf(topic), record, DeliveryHandler<T>(topic, messageId, telemetry, onDelivered));
            }
        }
        catch (ProduceException<byte[]?, byte[]> exception)
        {
            // The exception's delivery result holds the record: later sends must not rewrite it under the caller.
            ProduceBuffer.Release<T>(record, id);

            telemetry.Fail(exception.Error.Code.ToString(), exception.Error.Reason);
            throw Failure<T>(topic, messageId, exception.Error, exception);
        }
        catch (KafkaException exception)
        {
            telemetry.Fail(exception.Error.Code.ToString(), exception.Error.Reason);
            throw Failure<T>(topic, messageId, exception.Error, exception);
        }
        finally
        {
            telemetry.Detach(callersActivity);
        }
    }

    private void ProduceDirectly<T>(DirectProducer direct, TopicDescriptor topic, T message, Guid messageId)
        where T : IMessageContract<T>
    {
        var buffer = ProduceBuffer.Rent();
        try
        {
            var keyLength = WriteKeyAndValue(buffer, topic, message);
            var written = buffer.WrittenSpan;
            var key = keyLength < 0 ? default : written[..keyLength];
            var value = written[Math.Max(keyLength, 0)..];
            Span<byte> id = stackalloc byte[MessageEncoding.MessageIdLength];
            MessageEncoding.WriteMessageId(messageId, id);
            var error = direct.Produce(topic.Name, key, keyLength >= 0, value, KafkaHeaderValues<T>.MessageType, KafkaHeaderValues<T>.MessageVersion, id);
            if (error is not null)
            {
                // As on Confluent.Kafka's path, the exception carries the refused message, in arrays of its own.
                var refused = ProduceBuffer.NewRecord<T>(id.ToArray());
                refused.Key = keyLength < 0 ? null : key.ToArray();
                refused.Value = value.ToArray();
                var delivery = new DeliveryResult<byte[]?, byte[]> { Topic = topic.Name, Partition = Partition.Any, Offset = Offset.Unset, Status = PersistenceStatus.NotPersisted, Message = refused };
                throw Failure<T>(topic, messageId, error, new ProduceException<byte[]?, byte[]>(error, delivery));
            }
        }
        finally
        {
            ProduceBuffer.Return(buffer);
        }
    }

    /// <summary>Waits until every queued message is delivered or failed, or the timeout passes; returns how many are still queued.</summary>
    public int Flush(TimeSpan timeout) => Client.Flush(timeout);

    /// <summary>Waits until every queued message is delivered or failed.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    public void Flush(CancellationToken cancellationToken) => Client.Flush(cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a Kafka transaction: everything it produces through this producer is committed
    /// together, or aborted together when it throws. Needs <see cref="ProducerConfig.TransactionalId"/>; transactions
    /// on one producer run one at a time.
    /// </summary>
    /// <exception cref="InvalidOperationException">The producer has no transactional id.</exception>
    public async Task InTransactionAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        BeginTransaction();
        try
        {
            await work(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Client.AbortTransaction(TransactionTimeout);
            throw;
        }

        Client.CommitTransaction(TransactionTimeout);
    }

    /// <summary>Starts a transaction (initializing transactions on first use); finish it with <see cref="CommitTransaction"/> or <see cref="AbortTransaction"/>.</summary>
    /// <exception cref="InvalidOperationException">The producer has no transactional id.</exception>
    public void BeginTransaction()
    {
        if (!_transactional)
        {
            throw new InvalidOperationException("Transactions need a TransactionalId in the producer configuration.");
        }

        lock (_transactionGate)
        {
            if (!_transactionsInitialized)
            {
                Client.InitTransactions(TransactionTimeout);
                _transactionsInitialized = true;
            }
        }

        Client.BeginTransaction();
    }

    /// <summary>Commits the current transaction, flushing its messages first.</summary>
    public void CommitTransaction() => Client.CommitTransaction(TransactionTimeout);

    /// <summary>Aborts the current transaction; its messages are marked aborted for <c>read_committed</c> consumers.</summary>
    public void AbortTransaction() => Client.AbortTransaction(TransactionTimeout);

    /// <summary>Delivers what is queued (waiting at most 30 s) and closes the producer.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Client.Flush(DisposeFlushTimeout);
            Client.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return ValueTask.CompletedTask;
        }

        return new ValueTask(Task.Run(Dispose));
    }

    private static void EnsureDeclared<T>(TopicDescriptor topic, T message)
        where T : IMessageContract<T>
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        // Descriptors are immutable, so a topic that declared T once always does: most services send each contract
        // to one topic, and skip the catalog lookup after the first send.
        if (ReferenceEquals(DeclaringTopic<T>.Last, topic))
        {
            return;
        }

        if (!topic.Carries(T.Descriptor))
        {
            throw new ArgumentException($"Topic '{topic.Name}' does not declare {T.Descriptor}; add it to the topic's [Topic] contracts.", nameof(topic));
        }

        DeclaringTopic<T>.Last = topic;
    }

    private TopicPartition TopicPartitionOf(TopicDescriptor topic)
    {
        var last = Volatile.Read(ref _lastTopic);
        if (last is null || !ReferenceEquals(last.Topic, topic.Name))
        {
            last = new TopicPartition(topic.Name, Partition.Any);
            Volatile.Write(ref _lastTopic, last);
        }

        return last;
    }

    /// <summary>
    /// Writes the key (per the contract's key configuration) and then the value in the topic's wire format into
    /// <paramref name="buffer"/>; returns the key's length, or -1 for a contract without a key (a null key).
    /// </summary>
    private int WriteKeyAndValue<T>(ArrayBufferWriter<byte> buffer, TopicDescriptor topic, T message)
        where T : IMessageContract<T>
    {
        var keyLength = -1;
        if (T.Descriptor.KeyFormat != KeyFormat.None)
        {
            T.WriteKey(buffer, message);
            keyLength = buffer.WrittenCount;
        }

        MessageEncoding.WriteValue(buffer, message, topic.WireFormat, _producerName);
        return keyLength;
    }

    /// <summary>The record to send and the array its message-id header holds.</summary>
    private (Message<byte[]?, byte[]> Record, byte[] MessageId) Encode<T>(TopicDescriptor topic, T message, Guid messageId, ScratchUse scratch)
        where T : IMessageContract<T>
    {
        var reuseArrays = scratch != ScratchUse.None;
        byte[]? key = null;
        byte[] value;
        var buffer = ProduceBuffer.Rent();
        try
        {
            var keyLength = WriteKeyAndValue(buffer, topic, message);
            var written = buffer.WrittenSpan;
            if (keyLength >= 0)
            {
                key = ProduceBuffer.ExactArray(written[..keyLength], ArrayRole.Key, reuseArrays);
            }

            value = ProduceBuffer.ExactArray(written[Math.Max(keyLength, 0)..], ArrayRole.Value, reuseArrays);
        }
        finally
        {
            ProduceBuffer.Return(buffer);
        }

        byte[] id;
        var record = scratch == ScratchUse.ArraysAndRecord
            ? ProduceBuffer.Record<T>(out id)
            : ProduceBuffer.NewRecord<T>(id = ProduceBuffer.MessageIdArray(reuseArrays));
        MessageEncoding.WriteMessageId(messageId, id);
        record.Key = key;
        record.Value = value;
        return (record, id);
    }

    // A method of its own so that Produce captures nothing: the unobserved fire-and-forget path allocates no closure.
    private static Action<DeliveryReport<byte[]?, byte[]>> DeliveryHandler<T>(TopicDescriptor topic, Guid messageId, SendTelemetry telemetry, Action<ProduceResult>? onDelivered)
        where T : IMessageContract<T> =>
        report =>
        {
            telemetry.Complete(report.Error, report.Partition.Value, report.Offset.Value);
            onDelivered?.Invoke(ResultOf<T>(topic, messageId, report));
        };

    private static ProduceResult ResultOf<T>(TopicDescriptor topic, Guid messageId, DeliveryReport<byte[]?, byte[]> report)
        where T : IMessageContract<T>
    {
        var error = report.Error.IsError ? Failure<T>(topic, messageId, report.Error, new KafkaException(report.Error)) : null;
        return new ProduceResult(
            topic.Name,
            report.Partition.Value,
            report.Offset.Value,
            messageId,
            report.Timestamp.Type == TimestampType.NotAvailable ? DateTimeOffset.UnixEpoch : report.Timestamp.UtcDateTime,
            StatusOf(report.Status),
            error);
    }

    private static MessageProduceException Failure<T>(TopicDescriptor topic, Guid messageId, Error error, Exception inner)
        where T : IMessageContract<T> =>
        new(topic.Name, T.Descriptor.MessageType, T.Descriptor.Version, messageId, $"{error.Code}: {error.Reason}", inner);

    private static ProduceStatus StatusOf(PersistenceStatus status) => status switch
    {
        PersistenceStatus.Persisted => ProduceStatus.Persisted,
        PersistenceStatus.PossiblyPersisted => ProduceStatus.PossiblyPersisted,
        _ => ProduceStatus.NotPersisted,
    };

    /// <summary>Which of this thread's scratch memory (<see cref="ProduceBuffer"/>) a send may use.</summary>
    private enum ScratchUse
    {
        /// <summary>None: Confluent.Kafka may read the arrays after Produce returns (ProduceAsync).</summary>
        None,

        /// <summary>Key, value and message-id arrays: the send copies them before it returns.</summary>
        Arrays,

        /// <summary>The arrays and the record with its headers: the send also adds no trace headers.</summary>
        ArraysAndRecord,
    }

    /// <summary>The last topic a contract was sent to after its declaration was checked.</summary>
    private static class DeclaringTopic<T>
    {
        public static volatile TopicDescriptor? Last;
    }

    private static LogLevel LogLevelOf(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };
}
