using Contracts.Messaging;

namespace Contracts.Kafka;

/// <summary>The constant header values of a contract, encoded once: Confluent.Kafka headers hold arrays, which it never writes to.</summary>
internal static class KafkaHeaderValues<T>
    where T : IMessageContract<T>
{
    public static readonly byte[] MessageType = MessageEncoding.MessageTypeHeader<T>().ToArray();

    public static readonly byte[] MessageVersion = MessageEncoding.MessageVersionHeader<T>().ToArray();
}
