using System;
using System.Collections.Generic;
using Contracts.Kafka.Consuming;
using Microsoft.Extensions.Options;

namespace Contracts.Hosting;

/// <summary>Rejects shared Kafka settings a client would fail on later, naming the configuration key.</summary>
internal sealed class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        var failures = new List<string>();
        foreach (var (property, value) in options.Properties)
        {
            if (string.IsNullOrWhiteSpace(property) || value is null)
            {
                failures.Add($"{KafkaOptions.SectionName}:Properties has an empty name or value ('{property}').");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Rejects consumer group settings that cannot work, each failure naming its configuration key.</summary>
internal sealed class ConsumerGroupOptionsValidator(IOptions<KafkaOptions> kafka, IEnumerable<ConsumerGroupDefinition> definitions) : IValidateOptions<ConsumerGroupOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsumerGroupOptions options)
    {
        var at = $"{KafkaOptions.SectionName}:Consumers:{name}";
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BootstrapServers) && string.IsNullOrWhiteSpace(kafka.Value.BootstrapServers))
        {
            failures.Add($"{KafkaOptions.SectionName}:{KafkaOptions.BootstrapServersKey} (or {at}:{nameof(ConsumerGroupOptions.BootstrapServers)}) is required: the host:port list of the Kafka brokers.");
        }

        if (options.Topics.Count == 0)
        {
            failures.Add($"{at}:{ConsumerGroupOptions.TopicsKey} is empty: subscribe the consumer group to at least one topic.");
        }

        foreach (var topic in options.Topics.Keys)
        {
            if (string.IsNullOrWhiteSpace(topic) || topic.Length > 249)
            {
                failures.Add($"{at}:{ConsumerGroupOptions.TopicsKey} has an invalid topic name '{topic}'.");
            }
        }

        var retry = options.Retry;
        if (retry.MaxAttempts < 1)
        {
            failures.Add($"{at}:{ConsumerGroupOptions.RetryKey}:{nameof(retry.MaxAttempts)} must be at least 1 (was {retry.MaxAttempts}).");
        }

        if (retry.InitialDelay < TimeSpan.Zero || retry.MaxDelay < retry.InitialDelay)
        {
            failures.Add($"{at}:{ConsumerGroupOptions.RetryKey}: {nameof(retry.InitialDelay)} must be zero or more and at most {nameof(retry.MaxDelay)} (were {retry.InitialDelay} and {retry.MaxDelay}).");
        }

        if (!(retry.Multiplier >= 1))
        {
            failures.Add($"{at}:{ConsumerGroupOptions.RetryKey}:{nameof(retry.Multiplier)} must be at least 1 (was {retry.Multiplier}).");
        }

        var creation = options.TopicCreation;
        if (creation.Partitions is < 1)
        {
            failures.Add($"{at}:{ConsumerGroupOptions.TopicCreationKey}:{nameof(creation.Partitions)} must be at least 1 when set (was {creation.Partitions}).");
        }

        if (creation.ReplicationFactor is < 1)
        {
            failures.Add($"{at}:{ConsumerGroupOptions.TopicCreationKey}:{nameof(creation.ReplicationFactor)} must be at least 1 when set (was {creation.ReplicationFactor}).");
        }

        if (creation.Timeout <= TimeSpan.Zero || creation.Timeout.TotalMilliseconds > int.MaxValue)
        {
            failures.Add($"{at}:{ConsumerGroupOptions.TopicCreationKey}:{nameof(creation.Timeout)} must be positive (was {creation.Timeout}).");
        }

        if (options.MaxBatchSize < 1)
        {
            failures.Add($"{at}:{nameof(options.MaxBatchSize)} must be at least 1 (was {options.MaxBatchSize}).");
        }

        if (options.BatchLinger < TimeSpan.Zero)
        {
            failures.Add($"{at}:{nameof(options.BatchLinger)} must not be negative (was {options.BatchLinger}).");
        }

        if (options.CommitInterval <= TimeSpan.Zero || options.CommitInterval.TotalMilliseconds > int.MaxValue)
        {
            failures.Add($"{at}:{nameof(options.CommitInterval)} must be positive (was {options.CommitInterval}).");
        }

        foreach (var definition in definitions)
        {
            if (string.Equals(definition.Name, name, StringComparison.Ordinal) && definition.HandlerCount == 0)
            {
                failures.Add($"Consumer group '{name}' has no handler: call AddHandler or AddBatchHandler in AddConsumer(\"{name}\", ...).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
