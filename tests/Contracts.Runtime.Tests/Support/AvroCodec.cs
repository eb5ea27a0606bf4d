using System.Buffers;
using Contracts.Avro;

namespace Contracts.Runtime.Tests.Support;

/// <summary>Writes one value with our <see cref="AvroWriter"/>.</summary>
internal delegate void WriteWith<in T>(ref AvroWriter writer, T value);

/// <summary>Reads one value with our <see cref="AvroReader"/>.</summary>
internal delegate T ReadWith<out T>(ref AvroReader reader);

/// <summary>Drives our reader and writer from tests, which cannot capture ref structs in lambdas.</summary>
internal static class AvroCodec
{
    public static byte[] Write<T>(T value, WriteWith<T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer, value, write);
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteTo<T>(IBufferWriter<byte> output, T value, WriteWith<T> write)
    {
        var writer = new AvroWriter(output);
        write(ref writer, value);
        writer.Flush();
    }

    /// <summary>Reads one value that must span all of <paramref name="bytes"/>.</summary>
    public static T ReadAll<T>(byte[] bytes, ReadWith<T> read, AvroReaderOptions? options = null)
    {
        var reader = new AvroReader(bytes, options);
        var value = read(ref reader);
        reader.EnsureEnd();
        return value;
    }
}
