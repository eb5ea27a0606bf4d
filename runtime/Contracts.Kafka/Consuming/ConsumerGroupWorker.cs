using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
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
/// The poll loop of one consumer group: one Confluent consumer subscribed to the group's topics and their retry
/// topics, dispatching each message to its handler on the loop's own thread, so messages of a partition are handled in
/// order. An offset is recorded only once its message was handled, forwarded to a retry topic or dead-lettered
/// (<see cref="HandledOffsets"/> stores them in batches); stored offsets are committed every
/// <see cref="ConsumerGroupOptions.CommitInterval"/>, on rebalance and on shutdown.
/// </summary>
internal sealed class ConsumerGroupWorker : ILagSource, IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LagInterval = TimeSpan.FromSeconds(1);

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

    private HandlerTarget? _pending;
    private long _pendingSince;
    private long _lagUpdatedAt;
    private CancellationToken _abort;

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
            .SetPartitionsRevokedHandler((_, partitions) => OnRevoked(partitions.Select(p => p.TopicPartition).ToList()))
            .SetPartitionsLostHandler((_, partitions) => OnLost(partitions.Select(p => p.TopicPartition).ToList()))
            .SetErrorHandler((_, error) => ConsumerLog.ConsumeError(_logger, _group, error.ToString()))
            .Build();
        _offsets = new HandledOffsets(_consumer, HandledOffsets.StoreIntervalFor(options.CommitInterval), time, logger, _group);
        _lagRegistration = KafkaTelemetry.RegisterLagSource(this);
    }

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
    /// committed and the consumer leaves the group. If <paramref name="abort"/> fires first, in-flight work is abandoned
    /// without a final commit (a crash, as far as the group can tell: those messages are delivered again).
    /// </summary>
    /// <exception cref="UnknownMessageException">A topic with <see cref="UnknownMessagePolicy.Fail"/> met an unhandled message.</exception>
    public void Run(CancellationToken stopping, CancellationToken abort)
    {
        _abort = abort;
        var topics = _sources.Keys.OrderBy(t => t, StringComparer.Ordinal).ToList();
        _consumer.Subscribe(topics);
        ConsumerLog.Subscribed(_logger, _group, string.Join(", ", topics));
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                PollOnce();
            }

            FlushPending();
            Close();
            ConsumerLog.Stopped(_logger, _group);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            ConsumerLog.Aborted(_logger, _group);
        }
        catch (UnknownMessageException)
        {
            // What was handled before the unknown message stays handled.
            Close();
            throw;
        }
    }

    private void PollOnce()
    {
        var now = _time.GetTimestamp();
        ResumeDueHolds();
        RetryDueBatches();
        ConsumeResult<byte[]?, byte[]?>? result;
        try
        {
            result = _consumer.Consume(NextPollTimeout(now));
        }
        catch (ConsumeException error) when (!error.Error.IsFatal)
        {
            // A subscribed topic that does not exist yet (a retry or dead-letter topic nobody wrote to) lands here.
            ConsumerLog.ConsumeError(_logger, _group, error.Error.ToString());
            return;
        }

        if (result is null || result.IsPartitionEOF)
        {
            if (_pending is not null && _time.GetElapsedTime(_pendingSince) >= _options.BatchLinger)
            {
                FlushPending();
            }
        }
        else
        {
            Process(result);
        }

        if (_time.GetElapsedTime(_lagUpdatedAt) >= LagInterval)
        {
            UpdateLag();
        }
    }

    private void Process(ConsumeResult<byte[]?, byte[]?> result)
    {
        PartitionHold? hold = null;
        var hasHold = _holds.Count != 0 && _holds.TryGetValue(result.TopicPartition, out hold);
        if (hasHold && hold!.Paused)
        {
            // Fetched before the partition was paused; the seek delivers it again once the hold ends.
            return;
        }

        var source = _sources[result.Topic];
        var attempt = source.AttemptOf(result, hasHold && result.Offset.Value <= hold!.LastOffset ? hold.Attempt : 1);
        if (source.NotBefore(result) is { } notBefore && notBefore > _time.GetUtcNow())
        {
            if (FlushPendingHolds(result.TopicPartition))
            {
                return;
            }

            Hold(result.TopicPartition, result.Offset.Value, result.Offset.Value, attempt, notBefore);
            return;
        }

        var value = result.Message.Value ?? [];
        if (!TryIdentify(result, source, value, out var route, out var format, out var messageType, out var version, out var typeKnown, out var notIdentified))
        {
            if (FlushPendingHolds(result.TopicPartition))
            {
                return;
            }

            DeadLetter(result, source, DeadLetterReason.Undecodable, notIdentified, attempts: 0);
            return;
        }

        if (route is null)
        {
            if (FlushPendingHolds(result.TopicPartition))
            {
                return;
            }

            OnUnknown(result, source, messageType!, version, typeKnown);
            return;
        }

        if (_pending is not null && !ReferenceEquals(_pending, route.Target) && FlushPendingHolds(result.TopicPartition))
        {
            return;
        }

        var context = new MessageContext(result, _group, route.MessageType, route.WrittenVersion, attempt);
        try
        {
            route.DecodeInto(value, format, context);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            if (!FlushPendingHolds(result.TopicPartition))
            {
                DeadLetter(result, source, DeadLetterReason.Undecodable, error, attempts: 0);
            }

            return;
        }

        if (_pending is null)
        {
            _pending = route.Target;
            if (_pending.IsFull)
            {
                // A single-message handler: no linger to time.
                FlushPending();
                return;
            }

            _pendingSince = _time.GetTimestamp();
        }

        if (_pending.IsFull)
        {
            FlushPending();
        }
    }

    private bool TryIdentify(
        ConsumeResult<byte[]?, byte[]?> result,
        SourceTopic source,
        byte[] value,
        out MessageRoute? route,
        out PayloadFormat format,
        out string? messageType,
        out int version,
        out bool typeKnown,
        out Exception? error)
    {
        route = null;
        messageType = null;
        version = 0;
        typeKnown = false;
        error = null;
        var detection = source.Options.Format;
        var isEnvelope = detection == PayloadDetection.JsonEnvelope
            || (detection == PayloadDetection.Auto && value.AsSpan().StartsWith(JsonEnvelope.Prefix));
        format = isEnvelope ? PayloadFormat.JsonEnvelope : PayloadFormat.Avro;
        if (isEnvelope)
        {
            try
            {
                var header = JsonEnvelope.ReadHeader(value);
                messageType = header.Type;
                version = header.Version;
                route = _dispatch.Find(header.Type, header.Version, out typeKnown);
                return true;
            }
            catch (ContractDecodeException decodeError)
            {
                error = decodeError;
                return false;
            }
        }

        HeaderReader.FindContractHeaders(result.Message.Headers, out var typeBytes, out var versionBytes);
        if (typeBytes is null || versionBytes is null || !HeaderReader.TryParseVersion(versionBytes, out version))
        {
            error = new ContractDecodeException(
                ContractFormat.Avro,
                $"the message has no valid '{HeaderReader.MessageType}' and '{HeaderReader.MessageVersion}' headers and is not a JSON envelope, so its contract cannot be told",
                0);
            return false;
        }

        route = _dispatch.Find(typeBytes, version, out typeKnown);
        if (route is null)
        {
            messageType = System.Text.Encoding.UTF8.GetString(typeBytes);
        }

        return true;
    }

    private void OnUnknown(ConsumeResult<byte[]?, byte[]?> result, SourceTopic source, string messageType, int version, bool typeKnown)
    {
        var (topic, partition, offset) = source.Origin(result);
        var unknown = new UnknownMessageException(_group, messageType, version, typeKnown, topic, partition, offset);
        switch (source.Options.UnknownMessages)
        {
            case UnknownMessagePolicy.Skip:
                ConsumerLog.SkippedUnknown(_logger, _group, result.Topic, result.Partition.Value, result.Offset.Value, messageType, version);
                CountFailure(result.Topic, unknown, "skipped");
                Done(result);
                break;
            case UnknownMessagePolicy.DeadLetter:
                DeadLetter(result, source, typeKnown ? DeadLetterReason.UnknownVersion : DeadLetterReason.UnknownType, unknown, attempts: 0);
                break;
            default:
                CountFailure(result.Topic, unknown, "failed");
                throw unknown;
        }
    }

    /// <summary>
    /// Hands the pending batch over; true when that put <paramref name="partition"/> on hold (the batch failed and
    /// waits for a blocking retry): the message at hand must then wait behind it, and the seek delivers it again.
    /// </summary>
    private bool FlushPendingHolds(TopicPartition partition)
    {
        FlushPending();
        return _holds.Count != 0 && _holds.TryGetValue(partition, out var hold) && hold.Paused;
    }

    private void FlushPending()
    {
        var target = _pending;
        if (target is null)
        {
            return;
        }

        _pending = null;
        try
        {
            Invoke(target);
        }
        finally
        {
            target.Clear();
        }
    }

    private void Invoke(HandlerTarget target)
    {
        var contexts = target.Pending;
        var first = contexts[0];
        using var activity = StartProcessActivity(target, contexts);

        // Without a listener the tags and the clock reads are skipped: they cost more than the rest of dispatch.
        var measured = KafkaTelemetry.ProcessDuration.Enabled || KafkaTelemetry.ConsumedMessages.Enabled;
        var started = measured ? _time.GetTimestamp() : 0;
        try
        {
            var handled = target.InvokeAsync(_services, _abort);
            if (!handled.IsCompletedSuccessfully)
            {
                handled.AsTask().GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            if (measured)
            {
                var failedTags = ProcessTags(first.Topic, target);
                failedTags.Add(MessagingAttributes.ErrorType, error.GetType().FullName);
                KafkaTelemetry.ProcessDuration.Record(_time.GetElapsedTime(started).TotalSeconds, failedTags);
            }

            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            activity?.AddTag(MessagingAttributes.ErrorType, error.GetType().FullName);
            OnHandlerFailed(target, error);
            return;
        }

        if (measured)
        {
            var tags = ProcessTags(first.Topic, target);
            KafkaTelemetry.ProcessDuration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
            KafkaTelemetry.ConsumedMessages.Add(contexts.Count, tags);
        }

        for (var i = 0; i < contexts.Count; i++)
        {
            Done(contexts[i].Result);
        }
    }

    private TagList ProcessTags(string topic, HandlerTarget target) => new()
    {
        { MessagingAttributes.System, MessagingAttributes.KafkaSystem },
        { MessagingAttributes.DestinationName, topic },
        { MessagingAttributes.ConsumerGroup, _group },
        { MessagingAttributes.OperationName, "process" },
        { MessagingAttributes.ContractMessageType, target.Descriptor.MessageType },
    };

    private static Activity? StartProcessActivity(HandlerTarget target, IReadOnlyList<MessageContext> contexts)
    {
        if (!KafkaTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        var first = contexts[0];
        var parent = default(ActivityContext);
        List<ActivityLink>? links = null;
        foreach (var context in contexts)
        {
            if (HeaderReader.ReadString(context.Headers, "traceparent") is { } traceParent
                && ActivityContext.TryParse(traceParent, HeaderReader.ReadString(context.Headers, "tracestate"), out var remote))
            {
                if (contexts.Count == 1)
                {
                    parent = remote;
                }
                else
                {
                    (links ??= []).Add(new ActivityLink(remote));
                }
            }
        }

        var activity = KafkaTelemetry.ActivitySource.StartActivity($"process {first.Topic}", ActivityKind.Consumer, parent, links: links);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(MessagingAttributes.System, MessagingAttributes.KafkaSystem);
        activity.SetTag(MessagingAttributes.OperationName, "process");
        activity.SetTag(MessagingAttributes.OperationType, "process");
        activity.SetTag(MessagingAttributes.DestinationName, first.Topic);
        activity.SetTag(MessagingAttributes.ConsumerGroup, first.ConsumerGroup);
        activity.SetTag(MessagingAttributes.ContractMessageType, target.Descriptor.MessageType);
        if (contexts.Count == 1)
        {
            activity.SetTag(MessagingAttributes.PartitionId, first.Partition.ToString(CultureInfo.InvariantCulture));
            activity.SetTag(MessagingAttributes.KafkaOffset, first.Offset);
            activity.SetTag(MessagingAttributes.ContractMessageVersion, first.Version);
            if (first.MessageId is { } id)
            {
                activity.SetTag(MessagingAttributes.MessageId, id);
            }
        }
        else
        {
            activity.SetTag(MessagingAttributes.BatchMessageCount, contexts.Count);
        }

        return activity;
    }

    /// <summary>
    /// A handler call failed: the whole call is retried. Blocking, the same batch is kept and handed over again after
    /// the backoff while its partitions wait; non-blocking, each of its messages goes to the retry topic of its own
    /// attempt (or, on its last attempt, to the dead-letter topic).
    /// </summary>
    private void OnHandlerFailed(HandlerTarget target, Exception error)
    {
        var contexts = target.Pending;
        var retry = _options.Retry;
        var retryable = retry.Mode != RetryMode.None && _definition.RetryPolicy.ShouldRetry(error);
        if (retryable && retry.Mode == RetryMode.Blocking)
        {
            // A kept batch is retried as one: all its messages are on the same attempt.
            var attempt = contexts[0].Attempt;
            if (attempt < retry.MaxAttempts)
            {
                Retain(target, attempt, retry.DelayBefore(attempt), error);
                return;
            }
        }

        // Each message goes to the retry topic of its attempt (non-blocking, attempts left) or else to the dead-letter
        // topic; all are produced together and acknowledged together, and no offset is stored before every one is.
        var nonBlocking = retryable && retry.Mode == RetryMode.NonBlocking;
        var exhausted = retryable ? DeadLetterReason.RetriesExhausted : DeadLetterReason.HandlerFailed;
        var forwards = new ForwardedMessage[contexts.Count];
        for (var i = 0; i < contexts.Count; i++)
        {
            var context = contexts[i];
            var source = _sources[context.Topic];
            forwards[i] = ToRetryTopic(context)
                ? RetryForward.For(_group, source, context, _time.GetUtcNow() + retry.DelayBefore(context.Attempt), error)
                : DeadLetterForward.For(_group, source, context.Result, exhausted, error, context.Attempt);
        }

        _forwarder.Value.ForwardAllAsync(forwards, _abort).GetAwaiter().GetResult();
        for (var i = 0; i < contexts.Count; i++)
        {
            var context = contexts[i];
            if (ToRetryTopic(context))
            {
                CountFailure(context.Topic, error, "retried");
                ConsumerLog.NonBlockingRetry(_logger, error, _group, context.Attempt, context.Topic, context.Partition, context.Offset, forwards[i].Topic);
                Done(context.Result);
            }
            else
            {
                DeadLettered(forwards[i], exhausted, error);
            }
        }

        bool ToRetryTopic(MessageContext context) => nonBlocking && context.Attempt < retry.MaxAttempts;
    }

    /// <summary>Keeps the failed call's messages for a retry after <paramref name="delay"/>, pausing their partitions until then.</summary>
    private void Retain(HandlerTarget target, int attempt, TimeSpan delay, Exception error)
    {
        var batch = new RetainedBatch(target.Detach(attempt + 1), _time.GetUtcNow() + delay);
        _retained.Add(batch);
        foreach (var (partition, range) in batch.Ranges)
        {
            CountFailure(partition.Topic, error, "retried");
            ConsumerLog.BlockingRetry(_logger, error, _group, attempt, partition.Topic, partition.Partition.Value, range.First, delay);

            // Paused until the batch is done (no resume time of its own); messages fetched behind it come again after it.
            Hold(partition, range.Last + 1, range.Last, attempt + 1, DateTimeOffset.MaxValue);
        }
    }

    /// <summary>Hands each kept batch whose backoff has passed to its handler again, then releases its partitions.</summary>
    private void RetryDueBatches()
    {
        if (_retained.Count == 0)
        {
            return;
        }

        var utcNow = _time.GetUtcNow();
        for (var i = 0; i < _retained.Count;)
        {
            var batch = _retained[i];
            if (batch.RetryAt > utcNow)
            {
                i++;
                continue;
            }

            _retained.RemoveAt(i);
            try
            {
                Invoke(batch.Target);
            }
            finally
            {
                batch.Target.Clear();
            }

            foreach (var partition in batch.Ranges.Keys)
            {
                // A failure again kept a new batch over the same partitions: they stay paused for it.
                if (!_retained.Exists(kept => kept.Ranges.ContainsKey(partition)) && _holds.Remove(partition))
                {
                    Release(partition, seekTo: null);
                }
            }
        }
    }

    /// <summary>Drops kept batches that hold any of <paramref name="revoked"/>; partitions of theirs still owned read the batch again from Kafka.</summary>
    private void DropRetained(List<TopicPartition> revoked)
    {
        for (var i = _retained.Count - 1; i >= 0; i--)
        {
            var batch = _retained[i];
            if (!revoked.Exists(batch.Ranges.ContainsKey))
            {
                continue;
            }

            _retained.RemoveAt(i);
            batch.Target.Clear();
            foreach (var (partition, range) in batch.Ranges)
            {
                if (!revoked.Contains(partition) && _holds.Remove(partition))
                {
                    Release(partition, seekTo: range.First);
                }
            }
        }
    }

    private void Release(TopicPartition partition, long? seekTo)
    {
        try
        {
            if (seekTo is { } offset)
            {
                _consumer.Seek(new TopicPartitionOffset(partition, offset));
            }

            _consumer.Resume([partition]);
        }
        catch (KafkaException error)
        {
            // Not assigned any more: its new owner starts from the committed offset.
            ConsumerLog.ConsumeError(_logger, _group, $"cannot resume {partition}: {error.Error}");
        }
    }

    private void DeadLetter(ConsumeResult<byte[]?, byte[]?> result, SourceTopic source, DeadLetterReason reason, Exception? error, int attempts)
    {
        var forward = DeadLetterForward.For(_group, source, result, reason, error, attempts);
        _forwarder.Value.ForwardAsync(forward, _abort).GetAwaiter().GetResult();
        DeadLettered(forward, reason, error);
    }

    /// <summary>Counts, logs and completes a message whose dead-letter forward was acknowledged.</summary>
    private void DeadLettered(ForwardedMessage forward, DeadLetterReason reason, Exception? error)
    {
        var result = forward.Original;
        CountFailure(result.Topic, error, "dead_lettered");
        ConsumerLog.DeadLettered(_logger, error, _group, result.Topic, result.Partition.Value, result.Offset.Value, forward.Topic, DeadLetterForward.ReasonText(reason));
        Done(result);
    }

    private void CountFailure(string topic, Exception? error, string outcome)
    {
        if (!KafkaTelemetry.FailedMessages.Enabled)
        {
            return;
        }

        KafkaTelemetry.FailedMessages.Add(
            1,
            new TagList
            {
                { MessagingAttributes.System, MessagingAttributes.KafkaSystem },
                { MessagingAttributes.DestinationName, topic },
                { MessagingAttributes.ConsumerGroup, _group },
                { MessagingAttributes.ErrorType, error?.GetType().FullName ?? "_OTHER" },
                { MessagingAttributes.Outcome, outcome },
            });
    }

    /// <summary>The message was handled, forwarded or dead-lettered: its offset may be committed.</summary>
    private void Done(ConsumeResult<byte[]?, byte[]?> result)
    {
        _offsets.Done(result);
        if (_holds.Count != 0 && _holds.TryGetValue(result.TopicPartition, out var hold) && !hold.Paused && result.Offset.Value >= hold.LastOffset)
        {
            _holds.Remove(result.TopicPartition);
        }
    }

    /// <summary>Pauses <paramref name="partition"/> and rewinds it to <paramref name="firstOffset"/> until <paramref name="resumeAt"/>.</summary>
    private void Hold(TopicPartition partition, long firstOffset, long lastOffset, int attempt, DateTimeOffset resumeAt)
    {
        _holds[partition] = new PartitionHold(lastOffset, attempt, resumeAt);
        try
        {
            _consumer.Pause([partition]);
            _consumer.Seek(new TopicPartitionOffset(partition, firstOffset));
        }
        catch (KafkaException error)
        {
            // Not assigned any more: the new owner starts from the committed offset, which precedes this message.
            _holds.Remove(partition);
            ConsumerLog.ConsumeError(_logger, _group, $"cannot hold {partition}: {error.Error}");
        }
    }

    private void ResumeDueHolds()
    {
        if (_holds.Count == 0)
        {
            return;
        }

        var utcNow = _time.GetUtcNow();
        foreach (var (partition, hold) in _holds)
        {
            if (hold.Paused && hold.ResumeAt <= utcNow)
            {
                hold.Paused = false;
                _consumer.Resume([partition]);
            }
        }
    }

    private TimeSpan NextPollTimeout(long now)
    {
        var timeout = PollInterval;
        if (_pending is not null)
        {
            var lingerLeft = _options.BatchLinger - _time.GetElapsedTime(_pendingSince, now);
            timeout = lingerLeft < timeout ? lingerLeft : timeout;
        }

        foreach (var batch in _retained)
        {
            var untilRetry = batch.RetryAt - _time.GetUtcNow();
            timeout = untilRetry < timeout ? untilRetry : timeout;
        }

        if (_holds.Count > 0)
        {
            var utcNow = _time.GetUtcNow();
            foreach (var hold in _holds.Values)
            {
                if (hold.Paused && hold.ResumeAt - utcNow < timeout)
                {
                    timeout = hold.ResumeAt - utcNow;
                }
            }
        }

        return timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout;
    }

    private void OnRevoked(List<TopicPartition> partitions)
    {
        ConsumerLog.Revoked(_logger, _group, string.Join(", ", partitions));
        if (!_abort.IsCancellationRequested)
        {
            // Whatever was decoded is handled now, while this consumer still owns the partitions, and committed.
            FlushPending();
            _offsets.Store();
            CommitStored();
        }

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
    }

    private void OnLost(List<TopicPartition> partitions)
    {
        ConsumerLog.Revoked(_logger, _group, string.Join(", ", partitions) + " (lost)");

        // Another consumer owns these partitions already: pending messages are its to handle.
        _pending?.Clear();
        _pending = null;
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
    }

    private void Close()
    {
        _offsets.StopTimer();
        _offsets.Store();
        CommitStored();
        _consumer.Close();
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

        if (_forwarder.IsValueCreated)
        {
            _forwarder.Value.Dispose();
        }
    }

    /// <summary>A paused (or recently resumed) partition: the messages it rewound to and the attempt they are on.</summary>
    private sealed class PartitionHold(long lastOffset, int attempt, DateTimeOffset resumeAt)
    {
        public long LastOffset { get; } = lastOffset;

        public int Attempt { get; } = attempt;

        public DateTimeOffset ResumeAt { get; } = resumeAt;

        public bool Paused { get; set; } = true;
    }
}
