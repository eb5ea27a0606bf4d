using System;
using Contracts.Generator.Model;
using Xunit;
using static Contracts.Generator.Tests.Emitting.CodecModels;

namespace Contracts.Generator.Tests.Emitting;

public sealed class CodecJsonTests
{
    private const string Source = """
        namespace Acme.People
        {
            public enum Tier { Gold = 3, Silver = 1 }

            public sealed record Address(string Street, int? Number);

            public partial record PersonV2(System.Guid Id, string Name, int Age, Tier Tier, System.Collections.Generic.List<Address> Addresses, string? Email = null, int Score = 7);

            public static class Samples
            {
                public static PersonV2 Small() => new(new System.Guid("00000000-0000-0000-0000-0000000000ab"), "Zoë \"Z\"", -3, Tier.Silver,
                    new() { new("Main", 7), new("Side", null) });

                public static string Show(PersonV2 p) => p.Id + "|" + p.Name + "|" + p.Age + "|" + p.Tier + "|" + string.Join(",", p.Addresses) + "|" + (p.Email ?? "null") + "|" + p.Score;
            }
        }
        """;

    private static readonly Lazy<CompiledContracts> Compiled = new(() => CodecCompiler.Compile(Source, Model()));

    private static CompiledContracts Contracts => Compiled.Value;

    private static ContractModel Model()
    {
        var address = RecordRef("Acme.People.Address", "global::Acme.People.Address");
        return Contract("Acme.People", "PersonV2", "person", 2,
            RecordModel("Acme.People.Person", "global::Acme.People.PersonV2", false,
                Field("Id", Uuid, 0),
                Field("Name", Text, 1),
                Field("Age", Int, 2),
                Field("Tier", EnumRef("Acme.People.Tier", "global::Acme.People.Tier"), 3),
                Field("Addresses", ArrayOf(ClrShape.List, address), 4),
                Field("Email", NullableOf(Text, valueType: false), 5, defaultJson: "null", defaultExpression: "null"),
                Field("Score", Int, 6, defaultJson: "7", defaultExpression: "7")),
            others: [RecordModel("Acme.People.Address", "global::Acme.People.Address", false, Field("Street", Text, 0), Field("Number", NullableOf(Int, valueType: true), 1))],
            enums: [EnumModel("Acme.People.Tier", "global::Acme.People.Tier", "Gold", "Silver")]);
    }

    private static string Show(object person) => (string)Contracts.Call("Acme.People.Samples", "Show", person)!;

    private const string SmallJson =
        "{\"id\":\"00000000-0000-0000-0000-0000000000ab\",\"name\":\"Zoë \\\"Z\\\"\",\"age\":-3,\"tier\":\"SILVER\"," +
        "\"addresses\":[{\"street\":\"Main\",\"number\":7},{\"street\":\"Side\",\"number\":null}],\"email\":null,\"score\":7}";

    [Fact]
    public void Writes_fields_in_schema_order_with_avro_names()
    {
        Assert.Equal(SmallJson, Contracts.WriteJson(Contracts.Call("Acme.People.Samples", "Small")!));
    }

    [Fact]
    public void Reads_back_what_it_wrote()
    {
        var person = Contracts.Call("Acme.People.Samples", "Small")!;

        Assert.Equal(Show(person), Show(Contracts.ReadJson("Acme.People.PersonV2", Contracts.WriteJson(person))));
    }

    [Fact]
    public void Reads_properties_in_any_order_and_skips_unknown_ones()
    {
        var json = "{\"unknown\":{\"deep\":[1,{\"x\":null}]},\"score\":1,\"addresses\":[],\"tier\":\"GOLD\",\"age\":5,\"name\":\"N\"," +
                   "\"email\":\"e@x\",\"id\":\"00000000-0000-0000-0000-0000000000AB\",\"extra\":true}";

        var person = Contracts.ReadJson("Acme.People.PersonV2", json);

        Assert.Equal("00000000-0000-0000-0000-0000000000ab|N|5|Gold||e@x|1", Show(person));
    }

    [Fact]
    public void Matches_escaped_property_names()
    {
        var json = "{\"\\u0069d\":\"00000000-0000-0000-0000-0000000000ab\",\"n\\u0061me\":\"N\",\"age\":5,\"tier\":\"GOLD\",\"addresses\":[],\"sc\\u006Fre\":2}";

        Assert.Equal("00000000-0000-0000-0000-0000000000ab|N|5|Gold||null|2", Show(Contracts.ReadJson("Acme.People.PersonV2", json)));
    }

    [Fact]
    public void Missing_fields_take_their_defaults()
    {
        var json = "{\"id\":\"00000000-0000-0000-0000-0000000000ab\",\"name\":\"N\",\"age\":5,\"tier\":\"GOLD\",\"addresses\":[]}";

        Assert.Equal("00000000-0000-0000-0000-0000000000ab|N|5|Gold||null|7", Show(Contracts.ReadJson("Acme.People.PersonV2", json)));
    }

