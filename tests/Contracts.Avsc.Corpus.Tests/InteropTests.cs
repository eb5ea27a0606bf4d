using System.IO;
using Contracts.Avro;
using Contracts.Json;
using CsCheck;
using global::Avro.Generic;
using global::Avro.IO;
using Xunit;

namespace Contracts.Avsc.Corpus.Tests;

/// <summary>
/// Every corpus contract against Apache.Avro 1.12.2 with CsCheck-generated values: Apache's bytes (GenericDatumWriter,
/// source schema) decode with our generated reader, our writer re-encodes them byte for byte (so Apache's
/// GenericDatumReader decodes ours under the source schema), and the value survives the JSON envelope unchanged.
/// </summary>
public sealed class InteropTests
{
    private const long Iterations = 60;

    [Theory]
    [MemberData(nameof(CorpusContracts.ContractFiles), MemberType = typeof(CorpusContracts))]
    public void Apache_bytes_decode_and_reencode_identically_and_survive_the_json_envelope(string relativePath)
    {
        var file = CorpusFiles.Get(relativePath);
        var schema = (global::Avro.RecordSchema)CorpusFiles.ApacheSchema(file);
        var descriptor = CorpusContracts.For(file);

        ApacheValues.For(schema).Sample(record =>
        {
            var apacheBytes = Write(schema, record);

            var (ours, viaJson) = descriptor.Accept(new RoundTrip(apacheBytes));

            Assert.Equal(apacheBytes, ours);
            if (viaJson is not null)
            {
                Assert.Equal(apacheBytes, viaJson);
            }

            var decoded = Read(schema, ours);
            Assert.Equal(apacheBytes, Write(schema, decoded));
        }, iter: Iterations);
    }

    private static byte[] Write(global::Avro.Schema schema, GenericRecord record)
    {
        using var stream = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(schema).Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    private static GenericRecord Read(global::Avro.Schema schema, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var record = new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(stream));
        Assert.Equal(bytes.Length, stream.Position);
        return record;
    }

    /// <summary>
    /// Decodes Apache's bytes with the contract's generated reader, then writes Avro, and Avro after a JSON envelope
    /// trip. JSON has no NaN or infinities: a value holding one must be refused with that reason, and has no JSON leg.
    /// </summary>
    private sealed class RoundTrip(byte[] apacheBytes) : IMessageDescriptorVisitor<(byte[] Avro, byte[]? ViaJson)>
    {
        public (byte[] Avro, byte[]? ViaJson) Visit<T>(MessageDescriptor<T> descriptor)
            where T : IMessageContract<T>
        {
            var value = AvroSerializer.Deserialize<T>(apacheBytes);
            byte[] envelope;
            try
            {
                envelope = JsonEnvelope.Serialize(value);
            }
            catch (ContractEncodeException error) when (error.Message.Contains("is not a finite number", System.StringComparison.Ordinal))
            {
                return (AvroSerializer.Serialize(value), null);
            }

            var fromJson = JsonEnvelope.Deserialize<T>(envelope);
            return (AvroSerializer.Serialize(value), AvroSerializer.Serialize(fromJson));
        }
    }
}
