using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Json;
using Contracts.Kafka.DeadLetters;
using Contracts.Kafka.Diagnostics;
using Contracts.Kafka.Retries;
using Microsoft.Extensions.Logging;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// One consumer group: one Confluent consumer subscribed to the group's topics and their retry topics, driven by two
/// threads. The polling thread (the caller of <see cref="Run"/>) only consumes, hands each message over in order
/// (<see cref="ConsumedQueue"/>) and carries out the processing thread's pause, seek and resume requests; it alone
/// calls the consumer, and rebalance callbacks run on it. The processing thread decodes, dispatches each message to
/// its handler and retries or dead-letters, in consume order, so messages of a partition are handled in order. An
/// offset is recorded only once its message was handled, forwarded to a retry topic or dead-lettered
/// (<see cref="HandledOffsets"/> stores them in batches); stored offsets are committed every
/// <see cref="ConsumerGroupOptions.CommitInterval"/>, on rebalance and on shutdown.
/// </summary>
/// <remarks>
/// Two threads because consuming (librdkafka's poll and Confluent's marshalling of each message) and decoding plus
/// handling cost about the same: on one thread a group reached two thirds of a bare consume loop's throughput, on two
/// it overlaps them. A rebalance callback takes <see cref="_processingGate"/>, which the processing thread holds while
/// it works on a message, so revocation sees the processing state at rest.
/// </remarks>
internal sealed partial class ConsumerGroupWorker : ILagSource, IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LagInterval = TimeSpan.FromSeconds(1);

    // How long the polling thread waits in Consume (or for room in the queue) before it looks at requests and at
    // shutdown again: the most a pause, seek or resume waits to be carried out.
    private static readonly TimeSpan RequestInterval = TimeSpan.FromMilliseconds(20);

    // Measured on the embedded broker (backlog of 100k 331-byte orders, idle 2-core machine): 1,024 ran ~5 % faster
    // than 256 and ~15 % faster than 64 (fewer hand-offs per wake-up and per taken batch). What is queued when a
    // partition is revoked or sought is fetched again, which bounds what a larger queue costs.
    private const int QueueCapacity = 1024;
    private const int TakeBatch = 64;

    // The most messages the polling thread takes from librdkafka at once (those it has ready; it never waits to fill them).
    private const int PollBatch = 64;

    /// <summary>The <c>fetch.queue.backoff.ms</c> a group uses unless configured (librdkafka's default is 1000).</summary>
    internal const int DefaultFetchQueueBackoffMs = 50;

    private readonly ConsumerGroupDefinition _definition;
    private readonly ConsumerGroupOptions _options;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly DispatchTable _dispatch;
    private readonly string _group;
    private readonly IReadOnlyDictionary<string, SourceTopic> _sources;
    private readonly Dictionary<TopicPartition, PartitionHold> _holds = [];
    private readonly List<RetainedBatch> _retained = [];
    private readonly Dictionary<TopicPartition, long> _lag = [];
    private readonly Lazy<MessageForwarder> _forwarder;
    private readonly IConsumer<byte[]?, byte[]?> _consumer;
    private readonly HandledOffsets _offsets;
    private readonly IDisposable _lagRegistration;
    private readonly ConsumedQueue _queue = new(QueueCapacity);
    private readonly PartitionRequests _requests;
    private readonly Lock _processingGate = new();

    // Polls librdkafka directly where its client can be reached (ConsumerGroupOptions.DirectConsume).
    private readonly DirectConsumer? _direct;
    private readonly Action<Error> _onConsumeError;

    private HandlerTarget? _pending;
    private long _pendingSince;
    private long _lagUpdatedAt;
    private CancellationToken _abort;
    private volatile bool _rebalancing;
    private volatile bool _pollingEnded;
    private volatile ExceptionDispatchInfo? _processingFailure;

    // A rebalance callback's failure, rethrown on the polling thread once the poll that ran the callback returns.
    private ExceptionDispatchInfo? _callbackFailure;

    public ConsumerGroupWorker(
        ConsumerGroupDefinition definition,
        ConsumerGroupOptions options,
        KafkaOptions kafka,
        IServiceProvider services,
        ILogger logger,
        TimeProvider time)
    {
        _definition = definition;
        _options = options;
        _services = services;
        _logger = logger;
        _time = time;
        _group = string.IsNullOrEmpty(options.GroupId) ? definition.Name : options.GroupId;
        _dispatch = definition.CreateDispatchTable(options);
        _sources = SourceTopic.For(_group, options);

        var properties = new Dictionary<string, string>(kafka.Properties, StringComparer.Ordinal);
        properties["bootstrap.servers"] = options.BootstrapServers ?? kafka.BootstrapServers ?? string.Empty;
        _forwarder = new Lazy<MessageForwarder>(() => new MessageForwarder(properties, _group));

        foreach (var (name, value) in options.Properties)
        {
            properties[name] = value;
        }

        var config = ConsumerConfigFor(_group, options, properties);
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetPartitionsAssignedHandler((_, partitions) => ConsumerLog.Assigned(_logger, _group, string.Join(", ", partitions)))
            .SetPartitionsRevokedHandler((_, partitions) => CapturingFailure(() => OnRevoked(partitions.Select(p => p.TopicPartition).ToList())))
            .SetPartitionsLostHandler((_, partitions) => CapturingFailure(() => OnLost(partitions.Select(p => p.TopicPartition).ToList())))
            .SetErrorHandler((_, error) => ConsumerLog.ConsumeError(_logger, _group, error.ToString()))
            .Build();
        _requests = new PartitionRequests(new ConsumerPartitionControl(_consumer), RequestFailed);
        _offsets = new HandledOffsets(_consumer, HandledOffsets.StoreIntervalFor(options.CommitInterval), time, logger, _group);
        _lagRegistration = KafkaTelemetry.RegisterLagSource(this);
        _direct = options.DirectConsume ? DirectConsumer.TryCreate(_consumer) : null;
        _onConsumeError = OnConsumeError;
    }

    /// <summary>Whether the polling thread reads messages from librdkafka directly (<see cref="ConsumerGroupOptions.DirectConsume"/>, where available).</summary>
    internal bool ConsumesDirectly => _direct is not null;

    public string GroupId => _group;

    /// <summary>The librdkafka consumer configuration of a group: <paramref name="properties"/> plus what this loop relies on.</summary>
    internal static ConsumerConfig ConsumerConfigFor(string group, ConsumerGroupOptions options, IDictionary<string, string> properties)
    {
        // A copy: ConsumerConfig writes into the dictionary it is given, and the caller's also configures other clients.
        var config = new ConsumerConfig(new Dictionary<string, string>(properties, StringComparer.Ordinal))
        {
            GroupId = group,
            AutoOffsetReset = options.AutoOffsetReset,

            // At-least-once: librdkafka commits only offsets this loop stored after a message was done with.
            EnableAutoCommit = true,
            EnableAutoOffsetStore = false,
            AutoCommitIntervalMs = (int)options.CommitInterval.TotalMilliseconds,
        };

        // librdkafka postpones a partition's next fetch by fetch.queue.backoff.ms (1 s) whenever its prefetch queue is
        // over its thresholds: a consumer slower than the fetcher (one that decodes and handles each message) then
        // empties the queue and sits idle for the rest of that second. 50 ms keeps the queue fed.
        config.FetchQueueBackoffMs ??= DefaultFetchQueueBackoffMs;
        return config;
    }

    /// <summary>
    /// Consumes until <paramref name="stopping"/> fires, then drains: the pending batch is handled, stored offsets are
    /// committed and the consumer leaves the group. Messages consumed but not yet handled are left to the next
    /// owner (their offsets were never stored). If <paramref name="abort"/> fires first, in-flight work is abandoned
    /// without a final commit (a crash, as far as the group can tell: those messages are delivered again).
    /// </summary>
    /// <exception cref="UnknownMessageException">A topic with <see cref="UnknownMessagePolicy.Fail"/> met an unhandled message.</exception>
    public void Run(CancellationToken stopping, CancellationToken abort)
    {
        _abort = abort;
        var topics = _sources.Keys.OrderBy(t => t, StringComparer.Ordinal).ToList();
        _consumer.Subscribe(topics);
        ConsumerLog.Subscribed(_logger, _group, string.Join(", ", topics));

        var processing = new Thread(() => ProcessUntilStopped(stopping))
        {
            IsBackground = true,
            Name = "Contracts consumer " + _group,
        };
        processing.Start();
        try
        {
            PollUntilStopped(stopping);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // A handler called from a rebalance callback was aborted.
            _processingFailure ??= ExceptionDispatchInfo.Capture(new OperationCanceledException(abort));
        }
        finally
        {
            _pollingEnded = true;
            _queue.Complete();
            processing.Join();
        }

        switch (_processingFailure?.SourceException)
        {
            case null:
                Close();
                ConsumerLog.Stopped(_logger, _group);
                break;
            case OperationCanceledException when abort.IsCancellationRequested:
                ConsumerLog.Aborted(_logger, _group);
                break;
            case UnknownMessageException:
                // What was handled before the unknown message stays handled.
                Close();
                _processingFailure.Throw();
                break;
            default:
                _processingFailure.Throw();
                break;
        }
    }

    /// <summary>The polling thread: consumes and hands over until shutdown or until the processing thread ended.</summary>
    private void PollUntilStopped(CancellationToken stopping)
    {
        var polled = new ConsumedRecord?[PollBatch];
        while (!stopping.IsCancellationRequested && _processingFailure is null)
        {
            _requests.CarryOut();
            var count = Poll(polled);
            ThrowCallbackFailure();

            // Stamped now, all alike: requests carried out while waiting for room below came after these messages.
            var stamp = _requests.Stamp;
            for (var i = 0; i < count; i++)
            {
                var consumed = new ConsumedMessage(polled[i]!, stamp);
                polled[i] = null;
                while (!_queue.TryAdd(consumed, RequestInterval))
                {
                    if (stopping.IsCancellationRequested || _processingFailure is not null)
                    {
                        return;
                    }

                    _requests.CarryOut();
                }
            }

            if (_time.GetElapsedTime(_lagUpdatedAt) >= LagInterval)
            {
                UpdateLag();
            }
        }
    }

    /// <summary>Fills <paramref name="into"/> with the next messages (waiting up to a request interval for one) and returns how many.</summary>
    private int Poll(ConsumedRecord?[] into)
    {
        if (_direct is not null)
        {
            return _direct.Poll(RequestInterval, into, _onConsumeError);
        }

        try
        {
            if (_consumer.Consume(RequestInterval) is { IsPartitionEOF: false } result)
            {
                into[0] = ConsumedRecord.From(result);
                return 1;
            }
        }
        catch (ConsumeException exception)
        {
            OnConsumeError(exception.Error);
        }

        return 0;
    }

    private void OnConsumeError(Error error)
    {
        if (error.IsFatal)
        {
            throw new KafkaException(error);
        }

        // A subscribed topic that does not exist yet (a retry or dead-letter topic nobody wrote to) lands here.
        ConsumerLog.ConsumeError(_logger, _group, error.ToString());
    }

    /// <summary>
    /// Runs a rebalance callback's work, keeping its failure for <see cref="ThrowCallbackFailure"/>: the failure must end
    /// the polling loop on either way of polling, and only Confluent.Kafka's <c>Consume</c> rethrows what a callback threw.
    /// </summary>
    private void CapturingFailure(Action work)
    {
        try
        {
            work();
        }
        catch (Exception error)
        {
            _callbackFailure ??= ExceptionDispatchInfo.Capture(error);
        }
    }

    private void ThrowCallbackFailure()
    {
        if (_callbackFailure is { } failure)
        {
            _callbackFailure = null;
            failure.Throw();
        }
    }

    private void RequestFailed(TopicPartition partition, KafkaException error) =>
        ConsumerLog.ConsumeError(_logger, _group, $"cannot pause, seek or resume {partition}: {error.Error}");

    /// <summary>
    /// Runs <paramref name="work"/> on the processing state while the processing thread is held off: from a rebalance
    /// callback on the polling thread, or after the processing thread ended.
    /// </summary>
    private void WithProcessingAtRest(Action work)
    {
        _rebalancing = true;
        try
        {
            lock (_processingGate)
            {
                work();
            }
        }
        finally
        {
            _rebalancing = false;
        }
    }

    private void OnRevoked(List<TopicPartition> partitions)
    {
        WithProcessingAtRest(() =>
        {
            // Logged once the processing thread is at rest: nothing of these partitions is handled after this line.
            ConsumerLog.Revoked(_logger, _group, string.Join(", ", partitions));
            try
            {
                if (!_abort.IsCancellationRequested)
                {
                    // Whatever was decoded is handled now, while this consumer still owns the partitions, and committed.
                    FlushPending();
                    _offsets.Store();
                    CommitStored();
                }
            }
            finally
            {
                // Even when the handler was aborted: nothing that waited for these partitions may be handled later.
                Forget(partitions);
            }
        });
    }

    private void OnLost(List<TopicPartition> partitions)
    {
        WithProcessingAtRest(() =>
        {
            ConsumerLog.Revoked(_logger, _group, string.Join(", ", partitions) + " (lost)");

            // Another consumer owns these partitions already: pending messages are its to handle.
            _pending?.Clear();
            _pending = null;
            Forget(partitions);
        });
    }

    /// <summary>
    /// Lets go of revoked or lost partitions: their recorded offsets, kept batches, holds and lag, the requests not yet
    /// carried out for them, and their messages consumed but not yet handled (the next owner reads those again).
    /// </summary>
    private void Forget(List<TopicPartition> partitions)
    {
        _offsets.Forget(partitions);
        DropRetained(partitions);
        foreach (var partition in partitions)
        {
            _holds.Remove(partition);
            lock (_lag)
            {
                _lag.Remove(partition);
            }
        }

        _requests.Revoked(partitions);
    }

    private void CommitStored()
    {
        try
        {
            _consumer.Commit();
        }
        catch (KafkaException error) when (error.Error.Code is ErrorCode.Local_NoOffset or ErrorCode.Local_State)
        {
            // Nothing new to commit.
        }
        catch (KafkaException error)
        {
            // A commit refused during a rebalance (REBALANCE_IN_PROGRESS in a revocation callback, a fenced generation)
            // must not end the consumer: the next owner reads those messages again (at-least-once).
            ConsumerLog.CommitFailed(_logger, _group, error.Error.ToString());
        }
    }

    private void Close()
    {
        _offsets.StopTimer();
        _offsets.Store();
        CommitStored();
        _consumer.Close();
        ThrowCallbackFailure();
    }

    private void UpdateLag()
    {
        _lagUpdatedAt = _time.GetTimestamp();
        List<TopicPartition> assignment;
        try
        {
            assignment = _consumer.Assignment;
        }
        catch (KafkaException)
        {
            return;
        }

        foreach (var partition in assignment)
        {
            var watermarks = _consumer.GetWatermarkOffsets(partition);
            var position = _consumer.Position(partition);
            if (watermarks.High.Value >= 0 && position.Value >= 0)
            {
                lock (_lag)
                {
                    _lag[partition] = Math.Max(0, watermarks.High.Value - position.Value);
                }
            }
        }
    }

    void ILagSource.AddLag(List<Measurement<long>> measurements)
    {
        lock (_lag)
        {
            foreach (var (partition, lag) in _lag)
            {
                measurements.Add(new Measurement<long>(
                    lag,
                    new KeyValuePair<string, object?>(MessagingAttributes.System, MessagingAttributes.KafkaSystem),
                    new KeyValuePair<string, object?>(MessagingAttributes.DestinationName, partition.Topic),
                    new KeyValuePair<string, object?>(MessagingAttributes.PartitionId, partition.Partition.Value.ToString(CultureInfo.InvariantCulture)),
                    new KeyValuePair<string, object?>(MessagingAttributes.ConsumerGroup, _group)));
            }
        }
    }

    public void Dispose()
    {
        _lagRegistration.Dispose();
        _offsets.Dispose();

        // After an abort Close was not called: the group is not told and nothing more is committed, as in a crash.
        _consumer.Dispose();
        _queue.Dispose();

        if (_forwarder.IsValueCreated)
        {
            _forwarder.Value.Dispose();
        }
    }
}
