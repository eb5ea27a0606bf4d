namespace Contracts.Messaging;

/// <summary>Names of the headers every produced message carries (UTF-8 text values).</summary>
public static class MessageHeaders
{
    /// <summary>The contract's message type name, e.g. <c>person</c>.</summary>
    public const string MessageType = "message-type";

    /// <summary>The contract's version as decimal text, e.g. <c>2</c>.</summary>
    public const string MessageVersion = "message-version";

    /// <summary>A unique id per produced message (a version 7 UUID in its 36-character text form), for deduplication and tracing.</summary>
    public const string MessageId = "message-id";
}
