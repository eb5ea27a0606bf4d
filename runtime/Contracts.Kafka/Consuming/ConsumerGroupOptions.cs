using System;
using System.Collections.Generic;
using Contracts.Kafka.Retries;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// Settings of one consumer group: what it subscribes to, how it retries and batches, and any librdkafka property.
/// Bound from <c>Contracts:Kafka:Consumers:&lt;group&gt;</c> and named after the group in <c>IOptionsMonitor</c>.
/// </summary>
public sealed class ConsumerGroupOptions
{
    /// <summary>Name of <see cref="GroupId"/> in configuration.</summary>
    public const string GroupIdKey = nameof(GroupId);

    /// <summary>Name of <see cref="Topics"/> in configuration.</summary>
    public const string TopicsKey = nameof(Topics);

    /// <summary>Name of <see cref="Retry"/> in configuration.</summary>
    public const string RetryKey = nameof(Retry);

    /// <summary>Name of <see cref="TopicCreation"/> in configuration.</summary>
    public const string TopicCreationKey = nameof(TopicCreation);

    /// <summary>The Kafka group id; the registration name when empty.</summary>
    public string? GroupId { get; set; }

    /// <summary>Overrides <see cref="KafkaOptions.BootstrapServers"/> for this group.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>The topics this group subscribes to, by name, each with its unknown-message policy.</summary>
    public Dictionary<string, TopicOptions> Topics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How failed handler calls are retried before the message is dead-lettered.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Whether the group creates its retry and dead-letter topics at start, and how.</summary>
    public TopicCreationOptions TopicCreation { get; set; } = new();

    /// <summary>The most messages a batch handler receives at once.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>How long a partly filled batch waits for more messages before its handler is called.</summary>
    public TimeSpan BatchLinger { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Where a new group starts reading: <c>Earliest</c> (default) or <c>Latest</c>.</summary>
    public Confluent.Kafka.AutoOffsetReset AutoOffsetReset { get; set; } = Confluent.Kafka.AutoOffsetReset.Earliest;

    /// <summary>
    /// How often stored offsets (those of handled messages) are committed; a crash redelivers at most this much work.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>librdkafka consumer properties (e.g. <c>session.timeout.ms</c>), applied over <see cref="KafkaOptions.Properties"/>.</summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the group's polling thread reads messages from librdkafka on the Confluent.Kafka consumer's own client
    /// (what is ready in one <c>rd_kafka_consume_batch_queue</c> call, else waiting in <c>rd_kafka_consumer_poll</c>),
    /// copying key, value and headers once into one array, instead of through Confluent.Kafka's <c>Consume</c>, which
    /// builds about a dozen objects per message (the same librdkafka calls underneath, so rebalances and callbacks
    /// behave alike). Default true; where the client cannot be reached safely (a 32-bit
    /// process, another Confluent.Kafka build) the group uses <c>Consume</c> either way.
    /// </summary>
    public bool DirectConsume { get; set; } = true;

    /// <summary>Adds a topic with its unknown-message policy.</summary>
    public ConsumerGroupOptions Subscribe(string topic, UnknownMessagePolicy unknownMessages = UnknownMessagePolicy.Fail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        Topics[topic] = new TopicOptions { UnknownMessages = unknownMessages };
        return this;
    }
}

/// <summary>Per-topic settings of a consumer group.</summary>
public sealed class TopicOptions
{
    /// <summary>What to do with a message type or version no handler accepts.</summary>
    public UnknownMessagePolicy UnknownMessages { get; set; } = UnknownMessagePolicy.Fail;

    /// <summary>How the wire format of each message is told.</summary>
    public PayloadDetection Format { get; set; } = PayloadDetection.Auto;
}
