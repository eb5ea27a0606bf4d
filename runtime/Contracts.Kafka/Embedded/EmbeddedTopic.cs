namespace Contracts.Kafka;

/// <summary>A topic the embedded broker creates at start.</summary>
/// <param name="Name">The topic name.</param>
/// <param name="Partitions">
/// The partition count. The mock keeps only the newest ~5 MiB (or 100k batches) per partition and silently drops older
/// data, so size it for the volume a test produces.
/// </param>
/// <param name="ReplicationFactor">Replicas per partition; at most the broker count.</param>
public sealed record EmbeddedTopic(string Name, int Partitions = 1, int ReplicationFactor = 1);
