namespace Contracts.Kafka.Diagnostics;

/// <summary>OpenTelemetry messaging semantic-convention names used on spans and metrics.</summary>
public static class MessagingAttributes
{
    /// <summary><c>messaging.system</c>; always <see cref="KafkaSystem"/> here.</summary>
    public const string System = "messaging.system";

    /// <summary>The value of <see cref="System"/> for Kafka.</summary>
    public const string KafkaSystem = "kafka";

    /// <summary><c>messaging.destination.name</c>: the topic.</summary>
    public const string DestinationName = "messaging.destination.name";

    /// <summary><c>messaging.destination.partition.id</c>: the partition, as a string.</summary>
    public const string PartitionId = "messaging.destination.partition.id";

    /// <summary><c>messaging.consumer.group.name</c>.</summary>
    public const string ConsumerGroup = "messaging.consumer.group.name";

    /// <summary><c>messaging.operation.name</c>: <c>process</c>, <c>send</c>, ….</summary>
    public const string OperationName = "messaging.operation.name";

    /// <summary><c>messaging.operation.type</c>: <c>process</c>, <c>send</c>, ….</summary>
    public const string OperationType = "messaging.operation.type";

    /// <summary><c>messaging.message.id</c>.</summary>
    public const string MessageId = "messaging.message.id";

    /// <summary><c>messaging.kafka.offset</c>.</summary>
    public const string KafkaOffset = "messaging.kafka.offset";

    /// <summary><c>messaging.batch.message_count</c>.</summary>
    public const string BatchMessageCount = "messaging.batch.message_count";

    /// <summary><c>error.type</c>: the exception's full type name.</summary>
    public const string ErrorType = "error.type";

    /// <summary><c>contracts.message.type</c>: the contract's message type.</summary>
    public const string ContractMessageType = "contracts.message.type";

    /// <summary><c>contracts.message.version</c>: the version the producer wrote.</summary>
    public const string ContractMessageVersion = "contracts.message.version";

    /// <summary><c>contracts.outcome</c> on failures: <c>retried</c>, <c>dead_lettered</c>, <c>skipped</c>, <c>failed</c>.</summary>
    public const string Outcome = "contracts.outcome";
}
