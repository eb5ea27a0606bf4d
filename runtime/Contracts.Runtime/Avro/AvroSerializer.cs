using System;
using System.Buffers;
using Contracts.Buffers;

namespace Contracts.Avro;

/// <summary>Avro binary serialization of contracts (the body only: no framing, no headers).</summary>
public static class AvroSerializer
{
    /// <summary>Appends the Avro encoding of <paramref name="value"/> to <paramref name="output"/>. Allocates nothing.</summary>
    public static void Serialize<T>(IBufferWriter<byte> output, T value)
        where T : IMessageContract<T>
    {
        var writer = new AvroWriter(output, SizeHint<T>.LastSize);
        T.WriteAvro(ref writer, value);
        writer.Flush();
        SizeHint<T>.LastSize = writer.BytesWritten;
    }

    /// <summary>Returns the Avro encoding of <paramref name="value"/> as a new array.</summary>
    public static byte[] Serialize<T>(T value)
        where T : IMessageContract<T>
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Serialize(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads one <typeparamref name="T"/> that must span all of <paramref name="data"/>.</summary>
    /// <exception cref="ContractDecodeException">The bytes are not a valid encoding of <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> data, AvroReaderOptions? options = null)
        where T : IMessageContract<T>
    {
        var reader = new AvroReader(data, options);
        var value = T.ReadAvro(ref reader);
        reader.EnsureEnd();
        return value;
    }

    /// <summary>Reads one <typeparamref name="T"/> from possibly segmented input (copied once when it spans segments).</summary>
    /// <exception cref="ContractDecodeException">The bytes are not a valid encoding of <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(in ReadOnlySequence<byte> data, AvroReaderOptions? options = null)
        where T : IMessageContract<T>
    {
        return ContiguousInput.Decode(data, ContractFormat.Avro, options, static (span, readerOptions) => Deserialize<T>(span, readerOptions));
    }

    // Messages of one contract tend to have similar sizes: asking the buffer for the last one's size up front usually
    // makes the whole message one request instead of several small ones. (Races only lose a hint.)
    private static class SizeHint<T>
    {
        public static int LastSize;
    }

    /// <summary>Returns the key bytes of <paramref name="value"/> in its contract's key format (empty without a key).</summary>
    public static byte[] SerializeKey<T>(T value)
        where T : IMessageContract<T>
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        T.WriteKey(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }
}
