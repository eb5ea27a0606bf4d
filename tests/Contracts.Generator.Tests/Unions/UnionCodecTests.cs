using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Generator.Emitting;
using Contracts.Generator.Tests.Emitting;
using global::Avro.Generic;
using global::Avro.IO;
using Xunit;

namespace Contracts.Generator.Tests.Unions;

/// <summary>
/// General unions end to end through the emitters: schema texts against Apache.Avro, Avro bytes both ways against
/// Apache's generic reader and writer, the JSON encoding, bad input, and the generated union class's API.
/// </summary>
public sealed class UnionCodecTests
{
    private static readonly Lazy<CompiledContracts> Compiled = new(() =>
        CodecCompiler.Compile(UnionModels.UserSource, UnionModels.UnionDeclarations(), UnionModels.Order()));

    private static CompiledContracts Contracts => Compiled.Value;

    private static object[] EveryBranch() => (object[])Contracts.Call("Acme.Shop.Samples", "EveryBranch")!;

    [Fact]
    public void Schema_writes_unions_in_branch_order_and_matches_Apache_canonical_form_and_fingerprint()
    {
        var texts = SchemaEmitter.Emit(UnionModels.Order());

        SchemaAssert.MatchesApacheAvro(texts);
        Assert.Contains(
            "{\"name\":\"contact\",\"type\":[\"null\",\"string\",\"int\",\"long\",{\"type\":\"record\",\"name\":\"Email\",\"namespace\":\"acme.shop\",\"fields\":[{\"name\":\"address\",\"type\":\"string\"}]}," +
            "{\"type\":\"enum\",\"name\":\"Channel\",\"namespace\":\"acme.shop\",\"symbols\":[\"SMS\",\"PUSH\"]},{\"type\":\"array\",\"items\":\"int\"},{\"type\":\"map\",\"values\":\"double\"},\"bytes\",\"boolean\",\"float\",\"double\"]}",
            texts.Json);
        Assert.Contains("{\"name\":\"amount\",\"type\":[\"string\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}]}", texts.Json);
        Assert.Contains("{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":[\"int\",\"null\",\"string\"]}}", texts.Json);
        Assert.Contains("{\"name\":\"amount\",\"type\":[\"string\",\"long\"]}", texts.CanonicalForm);
    }

    [Fact]
    public void Our_bytes_decode_in_Apache_to_the_branch_we_wrote_and_Apache_reencodes_them_identically()
    {
        var schema = global::Avro.Schema.Parse(Contracts.Descriptor("Acme.Shop.Order").Schema);
        var expectedContacts = new Func<object?, bool>[]
        {
            v => v is null,
            v => v is string s && s == "alice@example.com",
            v => v is int i && i == -42,
            v => v is long l && l == long.MinValue,
            v => v is GenericRecord r && r.Schema.Name == "Email" && (string)r["address"] == "bob@example.com",
            v => v is GenericEnum e && e.Value == "PUSH",
            v => v is object[] a && a.Cast<int>().SequenceEqual([1, -2, 3]),
            v => v is IDictionary<string, object> m && (double)m["pi"] == 3.25 && (double)m["e"] == -1.5,
            v => v is byte[] b && b.SequenceEqual(new byte[] { 0, 255, 16 }),
            v => v is bool b && b,
            v => v is float f && f == 1.5f,
            v => v is double d && d == 2.75d,
            v => v is string s && s == "x",
        };

        var samples = EveryBranch();
        Assert.Equal(expectedContacts.Length, samples.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            var ours = Contracts.SerializeAvro(samples[i]);
            var record = new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(new MemoryStream(ours)));
            Assert.True(expectedContacts[i](record["contact"]), "sample " + i + ": Apache read contact " + record["contact"]);

            var apache = new MemoryStream();
            new GenericDatumWriter<GenericRecord>(schema).Write(record, new BinaryEncoder(apache));
            Assert.Equal(ours, apache.ToArray());
        }

        var lastTags = new GenericDatumReader<GenericRecord>(schema, schema)
            .Read(null!, new BinaryDecoder(new MemoryStream(Contracts.SerializeAvro(samples[0]))))["tags"];
        Assert.Equal(new object?[] { 7, null, "red" }, (object?[])lastTags);
        var amount = new GenericDatumReader<GenericRecord>(schema, schema)
            .Read(null!, new BinaryDecoder(new MemoryStream(Contracts.SerializeAvro(samples[^1]))))["amount"];
        Assert.Equal(new DateTime(2024, 2, 29, 12, 30, 15, 250, DateTimeKind.Utc), amount);
    }

