using System;
using System.Collections.Generic;

namespace Contracts.Kafka;

/// <summary>How the embedded broker starts.</summary>
public sealed class EmbeddedKafkaOptions
{
    /// <summary>The number of brokers, ids 1..<see cref="Brokers"/>; 1 unless set.</summary>
    public int Brokers { get; set; } = 1;

    /// <summary>Topics created at start.</summary>
    public IList<EmbeddedTopic> Topics { get; } = new List<EmbeddedTopic>();

    /// <summary>
    /// How long a new classic consumer group waits for more members before its first rebalance. Real brokers wait 3 s;
    /// zero unless set, so tests and local runs start consuming at once.
    /// </summary>
    public TimeSpan GroupInitialRebalanceDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Session timeout the broker hands to members of <c>consumer</c>-protocol groups (KIP-848); null keeps the mock's
    /// default (45 s).
    /// </summary>
    public TimeSpan? ConsumerGroupSessionTimeout { get; set; }

    /// <summary>Heartbeat interval for <c>consumer</c>-protocol groups; null keeps the mock's default (3 s).</summary>
    public TimeSpan? ConsumerGroupHeartbeatInterval { get; set; }

    /// <summary>
    /// The librdkafka log level (syslog numbering, 0–7) of the handle that hosts the mock cluster; 3 (errors) unless set,
    /// because fault injection makes the mock log every refused connection.
    /// </summary>
    public int LogLevel { get; set; } = 3;
}
