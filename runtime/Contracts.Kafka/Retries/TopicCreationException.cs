using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;

namespace Contracts.Kafka.Retries;

/// <summary>
/// A consumer group could not create its retry or dead-letter topics: the broker refused (authorization, policy, an
/// admin API it does not offer) or did not answer in time. The consumer does not start.
/// </summary>
public sealed class TopicCreationException : Exception
{
    internal TopicCreationException(string consumerGroup, IReadOnlyList<(string Topic, Error Error)> refused, Exception? inner = null)
        : base(Describe(consumerGroup, refused), inner)
    {
        ConsumerGroup = consumerGroup;
        Refused = refused.Select(r => new KeyValuePair<string, ErrorCode>(r.Topic, r.Error.Code)).ToArray();
    }

    /// <summary>The consumer group whose topics these are.</summary>
    public string ConsumerGroup { get; }

    /// <summary>Each topic that was not created, with the broker's (or client's) error code.</summary>
    public IReadOnlyList<KeyValuePair<string, ErrorCode>> Refused { get; }

    private static string Describe(string group, IReadOnlyList<(string Topic, Error Error)> refused) =>
        $"Consumer group '{group}' could not create its retry/dead-letter topic(s): "
        + string.Join("; ", refused.Select(r => $"'{r.Topic}': {r.Error.Code} ({r.Error.Reason})"))
        + $". Create them on the cluster, or set Contracts:Kafka:Consumers:{group}:TopicCreation:Enabled to false if they are managed elsewhere.";
}
