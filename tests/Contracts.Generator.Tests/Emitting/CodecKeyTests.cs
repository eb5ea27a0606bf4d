using System.IO;
using Avro.Generic;
using Avro.IO;
using Contracts.Generator.Emitting;
using Xunit;

namespace Contracts.Generator.Tests.Emitting;

public sealed class CodecKeyTests
{
    private static readonly string[] KeyFields = ["flag", "i", "s", "g", "day", "tsMillis", "color"];

    [Fact]
    public void Plain_key_joins_invariant_text_of_the_key_fields_with_a_bar()
    {
        var contracts = CodecCompiler.Compile(CodecKitchenSink.Source, CodecKitchenSink.Model(keyFormat: 2, keyFields: KeyFields));

        var key = contracts.SerializeKey(contracts.Call("Acme.Shop.Samples", "Full")!);

        Assert.Equal("true|-123456|héllo €𝄞|0f8fad5b-d9cb-469f-a165-70867728950e|1969-12-31|2024-01-02T03:04:05.6780000+02:00|BLUE",
            System.Text.Encoding.UTF8.GetString(key));
    }

    [Fact]
    public void Record_key_decodes_in_Apache_Avro_with_the_emitted_key_schema()
    {
        var model = CodecKitchenSink.Model(keyFormat: 1, keyFields: KeyFields);
        var contracts = CodecCompiler.Compile(CodecKitchenSink.Source, model);
        var keySchema = global::Avro.Schema.Parse(SchemaEmitter.EmitKey(model)!.Json);

        var key = contracts.SerializeKey(contracts.Call("Acme.Shop.Samples", "Full")!);
        var stream = new MemoryStream(key);
        var record = new GenericDatumReader<GenericRecord>(keySchema, keySchema).Read(null!, new BinaryDecoder(stream));

        Assert.Equal(key.Length, stream.Position);
        Assert.Equal(true, record["flag"]);
        Assert.Equal(-123456, record["i"]);
        Assert.Equal("héllo €𝄞", record["s"]);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", record["g"]!.ToString());
        Assert.Equal("BLUE", ((GenericEnum)record["color"]!).Value);
        Assert.Equal(contracts.Descriptor(CodecKitchenSink.TypeName).KeySchema, SchemaEmitter.EmitKey(model)!.Json);
    }

    [Fact]
    public void A_null_string_in_a_key_names_the_key_field()
    {
        const string source = """
            namespace Acme
            {
                public partial record UserV1(string Region, string Name);

                public static class Samples
                {
                    public static UserV1 NoName() => new("eu", null!);
                }
            }
            """;
        foreach (var format in new[] { 1, 2 })
        {
            var contracts = CodecCompiler.Compile(source, CodecModels.Contract("Acme", "UserV1", "user", 1,
                CodecModels.RecordModel("Acme.User", "global::Acme.UserV1", false,
                    CodecModels.Field("Region", CodecModels.Text, 0, isKey: true), CodecModels.Field("Name", CodecModels.Text, 1, isKey: true)),
                keyFormat: format, keyFields: ["region", "name"]));

            var error = Assert.Throws<ContractEncodeException>(() => contracts.SerializeKey(contracts.Call("Acme.Samples", "NoName")!));

            Assert.Equal("name", error.FieldPath);
        }
    }
}
