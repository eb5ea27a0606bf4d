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
/// The processing side of a consumer group: takes consumed messages in order, decodes them, calls handlers, retries
/// and dead-letters, and records handled offsets. It runs on its own thread and never calls the Confluent consumer:
/// pauses, seeks and resumes go to the polling thread as <see cref="PartitionRequests"/>.
/// </summary>
internal sealed partial class ConsumerGroupWorker
{
    /// <summary>
    /// The processing thread: handles consumed messages in order until shutdown (then hands the pending batch over) or
    /// until the polling thread ended; a failure ends it and is rethrown by <see cref="Run"/>.
    /// </summary>
    private void ProcessUntilStopped(CancellationToken stopping)
    {
        var taken = new ConsumedMessage[TakeBatch];
        var count = 0;
        var next = 0;
        var wait = PollInterval;
        try
        {
            while (!stopping.IsCancellationRequested && !_pollingEnded)
            {
                if (next == count)
                {
                    count = _queue.TakeAll(taken, wait);
                    next = 0;
                }

                WaitWhileRebalancing();
                lock (_processingGate)
                {
                    ResumeDueHolds();
                    RetryDueBatches();
                    if (next < count)
                    {
                        var message = taken[next];
                        taken[next++] = default;
                        if (!_requests.IsStale(message))
                        {
                            Process(message.Record);
                        }
                    }
                    else if (_pending is not null && _time.GetElapsedTime(_pendingSince) >= _options.BatchLinger)
                    {
                        FlushPending();
                    }

                    wait = NextPollTimeout(_time.GetTimestamp());
                }
            }

            if (stopping.IsCancellationRequested)
            {
                WaitWhileRebalancing();
                lock (_processingGate)
                {
                    FlushPending();
                }
            }
        }
        catch (Exception error)
        {
            _processingFailure = ExceptionDispatchInfo.Capture(error);
        }
    }

    /// <summary>A rebalance callback wants the processing state: it gets the gate before this thread takes it again.</summary>
    private void WaitWhileRebalancing()
    {
        var spinner = default(SpinWait);
        while (_rebalancing)
        {
            spinner.SpinOnce();
        }
    }

    private void Process(ConsumedRecord result)
    {
        PartitionHold? hold = null;
        var hasHold = _holds.Count != 0 && _holds.TryGetValue(result.TopicPartition, out hold);
        if (hasHold && hold!.Paused)
        {
            // Fetched before the partition was paused; the seek delivers it again once the hold ends.
            return;
        }

        var source = _sources[result.Topic];
        var attempt = source.AttemptOf(result, hasHold && result.Offset <= hold!.LastOffset ? hold.Attempt : 1);
        if (source.NotBefore(result) is { } notBefore && notBefore > _time.GetUtcNow())
        {
            if (FlushPendingHolds(result.TopicPartition))
            {
                return;
            }

            Hold(result.TopicPartition, result.Offset, result.Offset, attempt, notBefore);
            return;
        }

        var value = result.ValueSpan;
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
        ConsumedRecord result,
        SourceTopic source,
        ReadOnlySpan<byte> value,
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
            || (detection == PayloadDetection.Auto && value.StartsWith(JsonEnvelope.Prefix));
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

        if (!result.TryGetLastHeader(HeaderReader.MessageType, out var typeBytes)
            || !result.TryGetLastHeader(HeaderReader.MessageVersion, out var versionBytes)
            || !HeaderReader.TryParseVersion(versionBytes, out version))
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

    private void OnUnknown(ConsumedRecord result, SourceTopic source, string messageType, int version, bool typeKnown)
    {
        var (topic, partition, offset) = source.Origin(result);
        var unknown = new UnknownMessageException(_group, messageType, version, typeKnown, topic, partition, offset);
        switch (source.Options.UnknownMessages)
        {
            case UnknownMessagePolicy.Skip:
                ConsumerLog.SkippedUnknown(_logger, _group, result.Topic, result.Partition, result.Offset, messageType, version);
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
            Done(contexts[i].Record);
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
            if (HeaderReader.ReadString(context.Record, "traceparent") is { } traceParent
                && ActivityContext.TryParse(traceParent, HeaderReader.ReadString(context.Record, "tracestate"), out var remote))
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
                : DeadLetterForward.For(_group, source, context.Record, exhausted, error, context.Attempt);
        }

        _forwarder.Value.ForwardAllAsync(forwards, _abort).GetAwaiter().GetResult();
        for (var i = 0; i < contexts.Count; i++)
        {
            var context = contexts[i];
            if (ToRetryTopic(context))
            {
                CountFailure(context.Topic, error, "retried");
                ConsumerLog.NonBlockingRetry(_logger, error, _group, context.Attempt, context.Topic, context.Partition, context.Offset, forwards[i].Topic);
                Done(context.Record);
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
        if (seekTo is { } offset)
        {
            _requests.SeekAndResume(partition, offset);
        }
        else
        {
            _requests.Resume(partition);
        }
    }

    private void DeadLetter(ConsumedRecord result, SourceTopic source, DeadLetterReason reason, Exception? error, int attempts)
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
        ConsumerLog.DeadLettered(_logger, error, _group, result.Topic, result.Partition, result.Offset, forward.Topic, DeadLetterForward.ReasonText(reason));
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
    private void Done(ConsumedRecord result)
    {
        _offsets.Done(result);
        if (_holds.Count != 0 && _holds.TryGetValue(result.TopicPartition, out var hold) && !hold.Paused && result.Offset >= hold.LastOffset)
        {
            _holds.Remove(result.TopicPartition);
        }
    }

    /// <summary>Pauses <paramref name="partition"/> and rewinds it to <paramref name="firstOffset"/> until <paramref name="resumeAt"/>.</summary>
    private void Hold(TopicPartition partition, long firstOffset, long lastOffset, int attempt, DateTimeOffset resumeAt)
    {
        // A partition that is no longer assigned fails the request; its revocation then drops the hold.
        _holds[partition] = new PartitionHold(lastOffset, attempt, resumeAt);
        _requests.PauseAndSeek(partition, firstOffset);
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
                _requests.Resume(partition);
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

    /// <summary>A paused (or recently resumed) partition: the messages it rewound to and the attempt they are on.</summary>
    private sealed class PartitionHold(long lastOffset, int attempt, DateTimeOffset resumeAt)
    {
        public long LastOffset { get; } = lastOffset;

        public int Attempt { get; } = attempt;

        public DateTimeOffset ResumeAt { get; } = resumeAt;

        public bool Paused { get; set; } = true;
    }
}
