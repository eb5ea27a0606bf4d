using System;
using System.Collections.Generic;

namespace Contracts.Kafka.Retries;

/// <summary>
/// Whether and how a consumer group creates its retry (<c>&lt;group&gt;.&lt;topic&gt;.retry.&lt;n&gt;</c>) and dead-letter
/// (<c>&lt;group&gt;.&lt;topic&gt;.dlt</c>) topics when it starts. Topics that exist are left as they are.
/// </summary>
public sealed class TopicCreationOptions
{
    /// <summary>
    /// Creates the missing topics at start (the default). Turn it off where topics are managed elsewhere (infrastructure
    /// as code, a platform team): the consumer then uses whatever exists.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Partitions of each created topic; null copies the subscribed topic's count (the broker's default when that topic does not exist yet).</summary>
    public int? Partitions { get; set; }

    /// <summary>Replicas of each created topic; null uses the broker's default.</summary>
    public short? ReplicationFactor { get; set; }

    /// <summary>Topic-level configuration of created topics (e.g. <c>retention.ms</c>).</summary>
    public Dictionary<string, string> Configs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long the broker may take to answer the metadata and creation requests.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
