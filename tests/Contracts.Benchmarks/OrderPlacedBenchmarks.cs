using System;
using System.Buffers;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Avro;
using Avro.Generic;
using Avro.IO;
using Avro.Specific;
using Contracts.Avro;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Contracts.Benchmarks.Harness;
using Contracts.Benchmarks.Model;
using Contracts.Benchmarks.SystemTextJson;
using Contracts.Json;
using Apache = Contracts.Benchmarks.ApacheAvro;

namespace Contracts.Benchmarks;

/// <summary>
/// Serializes and deserializes one realistic order with every contender in one run. Each writer appends to a
/// reused buffer (a <see cref="MemoryStream"/> rewound to 0 for Apache.Avro, an <see cref="ArrayBufferWriter{T}"/>
/// reset for the others) and each reader decodes the same bytes into a new object graph, so the sides do the same
/// work. The Apache.Avro specific writer and reader are the baselines of their categories.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OrderPlacedBenchmarks
{
    private const string Write = "Write";
    private const string Read = "Read";

    private static readonly byte[] JsonPrefix = "json:"u8.ToArray();

    private OrderPlacedV1 _contract = null!;
    private StjEnvelope _stjEnvelope = null!;
    private Apache.OrderPlaced _specific = null!;
    private GenericRecord _generic = null!;

    private MemoryStream _apacheOutput = null!;
    private BinaryEncoder _apacheEncoder = null!;
    private SpecificDatumWriter<Apache.OrderPlaced> _specificWriter = null!;
    private GenericDatumWriter<GenericRecord> _genericWriter = null!;

    private MemoryStream _apacheInput = null!;
    private BinaryDecoder _apacheDecoder = null!;
    private SpecificDatumReader<Apache.OrderPlaced> _specificReader = null!;
    private GenericDatumReader<GenericRecord> _genericReader = null!;

    private ArrayBufferWriter<byte> _output = null!;
    private Utf8JsonWriter _stjWriter = null!;

    private byte[] _avroBytes = null!;
    private byte[] _stjBytes = null!;
    private byte[] _envelopeBytes = null!;

    /// <summary>Builds the values, writers and readers once, and proves every side writes and reads the same thing.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var schema = (RecordSchema)Apache.OrderPlaced._SCHEMA;
        _contract = SampleOrder.CreateContract();
        _stjEnvelope = new StjEnvelope(OrderPlacedV1.Descriptor.MessageType, OrderPlacedV1.Descriptor.Version, _contract);
        _specific = SampleOrder.CreateSpecific();
        _generic = SampleOrder.CreateGeneric(schema);

        _apacheOutput = new MemoryStream(1024);
        _apacheEncoder = new BinaryEncoder(_apacheOutput);
        _specificWriter = new SpecificDatumWriter<Apache.OrderPlaced>(schema);
        _genericWriter = new GenericDatumWriter<GenericRecord>(schema);

        _output = new ArrayBufferWriter<byte>(1024);
        _stjWriter = new Utf8JsonWriter(_output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

        ApacheSpecificWrite();
        _avroBytes = _apacheOutput.ToArray();
        SystemTextJsonWrite();
        _stjBytes = _output.WrittenSpan.ToArray();
        ContractsJsonWrite();
        _envelopeBytes = _output.WrittenSpan.ToArray();

        _apacheInput = new MemoryStream(_avroBytes, writable: false);
        _apacheDecoder = new BinaryDecoder(_apacheInput);
        _specificReader = new SpecificDatumReader<Apache.OrderPlaced>(schema, schema);
        _genericReader = new GenericDatumReader<GenericRecord>(schema, schema);

        Equivalence.Check(this);
    }

    /// <summary>The Avro bytes every Avro reader decodes.</summary>
    internal ReadOnlySpan<byte> AvroBytes => _avroBytes;

    /// <summary>What the last write benchmark produced.</summary>
    internal ReadOnlySpan<byte> LastApacheOutput => _apacheOutput.GetBuffer().AsSpan(0, (int)_apacheOutput.Position);

    /// <summary>What the last write benchmark on an <see cref="ArrayBufferWriter{T}"/> produced.</summary>
    internal ReadOnlySpan<byte> LastOutput => _output.WrittenSpan;

    [Benchmark(Baseline = true, Description = "Apache.Avro specific")]
    [BenchmarkCategory(Write)]
    public long ApacheSpecificWrite()
    {
        _apacheOutput.Position = 0;
        _specificWriter.Write(_specific, _apacheEncoder);
        _apacheEncoder.Flush();
        return _apacheOutput.Position;
    }

    [Benchmark(Description = "Apache.Avro generic")]
    [BenchmarkCategory(Write)]
    public long ApacheGenericWrite()
    {
        _apacheOutput.Position = 0;
        _genericWriter.Write(_generic, _apacheEncoder);
        _apacheEncoder.Flush();
        return _apacheOutput.Position;
    }

    [Benchmark(Description = "System.Text.Json source-gen")]
    [BenchmarkCategory(Write)]
    public int SystemTextJsonWrite()
    {
        _output.ResetWrittenCount();
        _output.Write(JsonPrefix);
        _stjWriter.Reset(_output);
        JsonSerializer.Serialize(_stjWriter, _stjEnvelope, BenchmarkJsonContext.Default.StjEnvelope);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "Contracts Avro")]
    [BenchmarkCategory(Write)]
    public int ContractsAvroWrite()
    {
        _output.ResetWrittenCount();
        AvroSerializer.Serialize(_output, _contract);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "Contracts JSON envelope")]
    [BenchmarkCategory(Write)]
    public int ContractsJsonWrite()
    {
        _output.ResetWrittenCount();
        JsonEnvelope.Serialize(_output, _contract);
        return _output.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "Apache.Avro specific")]
    [BenchmarkCategory(Read)]
    public Apache.OrderPlaced ApacheSpecificRead()
    {
        _apacheInput.Position = 0;
        return _specificReader.Read(null!, _apacheDecoder);
    }

    [Benchmark(Description = "Apache.Avro generic")]
    [BenchmarkCategory(Read)]
    public GenericRecord ApacheGenericRead()
    {
        _apacheInput.Position = 0;
        return _genericReader.Read(null!, _apacheDecoder);
    }

    [Benchmark(Description = "System.Text.Json source-gen")]
    [BenchmarkCategory(Read)]
    public StjEnvelope SystemTextJsonRead() =>
        JsonSerializer.Deserialize(_stjBytes.AsSpan(JsonPrefix.Length), BenchmarkJsonContext.Default.StjEnvelope)!;

    [Benchmark(Description = "Contracts Avro")]
    [BenchmarkCategory(Read)]
    public OrderPlacedV1 ContractsAvroRead() => AvroSerializer.Deserialize<OrderPlacedV1>(_avroBytes);

    [Benchmark(Description = "Contracts JSON envelope")]
    [BenchmarkCategory(Read)]
    public OrderPlacedV1 ContractsJsonRead() => JsonEnvelope.Deserialize<OrderPlacedV1>(_envelopeBytes);
}
