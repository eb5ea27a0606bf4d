using System;
using System.Collections.Generic;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// Settings every Kafka client of the application shares, bound from <c>Contracts:Kafka</c>; consumer groups are
/// configured under <c>Contracts:Kafka:Consumers:&lt;group&gt;</c> (<see cref="ConsumerGroupOptions"/>).
/// </summary>
public sealed class KafkaOptions
{
    /// <summary>The configuration section these options are bound from by default.</summary>
    public const string SectionName = "Contracts:Kafka";

    /// <summary>Name of <see cref="BootstrapServers"/> in configuration.</summary>
    public const string BootstrapServersKey = nameof(BootstrapServers);

    /// <summary>Comma-separated <c>host:port</c> list of brokers: the only setting production changes.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>librdkafka properties for every client (security, client id, …).</summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);
}
