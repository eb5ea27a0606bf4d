using System;
using System.Buffers.Text;
using System.Text;
using Confluent.Kafka;

namespace Contracts.Kafka.Consuming;

/// <summary>Reads the contract headers a producer writes, without allocating for the lookups dispatch does per message.</summary>
internal static class HeaderReader
{
    public const string MessageType = Messaging.MessageHeaders.MessageType;
    public const string MessageVersion = Messaging.MessageHeaders.MessageVersion;
    public const string MessageId = Messaging.MessageHeaders.MessageId;

    /// <summary>The last value of header <paramref name="name"/> (Kafka allows repeats; the last one wins).</summary>
    public static byte[]? Find(Headers? headers, string name)
    {
        if (headers is null)
        {
            return null;
        }

        for (var i = headers.Count - 1; i >= 0; i--)
        {
            var header = headers[i];
            if (string.Equals(header.Key, name, StringComparison.Ordinal))
            {
                return header.GetValueBytes();
            }
        }

        return null;
    }

    /// <summary>
    /// The last <c>message-type</c> and <c>message-version</c> values in one pass over the headers (dispatch reads both
    /// for every message).
    /// </summary>
    public static void FindContractHeaders(Headers? headers, out byte[]? messageType, out byte[]? messageVersion)
    {
        messageType = null;
        messageVersion = null;
        if (headers is null)
        {
            return;
        }

        for (var i = headers.Count - 1; i >= 0 && (messageType is null || messageVersion is null); i--)
        {
            var header = headers[i];
            if (messageType is null && string.Equals(header.Key, MessageType, StringComparison.Ordinal))
            {
                messageType = header.GetValueBytes();
            }
            else if (messageVersion is null && string.Equals(header.Key, MessageVersion, StringComparison.Ordinal))
            {
                messageVersion = header.GetValueBytes();
            }
        }
    }

    public static string? ReadString(Headers? headers, string name) =>
        Find(headers, name) is { } value ? Encoding.UTF8.GetString(value) : null;

    /// <summary>Parses a decimal version header; false when it is absent, empty or not a whole number.</summary>
    public static bool TryParseVersion(ReadOnlySpan<byte> text, out int version) =>
        Utf8Parser.TryParse(text, out version, out var consumed) && consumed == text.Length && text.Length > 0;
}
