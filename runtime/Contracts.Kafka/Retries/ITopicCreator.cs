using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Contracts.Kafka.Retries;

/// <summary>Creates topics on one cluster: through the Kafka admin API, or the embedded broker's own API (its mock has no admin API).</summary>
internal interface ITopicCreator
{
    /// <summary>Creates <paramref name="topics"/>; returns those the cluster refused (a topic that exists already is not refused).</summary>
    Task<IReadOnlyList<(string Topic, Error Error)>> CreateAsync(IReadOnlyList<TopicSpecification> topics, CancellationToken cancellationToken);
}