    [Fact]
    public void A_missing_field_without_default_is_an_error_naming_it()
    {
        var json = "{\"id\":\"00000000-0000-0000-0000-0000000000ab\",\"age\":5,\"tier\":\"GOLD\",\"addresses\":[]}";

        var error = Assert.Throws<ContractDecodeException>(() => Contracts.ReadJson("Acme.People.PersonV2", json));

        Assert.Contains("\"name\"", error.Reason, StringComparison.Ordinal);
        Assert.Equal(ContractFormat.Json, error.Format);
        Assert.Equal(json.Length - 1, error.Offset);
    }

    [Fact]
    public void A_duplicate_property_is_an_error()
    {
        var json = "{\"age\":5,\"age\":6}";

        var error = Assert.Throws<ContractDecodeException>(() => Contracts.ReadJson("Acme.People.PersonV2", json));

        Assert.Equal("age", error.FieldPath);
        Assert.Equal(9, error.Offset);
    }

    [Theory]
    [InlineData("{\"addresses\":[{\"street\":\"a\",\"number\":1},{\"street\":5}]}", "addresses[1].street", 50)]
    [InlineData("{\"tier\":\"BRONZE\"}", "tier", 8)]
    [InlineData("{\"age\":\"5\"}", "age", 7)]
    [InlineData("{\"age\":2147483648}", "age", 7)]
    [InlineData("{\"id\":\"not-a-uuid\"}", "id", 6)]
    [InlineData("{\"name\":null}", "name", 8)]
    [InlineData("{\"addresses\":{}}", "addresses", 13)]
    public void A_value_of_the_wrong_kind_names_the_field_and_offset(string json, string path, long offset)
    {
        var error = Assert.Throws<ContractDecodeException>(() => Contracts.ReadJson("Acme.People.PersonV2", json));

        Assert.Equal(path, error.FieldPath);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Every_type_round_trips_through_json()
    {
        var sink = CodecKitchenSink.Compiled;
        foreach (var sample in new[] { "Full", "Empty", "WithLazyAddresses" })
        {
            var order = sink.Call("Acme.Shop.Samples", sample)!;

            var read = sink.ReadJson(CodecKitchenSink.TypeName, sink.WriteJson(order));

            Assert.Equal(sink.Call("Acme.Shop.Samples", "Show", order), sink.Call("Acme.Shop.Samples", "Show", read));
        }
    }

    [Fact]
    public void Every_type_round_trips_through_the_envelope()
    {
        var sink = CodecKitchenSink.Compiled;
        var order = sink.Call("Acme.Shop.Samples", "Full")!;

        var envelope = sink.SerializeEnvelope(order);
        var read = sink.DeserializeEnvelope(CodecKitchenSink.TypeName, envelope);

        Assert.StartsWith("json:{\"type\":\"order\",\"version\":1,\"message\":{\"flag\":true,", System.Text.Encoding.UTF8.GetString(envelope), StringComparison.Ordinal);
        Assert.Equal(sink.Call("Acme.Shop.Samples", "Show", order), sink.Call("Acme.Shop.Samples", "Show", read));
    }

    [Fact]
    public void Mutated_envelopes_either_decode_or_fail_with_the_decode_exception()
    {
        var sink = CodecKitchenSink.Compiled;
        var envelope = sink.SerializeEnvelope(sink.Call("Acme.Shop.Samples", "Full")!);
        var random = new Random(1123);
        var alphabet = "{}[]\":,0123456789-.eEtruefalsn \\abcxyzAB=+/"u8.ToArray();

        for (var round = 0; round < 3000; round++)
        {
            var mutated = (byte[])envelope.Clone();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(mutated.Length);
                mutated[at] = random.Next(3) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            var length = random.Next(4) == 0 ? random.Next(mutated.Length) : mutated.Length;
            try
            {
                sink.DeserializeEnvelope(CodecKitchenSink.TypeName, mutated[..length]);
            }
            catch (ContractDecodeException error)
            {
                Assert.InRange(error.Offset, 0, length);
            }
        }
    }

    [Fact]
    public void A_cycle_in_the_object_graph_fails_with_the_encode_exception()
    {
        var sink = CodecKitchenSink.Compiled;

        var error = Assert.Throws<ContractEncodeException>(() => sink.WriteJson(sink.Call("Acme.Shop.Samples", "WithCycle")!));

        Assert.Contains("cycle", error.Reason, StringComparison.Ordinal);
        Assert.Equal(ContractFormat.Json, error.Format);
    }

    [Theory]
    [InlineData("WithNullStreetInSecondAddress", "addresses[1].street")]
    [InlineData("WithNullStreetInMap", "places[\"work\"].street")]
    [InlineData("WithUndefinedColor", "color")]
    [InlineData("WithTooPreciseDecimal", "price")]
    public void Unwritable_values_fail_with_the_field_path(string sample, string path)
    {
        var sink = CodecKitchenSink.Compiled;

        var error = Assert.Throws<ContractEncodeException>(() => sink.WriteJson(sink.Call("Acme.Shop.Samples", sample)!));

        Assert.Equal(path, error.FieldPath);
        Assert.Equal(ContractFormat.Json, error.Format);
    }
}
