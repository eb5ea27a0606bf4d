using System;
using System.Globalization;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// A consumer met a message type or version it has no handler for and its topic's policy is
/// <see cref="UnknownMessagePolicy.Fail"/> (django-logpipe's <c>UnknownMessageVersionError</c>).
/// </summary>
public sealed class UnknownMessageException : Exception
{
    /// <summary>Creates the exception for the message at <paramref name="topic"/>/<paramref name="partition"/>/<paramref name="offset"/>.</summary>
    public UnknownMessageException(string consumerGroup, string messageType, int version, bool typeKnown, string topic, int partition, long offset)
        : base(Describe(consumerGroup, messageType, version, typeKnown, topic, partition, offset))
    {
        ConsumerGroup = consumerGroup;
        MessageType = messageType;
        Version = version;
        IsTypeKnown = typeKnown;
        Topic = topic;
        Partition = partition;
        Offset = offset;
    }

    /// <summary>The consumer group that has no handler.</summary>
    public string ConsumerGroup { get; }

    /// <summary>The message type from the message's headers or envelope.</summary>
    public string MessageType { get; }

    /// <summary>The version from the message's headers or envelope.</summary>
    public int Version { get; }

    /// <summary>True when another version of <see cref="MessageType"/> has a handler, i.e. only the version is unknown.</summary>
    public bool IsTypeKnown { get; }

    /// <summary>The topic the message was read from.</summary>
    public string Topic { get; }

    /// <summary>The partition the message was read from.</summary>
    public int Partition { get; }

    /// <summary>The offset of the message.</summary>
    public long Offset { get; }

    private static string Describe(string group, string type, int version, bool typeKnown, string topic, int partition, long offset) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Consumer group '{group}' has no handler for message type '{type}' version {version} ({(typeKnown ? "unknown version of a handled type" : "unknown message type")}) at {topic}[{partition}]@{offset}. Register a handler for it, an upcast from it to a handled version, or set the topic's UnknownMessages policy to Skip or DeadLetter.");
}
