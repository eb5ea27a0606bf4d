using System;
using Confluent.Kafka;

namespace Contracts.Kafka.Consuming;

/// <summary>Where a consumed message came from and what its headers said; passed to every handler call.</summary>
public sealed class MessageContext
{
    private Headers? _headers;

    internal MessageContext(ConsumedRecord record, string consumerGroup, string messageType, int version, int attempt)
    {
        Record = record;
        ConsumerGroup = consumerGroup;
        MessageType = messageType;
        Version = version;
        Attempt = attempt;
    }

    internal ConsumedRecord Record { get; }

    /// <summary>The same message on another attempt (a blocking retry hands the same batch over again).</summary>
    internal MessageContext WithAttempt(int attempt) => new(Record, ConsumerGroup, MessageType, Version, attempt);

    /// <summary>The consumer group that received the message.</summary>
    public string ConsumerGroup { get; }

    /// <summary>The topic the message was read from (a retry topic on a retry attempt).</summary>
    public string Topic => Record.Topic;

    /// <summary>The partition the message was read from.</summary>
    public int Partition => Record.Partition;

    /// <summary>The message's offset in <see cref="Partition"/>.</summary>
    public long Offset => Record.Offset;

    /// <summary>The broker or producer timestamp.</summary>
    public DateTimeOffset Timestamp => new(Record.Timestamp.UtcDateTime, TimeSpan.Zero);

    /// <summary>The message key bytes as written by the producer; null without a key.</summary>
    public ReadOnlyMemory<byte>? Key => Record.Key;

    /// <summary>All headers of the message, in order (built on first use; handlers that never ask pay nothing).</summary>
    public Headers Headers => _headers ??= Record.ToHeaders();

    /// <summary>The message type the producer wrote (header or JSON envelope).</summary>
    public string MessageType { get; }

    /// <summary>
    /// The contract version the producer wrote; lower than the handler's version when an older message was upcast.
    /// </summary>
    public int Version { get; }

    /// <summary>1 for the first delivery; n + 1 when the message comes back from its n-th retry.</summary>
    public int Attempt { get; }

    /// <summary>The producer's message id header, when present.</summary>
    public string? MessageId => HeaderReader.ReadString(Record, HeaderReader.MessageId);
}
