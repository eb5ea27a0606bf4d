using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Contracts.Json;

namespace Contracts.Runtime.Tests.Json;

/// <summary>Runs single JsonFields writers and readers the way the envelope does (same writer options and encoder).</summary>
internal static class JsonTestHelpers
{
    public delegate T ValueReader<out T>(ref Utf8JsonReader reader);

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = LogpipeJsonEncoder.Instance, SkipValidation = true }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static T Read<T>(string json, ValueReader<T> read) => Read(Encoding.UTF8.GetBytes(json), read);

    public static T Read<T>(byte[] json, ValueReader<T> read)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return read(ref reader);
    }
}
