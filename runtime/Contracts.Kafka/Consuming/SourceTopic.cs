using System;
using System.Buffers.Text;
using System.Collections.Generic;
using Confluent.Kafka;
using Contracts.Kafka.Retries;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// A topic a consumer group reads: one it subscribed to, or one of that topic's retry topics, which carry the original
/// topic's settings and remember where each message first came from.
/// </summary>
internal sealed class SourceTopic
{
    private SourceTopic(string originalTopic, TopicOptions options, int retry)
    {
        OriginalTopic = originalTopic;
        Options = options;
        Retry = retry;
    }

    /// <summary>The subscribed topic this one belongs to.</summary>
    public string OriginalTopic { get; }

    public TopicOptions Options { get; }

    /// <summary>0 for the subscribed topic, n for <c>&lt;group&gt;.&lt;topic&gt;.retry.&lt;n&gt;</c>.</summary>
    public int Retry { get; }

    /// <summary>Every topic the group's consumer subscribes to: each configured topic plus its retry topics, if any.</summary>
    public static IReadOnlyDictionary<string, SourceTopic> For(string group, ConsumerGroupOptions options)
    {
        var topics = new Dictionary<string, SourceTopic>(StringComparer.Ordinal);
        foreach (var (topic, topicOptions) in options.Topics)
        {
            topics[topic] = new SourceTopic(topic, topicOptions, 0);
            if (options.Retry.Mode == RetryMode.NonBlocking)
            {
                for (var retry = 1; retry < options.Retry.MaxAttempts; retry++)
                {
                    topics[RetryTopics.Retry(group, topic, retry)] = new SourceTopic(topic, topicOptions, retry);
                }
            }
        }

        return topics;
    }

    /// <summary>The attempt a message is on: from its retry header on a retry topic, otherwise <paramref name="local"/>.</summary>
    public int AttemptOf(ConsumedRecord result, int local) =>
        Retry == 0 ? local : ReadLong(result, RetryHeaders.Attempt) is { } attempt and > 0 and < int.MaxValue ? (int)attempt : Retry + 1;

    /// <summary>When a retry-topic message may be handled; null on a subscribed topic.</summary>
    public DateTimeOffset? NotBefore(ConsumedRecord result) =>
        Retry != 0 && ReadLong(result, RetryHeaders.NotBefore) is { } milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;

    /// <summary>Where the message was first consumed: its retry headers on a retry topic, itself otherwise.</summary>
    public (string Topic, int Partition, long Offset) Origin(ConsumedRecord result)
    {
        if (Retry != 0
            && ReadLong(result, RetryHeaders.OriginalPartition) is { } partition
            && ReadLong(result, RetryHeaders.OriginalOffset) is { } offset)
        {
            return (OriginalTopic, (int)partition, offset);
        }

        return (result.Topic, result.Partition, result.Offset);
    }

    private static long? ReadLong(ConsumedRecord result, string header) =>
        result.TryGetLastHeader(header, out var bytes) && Utf8Parser.TryParse(bytes, out long value, out var consumed) && consumed == bytes.Length
            ? value
            : null;
}
