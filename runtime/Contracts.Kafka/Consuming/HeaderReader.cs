using System;
using System.Buffers.Text;
using System.Text;

namespace Contracts.Kafka.Consuming;

/// <summary>Reads the contract headers a producer writes, without allocating for the lookups dispatch does per message.</summary>
internal static class HeaderReader
{
    public const string MessageType = Messaging.MessageHeaders.MessageType;
    public const string MessageVersion = Messaging.MessageHeaders.MessageVersion;
    public const string MessageId = Messaging.MessageHeaders.MessageId;

    /// <summary>The last value of header <paramref name="name"/> as UTF-8 text; null when absent or null.</summary>
    public static string? ReadString(ConsumedRecord record, string name) =>
        record.TryGetLastHeader(name, out var value) ? Encoding.UTF8.GetString(value) : null;

    /// <summary>Parses a decimal version header; false when it is absent, empty or not a whole number.</summary>
    public static bool TryParseVersion(ReadOnlySpan<byte> text, out int version) =>
        Utf8Parser.TryParse(text, out version, out var consumed) && consumed == text.Length && text.Length > 0;
}
