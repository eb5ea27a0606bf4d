using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Contracts.Kafka.Retries;

/// <summary>Creates topics with the Kafka admin API (CreateTopics), as any real cluster offers it.</summary>
internal sealed class AdminTopicCreator(IAdminClient admin, TimeSpan timeout) : ITopicCreator
{
    public async Task<IReadOnlyList<(string Topic, Error Error)>> CreateAsync(IReadOnlyList<TopicSpecification> topics, CancellationToken cancellationToken)
    {
        try
        {
            await admin.CreateTopicsAsync(topics, new CreateTopicsOptions { RequestTimeout = timeout, OperationTimeout = timeout })
                .WaitAsync(cancellationToken)
                .ConfigureAwait(false);
            return [];
        }
        catch (CreateTopicsException error)
        {
            // Another consumer of the group may have created a topic between the metadata read and this request.
            return error.Results
                .Where(result => result.Error.IsError && result.Error.Code != ErrorCode.TopicAlreadyExists)
                .Select(result => (result.Topic, result.Error))
                .ToList();
        }
        catch (KafkaException error)
        {
            return topics.Select(topic => (topic.Name, error.Error)).ToList();
        }
    }
}
