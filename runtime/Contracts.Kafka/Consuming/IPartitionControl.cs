using System.Collections.Generic;
using Confluent.Kafka;

namespace Contracts.Kafka.Consuming;

/// <summary>The part of a Confluent consumer that <see cref="PartitionRequests"/> drives (a seam for its tests).</summary>
internal interface IPartitionControl
{
    void Pause(IEnumerable<TopicPartition> partitions);

    void Resume(IEnumerable<TopicPartition> partitions);

    void Seek(TopicPartitionOffset tpo);
}

/// <summary>A Confluent consumer as an <see cref="IPartitionControl"/>.</summary>
internal sealed class ConsumerPartitionControl(IConsumer<byte[]?, byte[]?> consumer) : IPartitionControl
{
    public void Pause(IEnumerable<TopicPartition> partitions) => consumer.Pause(partitions);

    public void Resume(IEnumerable<TopicPartition> partitions) => consumer.Resume(partitions);

    public void Seek(TopicPartitionOffset tpo) => consumer.Seek(tpo);
}
