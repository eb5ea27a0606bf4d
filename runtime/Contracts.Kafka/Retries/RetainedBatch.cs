using System;
using System.Collections.Generic;
using Confluent.Kafka;
using Contracts.Kafka.Consuming;

namespace Contracts.Kafka.Retries;

/// <summary>
/// A failed handler call waiting for its blocking retry: the same messages, decoded once, handed to the handler again
/// as one call at <see cref="RetryAt"/>. Its partitions stay paused until the call succeeds or its messages are
/// dead-lettered, so nothing behind the batch overtakes it.
/// </summary>
internal sealed class RetainedBatch
{
    public RetainedBatch(HandlerTarget target, DateTimeOffset retryAt)
    {
        Target = target;
        RetryAt = retryAt;
        var ranges = new Dictionary<TopicPartition, (long First, long Last)>();
        foreach (var context in target.Pending)
        {
            var partition = context.Record.TopicPartition;
            ranges[partition] = ranges.TryGetValue(partition, out var range)
                ? (Math.Min(range.First, context.Offset), Math.Max(range.Last, context.Offset))
                : (context.Offset, context.Offset);
        }

        Ranges = ranges;
    }

    /// <summary>The handler with the batch's messages, on their next attempt.</summary>
    public HandlerTarget Target { get; }

    public DateTimeOffset RetryAt { get; }

    /// <summary>The first and last offset the batch holds of each of its partitions.</summary>
    public IReadOnlyDictionary<TopicPartition, (long First, long Last)> Ranges { get; }
}
