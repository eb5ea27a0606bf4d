using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using Contracts.Avro;
using Contracts.Json;

namespace Contracts.Messaging;

/// <summary>The transport-neutral encoding of a produced message: value bytes per <see cref="WireFormat"/> and header values.</summary>
public static class MessageEncoding
{
    /// <summary>The length of a <see cref="MessageHeaders.MessageId"/> value: a UUID in its 36-character text form.</summary>
    public const int MessageIdLength = 36;

    /// <summary>Appends the value of <paramref name="message"/> in <paramref name="format"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="message">The message.</param>
    /// <param name="format">The topic's wire format.</param>
    /// <param name="producerName">logpipe's <c>"producer"</c> envelope field (JSON envelope only); omitted when null.</param>
    /// <exception cref="ContractEncodeException">The message holds a value its schema cannot carry.</exception>
    public static void WriteValue<T>(IBufferWriter<byte> output, T message, WireFormat format, string? producerName = null)
        where T : IMessageContract<T>
    {
        switch (format)
        {
            case WireFormat.Avro:
                if (message is null)
                {
                    throw new ContractEncodeException(ContractFormat.Avro, "the message is null.");
                }

                AvroSerializer.Serialize(output, message);
                break;
            case WireFormat.JsonEnvelope:
                JsonEnvelope.Serialize(output, message, producerName);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown wire format.");
        }
    }

    /// <summary>The <see cref="MessageHeaders.MessageType"/> value of <typeparamref name="T"/>, encoded once per contract.</summary>
    public static ReadOnlySpan<byte> MessageTypeHeader<T>()
        where T : IMessageContract<T> => HeaderValues<T>.MessageType;

    /// <summary>The <see cref="MessageHeaders.MessageVersion"/> value of <typeparamref name="T"/>, encoded once per contract.</summary>
    public static ReadOnlySpan<byte> MessageVersionHeader<T>()
        where T : IMessageContract<T> => HeaderValues<T>.MessageVersion;

    /// <summary>Writes <paramref name="messageId"/> as a <see cref="MessageHeaders.MessageId"/> value (36 ASCII bytes).</summary>
    public static void WriteMessageId(Guid messageId, Span<byte> destination)
    {
        if (!messageId.TryFormat(destination, out var written, "D") || written != MessageIdLength)
        {
            throw new ArgumentException($"The destination needs {MessageIdLength} bytes.", nameof(destination));
        }
    }

    /// <summary>Parses a <see cref="MessageHeaders.MessageVersion"/> value; false when it is not a positive decimal integer.</summary>
    public static bool TryParseVersion(ReadOnlySpan<byte> value, out int version) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;

    private static class HeaderValues<T>
        where T : IMessageContract<T>
    {
        public static readonly byte[] MessageType = Encoding.UTF8.GetBytes(T.Descriptor.MessageType);

        public static readonly byte[] MessageVersion = Encoding.UTF8.GetBytes(T.Descriptor.Version.ToString(CultureInfo.InvariantCulture));
    }
}
