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
internal abstract class MessageRoute(string messageType, int writtenVersion, bool isImplicit)
{
    public string MessageType { get; } = messageType;

    public int WrittenVersion { get; } = writtenVersion;

    /// <summary>
    /// True for a route the build offers on its own (a generated resolving reader) rather than one registered in code:
    /// a registered handler or upcast for the same version takes precedence over it.
    /// </summary>
    public bool IsImplicit { get; } = isImplicit;

    public abstract HandlerTarget Target { get; }

    /// <summary>Decodes <paramref name="payload"/> and queues it on <see cref="Target"/>; throws <see cref="ContractDecodeException"/> for bad bytes.</summary>
    public abstract void DecodeInto(ReadOnlySpan<byte> payload, PayloadFormat format, MessageContext context);
}

internal sealed class MessageRoute<T>(string messageType, int writtenVersion, HandlerTarget<T> target, PayloadReader<T> readAvro, PayloadReader<T> readJson, bool isImplicit = false)
    : MessageRoute(messageType, writtenVersion, isImplicit)
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

    /// <summary>
    /// The route for an earlier version the build generated a resolving reader for (Avro schema resolution from that
    /// version's writer schema into <typeparamref name="T"/>). Resolution is defined for Avro only: a JSON envelope of
    /// that version needs a registered upcast.
    /// </summary>
    public static MessageRoute<T> Resolving(HandlerTarget<T> target, AvroResolvingReader<T> reader) => new(
        T.Descriptor.MessageType,
        reader.WriterVersion,
        target,
        payload => reader.Read(payload),
        _ => throw new ContractDecodeException(
            ContractFormat.Json,
            $"a JSON envelope of '{T.Descriptor.MessageType}' v{reader.WriterVersion} cannot be read as {typeof(T).Name} (v{T.Descriptor.Version}): schema resolution applies to Avro only; register an upcast from the v{reader.WriterVersion} contract",
            0),
        isImplicit: true);
}
