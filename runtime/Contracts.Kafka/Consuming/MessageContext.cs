using System;
using Confluent.Kafka;

namespace Contracts.Kafka.Consuming;

/// <summary>Where a consumed message came from and what its headers said; passed to every handler call.</summary>
public sealed class MessageContext
{
    internal MessageContext(ConsumeResult<byte[]?, byte[]?> result, string consumerGroup, string messageType, int version, int attempt)
    {
        Result = result;
        ConsumerGroup = consumerGroup;
        MessageType = messageType;
        Version = version;
        Attempt = attempt;
    }

    internal ConsumeResult<byte[]?, byte[]?> Result { get; }

    /// <summary>The same message on another attempt (a blocking retry hands the same batch over again).</summary>
    internal MessageContext WithAttempt(int attempt) => new(Result, ConsumerGroup, MessageType, Version, attempt);

    /// <summary>The consumer group that received the message.</summary>
    public string ConsumerGroup { get; }

    /// <summary>The topic the message was read from (a retry topic on a retry attempt).</summary>
    public string Topic => Result.Topic;

    /// <summary>The partition the message was read from.</summary>
    public int Partition => Result.Partition.Value;

    /// <summary>The message's offset in <see cref="Partition"/>.</summary>
    public long Offset => Result.Offset.Value;

    /// <summary>The broker or producer timestamp.</summary>
    public DateTimeOffset Timestamp => new(Result.Message.Timestamp.UtcDateTime, TimeSpan.Zero);

    /// <summary>The message key bytes as written by the producer; null without a key.</summary>
    public ReadOnlyMemory<byte>? Key => Result.Message.Key is { } key ? key : null;

    /// <summary>All headers of the message.</summary>
    public Headers? Headers => Result.Message.Headers;

    /// <summary>The message type the producer wrote (header or JSON envelope).</summary>
    public string MessageType { get; }

    /// <summary>
    /// The contract version the producer wrote; lower than the handler's version when an older message was upcast.
    /// </summary>
    public int Version { get; }

    /// <summary>1 for the first delivery; n + 1 when the message comes back from its n-th retry.</summary>
    public int Attempt { get; }

    /// <summary>The producer's message id header, when present.</summary>
    public string? MessageId => HeaderReader.ReadString(Headers, HeaderReader.MessageId);
}
