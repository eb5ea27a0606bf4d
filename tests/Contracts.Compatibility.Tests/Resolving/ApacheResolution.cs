using System;
using System.IO;
using global::Avro.Generic;
using global::Avro.IO;
using Xunit;

namespace Contracts.Compatibility.Tests.Resolving;

/// <summary>
/// Apache.Avro's resolving reader as the reference: what <c>GenericDatumReader(writerSchema, readerSchema)</c> reads
/// from old data, re-encoded under the reader schema so it can be compared byte for byte with our decoded value.
/// Apache.Avro for .NET (1.12.2) implements neither reader field aliases nor the string/bytes promotion (it misreads
/// the first and refuses the second — checked against it directly); for those a test passes
/// <c>applyToWriterSchema</c>, which renames writer fields to the reader's names and retypes string/bytes, as Java's
/// <c>Schema.applyAliases</c> does before resolving. Names and string/bytes never change the binary encoding.
/// </summary>
internal static class ApacheResolution
{
    /// <summary>Replaces <paramref name="oldText"/> in a schema, failing when it is not there exactly once.</summary>
    public static string ReplaceOnce(string schema, string oldText, string newText)
    {
        var at = schema.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(at >= 0 && schema.IndexOf(oldText, at + 1, StringComparison.Ordinal) < 0, "expected '" + oldText + "' once in " + schema);
        return schema.Replace(oldText, newText, StringComparison.Ordinal);
    }

    public static byte[] ResolveAndReencode(string writerSchema, string readerSchema, byte[] data)
    {
        var writer = global::Avro.Schema.Parse(writerSchema);
        var reader = global::Avro.Schema.Parse(readerSchema);
        using var input = new MemoryStream(data);
        var datum = new GenericDatumReader<object>(writer, reader).Read(null!, new BinaryDecoder(input));
        Assert.True(input.Position == data.Length, $"Apache.Avro read {input.Position} of {data.Length} bytes");

        using var output = new MemoryStream();
        var encoder = new BinaryEncoder(output);
        new GenericDatumWriter<object>(reader).Write(datum, encoder);
        encoder.Flush();
        return output.ToArray();
    }

    /// <summary>Asserts our resolving read of <paramref name="data"/> equals Apache's, comparing both encoded under <typeparamref name="TReader"/>'s schema.</summary>
    public static TReader AssertSameAsApache<TWriter, TReader>(byte[] data, Func<string, string>? applyToWriterSchema = null)
        where TWriter : IMessageContract<TWriter>
        where TReader : IMessageContract<TReader>
    {
        var writerSchema = applyToWriterSchema is null ? TWriter.Descriptor.Schema : applyToWriterSchema(TWriter.Descriptor.Schema);
        return AssertSameAsApache<TReader>(writerSchema, TWriter.Descriptor.Version, data);
    }

    /// <summary>Asserts our resolving read of <paramref name="data"/>, written by version <paramref name="writerVersion"/> with <paramref name="writerSchema"/>, equals Apache's.</summary>
    public static TReader AssertSameAsApache<TReader>(string writerSchema, int writerVersion, byte[] data)
        where TReader : IMessageContract<TReader>
    {
        var ours = TReader.Descriptor.ReadAvro(data, writerVersion);
        var expected = ResolveAndReencode(writerSchema, TReader.Descriptor.Schema, data);
        var actual = global::Contracts.Avro.AvroSerializer.Serialize(ours);
        Assert.True(
            expected.AsSpan().SequenceEqual(actual),
            $"v{writerVersion} data read as v{TReader.Descriptor.Version} differs from Apache.Avro's resolution:\n" +
            $"  Apache: {Convert.ToHexString(expected)}\n  ours:   {Convert.ToHexString(actual)}\n  value:  {ours}");
        return ours;
    }
}
