using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Avro.Generic;
using Avro.IO;
using Contracts.Generator.Emitting;
using Xunit;

namespace Contracts.Generator.Tests.Emitting;

public sealed class CodecAvroKitchenSinkTests
{
    private static CompiledContracts Contracts => CodecKitchenSink.Compiled;

    private static string Show(object order) => (string)Contracts.Call("Acme.Shop.Samples", "Show", order)!;

    private static object Sample(string name, params object[] arguments) => Contracts.Call("Acme.Shop.Samples", name, arguments)!;

    [Theory]
    [InlineData("Full")]
    [InlineData("Empty")]
    [InlineData("WithLazyAddresses")]
    public void Every_type_reads_back_as_written(string sample)
    {
        var order = Sample(sample);
        var bytes = Contracts.SerializeAvro(order);

        var read = Contracts.DeserializeAvro(CodecKitchenSink.TypeName, bytes);

        Assert.Equal(Show(order), Show(read));
        Assert.Equal(bytes, Contracts.SerializeAvro(read));
    }

    [Fact]
    public void Apache_Avro_decodes_our_bytes_with_the_emitted_schema()
    {
        var schema = global::Avro.Schema.Parse(SchemaEmitter.Emit(CodecKitchenSink.Model()).Json);
        var bytes = Contracts.SerializeAvro(Sample("Full"));

        var stream = new MemoryStream(bytes);
        var record = new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(stream));

        Assert.Equal(bytes.Length, stream.Position);
        Assert.Equal(true, record["flag"]);
        Assert.Equal(-123456, record["i"]);
        Assert.Equal(long.MinValue, record["l"]);
        Assert.Equal("héllo €𝄞", record["s"]);
        Assert.Equal(new byte[] { 0, 255, 7 }, record["b"]);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", record["g"]!.ToString());
        Assert.Equal(new DateTime(2024, 1, 2, 1, 4, 5, 678, DateTimeKind.Utc), record["tsMillis"]);
        Assert.Equal("BLUE", ((GenericEnum)record["color"]!).Value);
        Assert.Equal("GREEN", ((GenericEnum)record["maybeColor"]!).Value);
        Assert.Null(record["maybeText"]);
        Assert.Equal(42, record["maybeInt"]);
        Assert.Equal("Main", ((GenericRecord)record["home"]!)["street"]);
        Assert.Equal("b", ((GenericRecord)((GenericRecord)record["chain"]!)["next"]!)["name"]);
        Assert.Equal(new object[] { "x", "", "z" }, (object[])record["tags"]!);
        Assert.Equal(new Dictionary<string, object> { ["one"] = 1, ["two"] = 2 }, (IDictionary<string, object>)record["counts"]!);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, ((GenericFixed)record["hash"]!).Value);
        Assert.Equal("-12345.6789", record["price"]!.ToString());
        Assert.Equal("initializer-set", record["note"]);
    }

    [Fact]
    public void Bytes_re_encoded_by_Apache_Avro_read_back_to_the_same_value()
    {
        var schema = global::Avro.Schema.Parse(SchemaEmitter.Emit(CodecKitchenSink.Model()).Json);
        var order = Sample("Full");
        var record = new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(new MemoryStream(Contracts.SerializeAvro(order))));
        var apacheBytes = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(schema).Write(record, new BinaryEncoder(apacheBytes));

        var read = Contracts.DeserializeAvro(CodecKitchenSink.TypeName, apacheBytes.ToArray());

        Assert.Equal(Show(order), Show(read));
    }

    [Theory]
    [InlineData("WithNullStreetInSecondAddress", "addresses[1].street")]
    [InlineData("WithNullStreetInMap", "places[\"work\"].street")]
    [InlineData("WithNullList", "numbers")]
    [InlineData("WithDefaultImmutableArray", "longs")]
    public void Null_where_the_schema_has_no_null_fails_with_the_field_path(string sample, string path)
    {
        var error = Assert.Throws<ContractEncodeException>(() => Contracts.SerializeAvro(Sample(sample)));

        Assert.Equal(path, error.FieldPath);
        Assert.Contains("null", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_enum_value_fails_naming_the_value_and_the_enum()
    {
        var error = Assert.Throws<ContractEncodeException>(() => Contracts.SerializeAvro(Sample("WithUndefinedColor")));

        Assert.Equal("color", error.FieldPath);
        Assert.Contains("77", error.Reason, StringComparison.Ordinal);
        Assert.Contains("Acme.Shop.Color", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_finer_than_the_scale_fails_in_its_field()
    {
        var error = Assert.Throws<ContractEncodeException>(() => Contracts.SerializeAvro(Sample("WithTooPreciseDecimal")));

        Assert.Equal("price", error.FieldPath);
    }

    [Fact]
    public void Recursion_deeper_than_the_limit_fails_with_the_path_down_the_chain()
    {
        var bytes = Contracts.SerializeAvro(Sample("WithChain", 70));

        var error = Assert.Throws<ContractDecodeException>(() => Contracts.DeserializeAvro(CodecKitchenSink.TypeName, bytes));

        Assert.Contains("MaxDepth", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("chain.next.next.next", error.FieldPath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_in_the_object_graph_fails_instead_of_overflowing_the_stack()
    {
        var error = Assert.Throws<ContractEncodeException>(() => Contracts.SerializeAvro(Sample("WithCycle")));

        Assert.Contains("cycle", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("chain.next.next", error.FieldPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_truncation_fails_with_the_decode_exception()
    {
        var bytes = Contracts.SerializeAvro(Sample("Full"));

        for (var length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<ContractDecodeException>(() => Contracts.DeserializeAvro(CodecKitchenSink.TypeName, bytes[..length]));
            Assert.True(error.Offset <= length, "offset " + error.Offset + " past the end " + length);
        }
    }

    [Fact]
    public void Random_mutations_either_decode_or_fail_with_the_decode_exception()
    {
        var bytes = Contracts.SerializeAvro(Sample("Full"));
        var random = new Random(20261123);

        for (var round = 0; round < 3000; round++)
        {
            var mutated = (byte[])bytes.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            try
            {
                Contracts.DeserializeAvro(CodecKitchenSink.TypeName, mutated);
            }
            catch (ContractDecodeException)
            {
            }
        }
    }
}
