using System;
using System.Buffers;
using System.Text.Json;
using Contracts.Avro;

namespace Contracts.Runtime.Tests.Json;

/// <summary>A contract whose JSON codec runs a callback mid-write, to test re-entrancy of the cached writer.</summary>
public sealed class NestingContract : IMessageContract<NestingContract>
{
    [ThreadStatic]
    public static Action? OnWrite;

    public static MessageDescriptor<NestingContract> Descriptor { get; } = new()
    {
        MessageType = "nesting",
        Version = 1,
        Schema = "{}",
        CanonicalSchema = "{}",
        Fingerprint = 0,
        KeyFormat = KeyFormat.None,
        KeyFields = [],
    };

    public static void WriteAvro(ref AvroWriter writer, NestingContract value) => throw new NotSupportedException("JSON-only test contract.");

    public static NestingContract ReadAvro(ref AvroReader reader) => throw new NotSupportedException("JSON-only test contract.");

    public static void WriteKey(IBufferWriter<byte> output, NestingContract value)
    {
    }

    public static void WriteJson(Utf8JsonWriter writer, NestingContract value)
    {
        writer.WriteStartObject();
        OnWrite?.Invoke();
        writer.WriteEndObject();
    }

    public static NestingContract ReadJson(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return new NestingContract();
    }
}
