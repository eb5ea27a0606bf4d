using System.Buffers;
using System.Text.Json;
using Contracts.Avro;

namespace Contracts;

/// <summary>
/// Implemented by the build for every <see cref="MessageAttribute"/> type: the static codecs and descriptor that
/// serializers, producers and consumers call through generics, with no reflection.
/// </summary>
/// <typeparam name="TSelf">The contract type itself.</typeparam>
public interface IMessageContract<TSelf>
    where TSelf : IMessageContract<TSelf>
{
    /// <summary>Type, version, schemas, fingerprints and key configuration of the contract.</summary>
    static abstract MessageDescriptor<TSelf> Descriptor { get; }

    /// <summary>Writes <paramref name="value"/> as Avro binary (no framing, no headers).</summary>
    static abstract void WriteAvro(ref AvroWriter writer, TSelf value);

    /// <summary>Reads one value written with this contract's schema.</summary>
    static abstract TSelf ReadAvro(ref AvroReader reader);

    /// <summary>Writes <paramref name="value"/> as the JSON object that goes under the envelope's <c>"message"</c>.</summary>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf value);

    /// <summary>Reads the JSON object under the envelope's <c>"message"</c>; the reader is positioned on its <c>{</c>.</summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>
    /// Writes the message key in the contract's <see cref="MessageDescriptor{T}.KeyFormat"/>: the Avro key record,
    /// the key as UTF-8 text, or nothing when the contract has no key.
    /// </summary>
    static abstract void WriteKey(IBufferWriter<byte> output, TSelf value);
}
