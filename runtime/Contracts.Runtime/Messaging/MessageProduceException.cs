using System;

namespace Contracts.Messaging;

/// <summary>A message could not be delivered to its topic; the transport's own error is the inner exception.</summary>
public sealed class MessageProduceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MessageProduceException(string topic, string messageType, int version, Guid messageId, string reason, Exception? inner = null)
        : base($"Producing '{messageType}' v{version} (message-id {messageId}) to topic '{topic}' failed: {reason}", inner)
    {
        Topic = topic;
        MessageType = messageType;
        Version = version;
        MessageId = messageId;
        Reason = reason;
    }

    /// <summary>The topic the message was meant for.</summary>
    public string Topic { get; }

    /// <summary>The message type.</summary>
    public string MessageType { get; }

    /// <summary>The message version.</summary>
    public int Version { get; }

    /// <summary>The <see cref="MessageHeaders.MessageId"/> of the failed message.</summary>
    public Guid MessageId { get; }

    /// <summary>The transport's description of the failure.</summary>
    public string Reason { get; }
}
