using System;
using Contracts.Avro;
using Contracts.Json;

namespace Contracts.Kafka.Consuming;

/// <summary>How a payload is encoded, as told by the message itself.</summary>
internal enum PayloadFormat
{
    /// <summary>Avro binary, identified by the <c>message-type</c>/<c>message-version</c> headers.</summary>
    Avro,

    /// <summary>The django-logpipe JSON envelope (<c>json:{"type","version","message"}</c>).</summary>
    JsonEnvelope,
}

/// <summary>Reads a payload into a contract value.</summary>
internal delegate T PayloadReader<out T>(ReadOnlySpan<byte> payload);

/// <summary>
/// One (message type, written version) a consumer accepts: how to decode it and which handler gets the result. The
/// written version may be older than the handler's contract, in which case the readers upcast.
/// </summary>
internal abstract class MessageRoute(string messageType, int writtenVersion)
{
    public string MessageType { get; } = messageType;

    public int WrittenVersion { get; } = writtenVersion;

    public abstract HandlerTarget Target { get; }

    /// <summary>Decodes <paramref name="payload"/> and queues it on <see cref="Target"/>; throws <see cref="ContractDecodeException"/> for bad bytes.</summary>
    public abstract void DecodeInto(ReadOnlySpan<byte> payload, PayloadFormat format, MessageContext context);
}

internal sealed class MessageRoute<T>(string messageType, int writtenVersion, HandlerTarget<T> target, PayloadReader<T> readAvro, PayloadReader<T> readJson)
    : MessageRoute(messageType, writtenVersion)
    where T : IMessageContract<T>
{
    public override HandlerTarget Target => target;

    public override void DecodeInto(ReadOnlySpan<byte> payload, PayloadFormat format, MessageContext context)
    {
        var message = format == PayloadFormat.Avro ? readAvro(payload) : readJson(payload);
        target.Add(message, context);
    }

    /// <summary>The route for the handler's own contract version.</summary>
    public static MessageRoute<T> Exact(HandlerTarget<T> target) => new(
        T.Descriptor.MessageType,
        T.Descriptor.Version,
        target,
        static payload => AvroSerializer.Deserialize<T>(payload),
        static payload => JsonEnvelope.Deserialize<T>(payload));

    /// <summary>The route for an older contract <typeparamref name="TOld"/>, read as itself and converted.</summary>
    public static MessageRoute<T> Upcast<TOld>(HandlerTarget<T> target, Func<TOld, T> convert)
        where TOld : IMessageContract<TOld> => new(
        TOld.Descriptor.MessageType,
        TOld.Descriptor.Version,
        target,
        payload => convert(AvroSerializer.Deserialize<TOld>(payload)),
        payload => convert(JsonEnvelope.Deserialize<TOld>(payload)));
}
