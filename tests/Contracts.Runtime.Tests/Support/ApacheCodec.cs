using System;
using System.IO;
using global::Avro;
using global::Avro.IO;

namespace Contracts.Runtime.Tests.Support;

/// <summary>The reference implementation: Apache.Avro's binary encoder, decoder and logical-type conversions.</summary>
internal static class ApacheCodec
{
    public static byte[] Write(Action<BinaryEncoder> write)
    {
        using var stream = new MemoryStream();
        var encoder = new BinaryEncoder(stream);
        write(encoder);
        encoder.Flush();
        return stream.ToArray();
    }

    /// <summary>Decodes with Apache and checks that it consumed every byte, as our <c>EnsureEnd</c> does.</summary>
    public static T ReadAll<T>(byte[] bytes, Func<BinaryDecoder, T> read)
    {
        using var stream = new MemoryStream(bytes);
        var value = read(new BinaryDecoder(stream));
        if (stream.Position != bytes.Length)
        {
            throw new InvalidOperationException($"Apache.Avro read {stream.Position} of {bytes.Length} bytes.");
        }

        return value;
    }

    public static LogicalSchema LogicalSchema(string json) => (LogicalSchema)global::Avro.Schema.Parse(json);

    public static object ToBase(LogicalSchema schema, object logicalValue) => schema.LogicalType.ConvertToBaseValue(logicalValue, schema);

    public static object ToLogical(LogicalSchema schema, object baseValue) => schema.LogicalType.ConvertToLogicalValue(baseValue, schema);
}