    [Fact]
    public void Apache_bytes_read_back_to_the_same_value()
    {
        var schema = global::Avro.Schema.Parse(Contracts.Descriptor("Acme.Shop.Order").Schema);
        foreach (var sample in EveryBranch())
        {
            var record = new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(new MemoryStream(Contracts.SerializeAvro(sample))));
            var apache = new MemoryStream();
            new GenericDatumWriter<GenericRecord>(schema).Write(record, new BinaryEncoder(apache));

            var read = Contracts.DeserializeAvro("Acme.Shop.Order", apache.ToArray());

            Assert.Equal(Contracts.WriteJson(sample), Contracts.WriteJson(read));
        }
    }

    [Fact]
    public void Writes_the_branch_index_then_the_value()
    {
        var sample = EveryBranch()[4]; // contact = Email("bob@example.com")
        var bytes = Contracts.SerializeAvro(sample);

        // "o-1", then union index 4 (zigzag 8), then the Email record's string.
        var expected = new byte[] { 6, (byte)'o', (byte)'-', (byte)'1', 8, 30 }.Concat("bob@example.com"u8.ToArray()).ToArray();
        Assert.Equal(expected, bytes.Take(expected.Length).ToArray());
    }

    [Fact]
    public void Branch_index_out_of_range_names_offset_and_field()
    {
        // "o-1", then union index 12 (zigzag 24) for a 12-branch union.
        var bytes = new byte[] { 6, (byte)'o', (byte)'-', (byte)'1', 24, 0 };

        var error = Assert.Throws<ContractDecodeException>(() => Contracts.DeserializeAvro("Acme.Shop.Order", bytes));

        Assert.Equal(4, error.Offset);
        Assert.Equal("contact", error.FieldPath);
        Assert.Contains("union branch index 12 is out of range; the union has 12 branches", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_branch_index_in_an_array_item_names_the_index()
    {
        var valid = Contracts.SerializeAvro(EveryBranch()[0]);

        // The tags array [7, null, "red"] ends the record: count 3 (6); index 0 (0), 7 (14); index 1 (2); index 2 (4),
        // length 3 (6), "red"; the closing 0. Make item 0's union index -1 (zigzag 1).
        var tagsStart = valid.Length - 1 - 3 - 1 - 1 - 1 - 1 - 1 - 1;
        Assert.Equal(6, valid[tagsStart]);
        var bad = (byte[])valid.Clone();
        bad[tagsStart + 1] = 1;

        var error = Assert.Throws<ContractDecodeException>(() => Contracts.DeserializeAvro("Acme.Shop.Order", bad));

        Assert.Equal(tagsStart + 1, error.Offset);
        Assert.Equal("tags[0]", error.FieldPath);
    }

    [Fact]
    public void Null_for_a_union_without_a_null_branch_is_refused_with_the_field()
    {
        var order = Contracts.Call("Acme.Shop.Samples", "WithNullAmount")!;

        var avro = Assert.Throws<ContractEncodeException>(() => Contracts.SerializeAvro(order));
        var json = Assert.Throws<ContractEncodeException>(() => Contracts.WriteJson(order));

        Assert.Equal("amount", avro.FieldPath);
        Assert.Equal("amount", json.FieldPath);
    }

    [Fact]
    public void Json_writes_the_Avro_JSON_encoding_of_every_branch()
    {
        var expected = new[]
        {
            "null",
            "{\"string\":\"alice@example.com\"}",
            "{\"int\":-42}",
            "{\"long\":-9223372036854775808}",
            "{\"acme.shop.Email\":{\"address\":\"bob@example.com\"}}",
            "{\"acme.shop.Channel\":\"PUSH\"}",
            "{\"array\":[1,-2,3]}",
            "{\"map\":{\"pi\":3.25,\"e\":-1.5}}",
            "{\"bytes\":\"AP8Q\"}",
            "{\"boolean\":true}",
            "{\"float\":1.5}",
            "{\"double\":2.75}",
            "{\"string\":\"x\"}",
        };

        var samples = EveryBranch();
        for (var i = 0; i < samples.Length; i++)
        {
            var json = Contracts.WriteJson(samples[i]);
            Assert.Contains("\"contact\":" + expected[i] + ",", json);
        }

        Assert.Equal(
            "{\"id\":\"o-1\",\"contact\":null,\"amount\":{\"string\":\"12.50\"},\"tags\":[{\"int\":7},null,{\"string\":\"red\"}]}",
            Contracts.WriteJson(samples[0]));
        Assert.Contains("\"amount\":{\"long\":\"2024-02-29T12:30:15.250000Z\"}", Contracts.WriteJson(samples[^1]));
    }

    [Fact]
    public void Json_reads_back_every_branch()
    {
        foreach (var sample in EveryBranch())
        {
            var json = Contracts.WriteJson(sample);
            Assert.Equal(json, Contracts.WriteJson(Contracts.ReadJson("Acme.Shop.Order", json)));
        }
    }

    [Theory]
    [InlineData("{\"id\":\"o\",\"contact\":{\"uuid\":\"x\"},\"amount\":{\"string\":\"1\"},\"tags\":[]}", "contact", "\"uuid\" is not a branch of the union; expected \"string\", \"int\", \"long\", \"acme.shop.Email\", \"acme.shop.Channel\", \"array\", \"map\", \"bytes\", \"boolean\", \"float\", \"double\" or null.")]
    [InlineData("{\"id\":\"o\",\"contact\":\"bare\",\"amount\":{\"string\":\"1\"},\"tags\":[]}", "contact", "expected a union value, an object with one property naming its branch")]
    [InlineData("{\"id\":\"o\",\"contact\":{},\"amount\":{\"string\":\"1\"},\"tags\":[]}", "contact", "the union value {} names no branch")]
    [InlineData("{\"id\":\"o\",\"contact\":{\"int\":1,\"long\":2},\"amount\":{\"string\":\"1\"},\"tags\":[]}", "contact", "second property \"long\"")]
    [InlineData("{\"id\":\"o\",\"contact\":{\"int\":\"1\"},\"amount\":{\"string\":\"1\"},\"tags\":[]}", "contact", "expected")]
    [InlineData("{\"id\":\"o\",\"contact\":null,\"amount\":null,\"tags\":[]}", "amount", "expected a union value")]
    [InlineData("{\"id\":\"o\",\"contact\":null,\"amount\":{\"string\":\"1\"},\"tags\":[{\"int\":1},{\"long\":2}]}", "tags[1]", "\"long\" is not a branch of the union; expected \"int\", \"string\" or null.")]
    public void Json_refuses_values_that_are_not_one_branch(string json, string fieldPath, string message)
    {
        var error = Assert.Throws<ContractDecodeException>(() => Contracts.ReadJson("Acme.Shop.Order", json));

        Assert.Equal(fieldPath, error.FieldPath);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_and_Switch_call_the_function_of_the_case()
    {
        var described = EveryBranch().Skip(1).Take(11)
            .Select(order => (string)Contracts.Call("Acme.Shop.Samples", "Describe", order.GetType().GetProperty("Contact")!.GetValue(order))!)
            .ToArray();

        Assert.Equal(
            new[] { "string alice@example.com", "int -42", "long -9223372036854775808", "email bob@example.com", "channel Push", "array 3", "map 2", "bytes 3", "boolean True", "float 1.5", "double 2.75" },
            described);
        var amounts = EveryBranch().Select(order => (string)Contracts.Call("Acme.Shop.Samples", "Visit", order.GetType().GetProperty("Amount")!.GetValue(order))!).ToArray();
        Assert.Equal("text 12.50", amounts[0]);
        Assert.Equal("at 1709209815250", amounts[^1]);
    }

    [Fact]
    public void Case_classes_have_value_equality_conversions_and_guards()
    {
        var samples = EveryBranch();
        Assert.Equal("alice@example.com", Contracts.Call("Acme.Shop.Samples", "TryGetString", samples[1].GetType().GetProperty("Contact")!.GetValue(samples[1])));
        Assert.Null(Contracts.Call("Acme.Shop.Samples", "TryGetString", samples[2].GetType().GetProperty("Contact")!.GetValue(samples[2])));
        Assert.True((bool)Contracts.Call("Acme.Shop.Samples", "SameInt")!);
        Assert.False((bool)Contracts.Call("Acme.Shop.Samples", "DifferentCase")!);
        Assert.Equal("Double { Value = 0.5 }", Contracts.Call("Acme.Shop.Samples", "Print"));
        Assert.Null(Contracts.Call("Acme.Shop.Samples", "FromNullString"));
        var error = Assert.Throws<ArgumentNullException>(() => Contracts.Call("Acme.Shop.Samples", "NullString"));
        Assert.Equal("value", error.ParamName);
    }

    [Fact]
    public void Union_class_cannot_be_extended_outside_its_declaration()
    {
        var union = Contracts.Type("Acme.Shop.Order+ContactUnion");

        Assert.True(union.IsAbstract);
        Assert.All(union.GetConstructors(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic), c => Assert.True(c.IsPrivate));
        var cases = union.GetNestedTypes().Where(t => t.IsSubclassOf(union)).ToArray();
        Assert.Equal(11, cases.Length);
        Assert.All(cases, c => Assert.True(c.IsSealed));
    }
}
