using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Contracts.Kafka.Consuming;
using Microsoft.Extensions.Logging;

namespace Contracts.Kafka.Retries;

/// <summary>
/// Creates, when a consumer group starts, the retry and dead-letter topics it may write to and that do not exist yet,
/// with the subscribed topic's partition count unless <see cref="TopicCreationOptions"/> says otherwise.
/// </summary>
internal static partial class RetryTopicProvisioner
{
    /// <summary>Each retry topic (non-blocking retries only) and dead-letter topic of <paramref name="group"/>, with the subscribed topic it serves.</summary>
    public static IEnumerable<(string Topic, string Source)> Required(string group, ConsumerGroupOptions options)
    {
        foreach (var topic in options.Topics.Keys.Order(StringComparer.Ordinal))
        {
            if (options.Retry.Mode == RetryMode.NonBlocking)
            {
                for (var retry = 1; retry < options.Retry.MaxAttempts; retry++)
                {
                    yield return (RetryTopics.Retry(group, topic, retry), topic);
                }
            }

            yield return (RetryTopics.DeadLetter(group, topic), topic);
        }
    }

    /// <summary>Creates the missing topics; returns their names (none when creation is off or all exist).</summary>
    /// <exception cref="TopicCreationException">The cluster refused a topic or did not answer within <see cref="TopicCreationOptions.Timeout"/>.</exception>
    public static async Task<IReadOnlyList<string>> EnsureAsync(
        string group,
        ConsumerGroupOptions options,
        IReadOnlyDictionary<string, string> clientProperties,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var creation = options.TopicCreation;
        if (!creation.Enabled)
        {
            return [];
        }

        var required = Required(group, options).ToList();
        using var admin = new AdminClientBuilder(new AdminClientConfig(new Dictionary<string, string>(clientProperties, StringComparer.Ordinal)))
            .SetLogHandler((_, log) => AdminLog(logger, group, log.Facility, log.Message))
            .Build();

        Metadata metadata;
        try
        {
            // Every topic at once: the answer says which exist and how many partitions the subscribed ones have.
            metadata = await Task.Run(() => admin.GetMetadata(creation.Timeout), cancellationToken).ConfigureAwait(false);
        }
        catch (KafkaException error)
        {
            throw new TopicCreationException(group, required.Select(r => (r.Topic, error.Error)).ToList(), error);
        }

        var partitions = metadata.Topics.Where(t => !t.Error.IsError).ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);
        var missing = required
            .Where(r => !partitions.ContainsKey(r.Topic))
            .Select(r => new TopicSpecification
            {
                Name = r.Topic,
                NumPartitions = creation.Partitions ?? partitions.GetValueOrDefault(r.Source, -1),
                ReplicationFactor = creation.ReplicationFactor ?? -1,
                Configs = creation.Configs.Count == 0 ? null : new Dictionary<string, string>(creation.Configs, StringComparer.Ordinal),
            })
            .ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        ITopicCreator creator = EmbeddedKafka.InProcess(clientProperties.GetValueOrDefault("bootstrap.servers")) is { } embedded
            ? new EmbeddedTopicCreator(embedded)
            : new AdminTopicCreator(admin, creation.Timeout);
        var refused = await creator.CreateAsync(missing, cancellationToken).ConfigureAwait(false);
        if (refused.Count > 0)
        {
            throw new TopicCreationException(group, refused);
        }

        var created = missing.Select(t => t.Name).ToList();
        Created(logger, group, string.Join(", ", missing.Select(t => $"{t.Name} ({t.NumPartitions} partition(s))")));
        return created;
    }

    [LoggerMessage(1101, LogLevel.Information, "Consumer group '{Group}' created {Topics}")]
    private static partial void Created(ILogger logger, string group, string topics);

    [LoggerMessage(1102, LogLevel.Debug, "Consumer group '{Group}' admin client, librdkafka {Facility}: {Message}")]
    private static partial void AdminLog(ILogger logger, string group, string facility, string message);
}
