using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Contracts.Kafka.Retries;

namespace Contracts.Kafka;

/// <summary>
/// Creates topics on an <see cref="EmbeddedKafka"/> in this process through librdkafka's mock API, since the mock
/// broker answers no CreateTopics request. Broker defaults (-1) become one partition and one replica.
/// </summary>
internal sealed class EmbeddedTopicCreator(EmbeddedKafka kafka) : ITopicCreator
{
    public Task<IReadOnlyList<(string Topic, Error Error)>> CreateAsync(IReadOnlyList<TopicSpecification> topics, CancellationToken cancellationToken)
    {
        var refused = new List<(string Topic, Error Error)>();
        foreach (var topic in topics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                kafka.CreateTopic(topic.Name, Math.Max(1, topic.NumPartitions), Math.Clamp((int)topic.ReplicationFactor, 1, kafka.BrokerCount));
            }
            catch (EmbeddedKafkaException error) when (error.ErrorCode != ErrorCode.TopicAlreadyExists)
            {
                refused.Add((topic.Name, new Error(error.ErrorCode, error.Message)));
            }
            catch (EmbeddedKafkaException)
            {
                // Created meanwhile: what the caller wanted.
            }
        }

        return Task.FromResult<IReadOnlyList<(string Topic, Error Error)>>(refused);
    }
}
