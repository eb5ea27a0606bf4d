using System;
using Contracts.Generator.Emitting;
using Contracts.Generator.Model;
using Xunit;
using static Contracts.Generator.Tests.Emitting.SchemaTestModels;

namespace Contracts.Generator.Tests.Emitting;

public class SchemaEmitterTests
{
    [Fact]
    public void Writes_every_primitive_and_logical_type_with_docs_defaults_and_aliases()
    {
        var root = Record(
            "Acme.People.Person",
            "A person.",
            Field("id", UuidType, doc: "Stable id."),
            Field("active", BooleanType, defaultJson: "true"),
            Field("age", IntType),
            Field("visits", LongType),
            Field("ratio", FloatType),
            Field("score", DoubleType),
            Field("name", StringType, aliases: ["fullName", "displayName"]),
            Field("photo", BytesType),
            Field("born", DateType),
            Field("wakesAt", TimeMicrosType),
            Field("createdAt", TimestampMillisType),
            Field("balance", Decimal(12, 2)),
            Field("email", Nullable(StringType), defaultJson: "null"));

        var schema = SchemaEmitter.Emit(Contract(root));

        Assert.Equal(
            "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"Acme.People\",\"doc\":\"A person.\",\"fields\":["
            + "{\"name\":\"id\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"},\"doc\":\"Stable id.\"},"
            + "{\"name\":\"active\",\"type\":\"boolean\",\"default\":true},"
            + "{\"name\":\"age\",\"type\":\"int\"},"
            + "{\"name\":\"visits\",\"type\":\"long\"},"
            + "{\"name\":\"ratio\",\"type\":\"float\"},"
            + "{\"name\":\"score\",\"type\":\"double\"},"
            + "{\"name\":\"name\",\"type\":\"string\",\"aliases\":[\"fullName\",\"displayName\"]},"
            + "{\"name\":\"photo\",\"type\":\"bytes\"},"
            + "{\"name\":\"born\",\"type\":{\"type\":\"int\",\"logicalType\":\"date\"}},"
            + "{\"name\":\"wakesAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"time-micros\"}},"
            + "{\"name\":\"createdAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
            + "{\"name\":\"balance\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}},"
            + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}]}",
            schema.Json);
        Assert.Equal(
            "{\"name\":\"Acme.People.Person\",\"type\":\"record\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"active\",\"type\":\"boolean\"},{\"name\":\"age\",\"type\":\"int\"},"
            + "{\"name\":\"visits\",\"type\":\"long\"},{\"name\":\"ratio\",\"type\":\"float\"},{\"name\":\"score\",\"type\":\"double\"},"
            + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"photo\",\"type\":\"bytes\"},{\"name\":\"born\",\"type\":\"int\"},"
            + "{\"name\":\"wakesAt\",\"type\":\"long\"},{\"name\":\"createdAt\",\"type\":\"long\"},{\"name\":\"balance\",\"type\":\"bytes\"},"
            + "{\"name\":\"email\",\"type\":[\"null\",\"string\"]}]}",
            schema.CanonicalForm);
        SchemaAssert.MatchesApacheAvro(schema);
    }

    [Fact]
    public void Defines_a_recursive_record_once_and_refers_to_it_by_full_name()
    {
        var node = Record(
            "Trees.Node",
            null,
            Field("value", IntType),
            Field("children", ArrayOf(RecordRef("Trees.Node"))),
            Field("next", Nullable(RecordRef("Trees.Node")), defaultJson: "null"));

        var schema = SchemaEmitter.Emit(Contract(node));

        Assert.Equal(
            "{\"type\":\"record\",\"name\":\"Node\",\"namespace\":\"Trees\",\"fields\":["
            + "{\"name\":\"value\",\"type\":\"int\"},"
            + "{\"name\":\"children\",\"type\":{\"type\":\"array\",\"items\":\"Trees.Node\"}},"
            + "{\"name\":\"next\",\"type\":[\"null\",\"Trees.Node\"],\"default\":null}]}",
            schema.Json);
        Assert.Equal(
            "{\"name\":\"Trees.Node\",\"type\":\"record\",\"fields\":[{\"name\":\"value\",\"type\":\"int\"},"
            + "{\"name\":\"children\",\"type\":{\"type\":\"array\",\"items\":\"Trees.Node\"}},"
            + "{\"name\":\"next\",\"type\":[\"null\",\"Trees.Node\"]}]}",
            schema.CanonicalForm);
        SchemaAssert.MatchesApacheAvro(schema);
    }

    [Fact]
    public void Defines_nested_records_enums_and_fixed_at_first_use_in_depth_first_order()
    {
        var address = Record("Acme.Geo.Address", "Where.", Field("street", StringType), Field("kind", EnumRef("Acme.Geo.Kind")));
        var root = Record(
            "Acme.Orders.Order",
            null,
            Field("shipTo", RecordRef("Acme.Geo.Address")),
            Field("billTo", Nullable(RecordRef("Acme.Geo.Address")), defaultJson: "null"),
            Field("byLabel", MapOf(RecordRef("Acme.Geo.Address"))),
            Field("kinds", ArrayOf(EnumRef("Acme.Geo.Kind"))),
            Field("hash", Fixed("Acme.Orders.Md5", 16)),
            Field("previousHash", Nullable(Fixed("Acme.Orders.Md5", 16)), defaultJson: "null"));
        var kind = Enum("Acme.Geo.Kind", "Other", "Home", "Work", "Other");

        var schema = SchemaEmitter.Emit(Contract(root, [address], [kind]));

        Assert.Equal(
            "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"Acme.Orders\",\"fields\":["
            + "{\"name\":\"shipTo\",\"type\":{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"Acme.Geo\",\"doc\":\"Where.\",\"fields\":["
            + "{\"name\":\"street\",\"type\":\"string\"},"
            + "{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"Kind\",\"namespace\":\"Acme.Geo\",\"symbols\":[\"Home\",\"Work\",\"Other\"],\"default\":\"Other\"}}]}},"
            + "{\"name\":\"billTo\",\"type\":[\"null\",\"Acme.Geo.Address\"],\"default\":null},"
            + "{\"name\":\"byLabel\",\"type\":{\"type\":\"map\",\"values\":\"Acme.Geo.Address\"}},"
            + "{\"name\":\"kinds\",\"type\":{\"type\":\"array\",\"items\":\"Acme.Geo.Kind\"}},"
            + "{\"name\":\"hash\",\"type\":{\"type\":\"fixed\",\"name\":\"Md5\",\"namespace\":\"Acme.Orders\",\"size\":16}},"
            + "{\"name\":\"previousHash\",\"type\":[\"null\",\"Acme.Orders.Md5\"],\"default\":null}]}",
            schema.Json);
        Assert.Equal(
            "{\"name\":\"Acme.Orders.Order\",\"type\":\"record\",\"fields\":["
            + "{\"name\":\"shipTo\",\"type\":{\"name\":\"Acme.Geo.Address\",\"type\":\"record\",\"fields\":[{\"name\":\"street\",\"type\":\"string\"},"
            + "{\"name\":\"kind\",\"type\":{\"name\":\"Acme.Geo.Kind\",\"type\":\"enum\",\"symbols\":[\"Home\",\"Work\",\"Other\"]}}]}},"
            + "{\"name\":\"billTo\",\"type\":[\"null\",\"Acme.Geo.Address\"]},"
            + "{\"name\":\"byLabel\",\"type\":{\"type\":\"map\",\"values\":\"Acme.Geo.Address\"}},"
            + "{\"name\":\"kinds\",\"type\":{\"type\":\"array\",\"items\":\"Acme.Geo.Kind\"}},"
            + "{\"name\":\"hash\",\"type\":{\"name\":\"Acme.Orders.Md5\",\"type\":\"fixed\",\"size\":16}},"
            + "{\"name\":\"previousHash\",\"type\":[\"null\",\"Acme.Orders.Md5\"]}]}",
            schema.CanonicalForm);
        SchemaAssert.MatchesApacheAvro(schema);
    }

    [Fact]
    public void Spells_out_the_null_namespace_only_where_it_would_otherwise_be_inherited()
    {
        var nested = Record("Loose", null, Field("x", IntType));
        var root = Record("Acme.Root", null, Field("loose", RecordRef("Loose")));

        var schema = SchemaEmitter.Emit(Contract(root, [nested]));
        var topLevel = SchemaEmitter.Emit(Contract(Record("Loose", null, Field("x", IntType))));

        Assert.Contains("{\"type\":\"record\",\"name\":\"Loose\",\"namespace\":\"\",\"fields\":", schema.Json, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"loose\",\"type\":{\"name\":\"Loose\",\"type\":\"record\"", schema.CanonicalForm, StringComparison.Ordinal);
        Assert.Equal("{\"type\":\"record\",\"name\":\"Loose\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}", topLevel.Json);
        SchemaAssert.MatchesApacheAvro(topLevel);

        // The specification makes "" the null namespace; Apache.Avro for .NET 1.12.2 inherits the enclosing one instead,
        // so a null-namespace type nested in a namespaced record is the one shape whose canonical form it disagrees on.
        var apacheCanonical = global::Avro.SchemaNormalization.ToParsingForm(global::Avro.Schema.Parse(schema.Json));
        Assert.Contains("\"name\":\"Acme.Loose\"", apacheCanonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Escapes_docs_and_defaults_stay_verbatim()
    {
        var root = Record(
            "Acme.Note",
            "Says \"hi\"\\ on\nmany lines\t\u0001 – ünïcödé 🎉",
            Field("text", StringType, doc: "tab\there", defaultJson: "\"n/a\""),
            Field("tags", ArrayOf(StringType), defaultJson: "[]"),
            Field("counts", MapOf(LongType), defaultJson: "{\"a\":1}"));

        var schema = SchemaEmitter.Emit(Contract(root));

        Assert.StartsWith(
            "{\"type\":\"record\",\"name\":\"Note\",\"namespace\":\"Acme\",\"doc\":\"Says \\\"hi\\\"\\\\ on\\nmany lines\\t\\u0001 – ünïcödé 🎉\",",
            schema.Json,
            StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"text\",\"type\":\"string\",\"doc\":\"tab\\there\",\"default\":\"n/a\"}", schema.Json, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"},\"default\":[]}", schema.Json, StringComparison.Ordinal);
        Assert.Contains("\"default\":{\"a\":1}", schema.Json, StringComparison.Ordinal);
        SchemaAssert.MatchesApacheAvro(schema);
    }

    [Fact]
    public void Lone_surrogates_in_docs_become_escapes_so_the_schema_stays_valid_utf8()
    {
        var root = Record("Acme.Odd", "bad \ud800 half", Field("x", IntType));

        var schema = SchemaEmitter.Emit(Contract(root));

        Assert.Contains("\"doc\":\"bad \\ud800 half\"", schema.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_depends_only_on_the_canonical_form()
    {
        var plain = Record("Acme.Thing", null, Field("id", StringType));
        var documented = Record("Acme.Thing", "Docs do not count.", Field("id", UuidType, doc: "Nor do logical types.", aliases: ["key"]));
        var renamed = Record("Acme.Thing", null, Field("key", StringType));

        var a = SchemaEmitter.Emit(Contract(plain));
        var b = SchemaEmitter.Emit(Contract(documented));
        var c = SchemaEmitter.Emit(Contract(renamed));

        Assert.NotEqual(a.Json, b.Json);
        Assert.Equal(a.CanonicalForm, b.CanonicalForm);
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
    }

    [Fact]
    public void Is_deterministic_across_equal_models()
    {
        ContractModel Build() => Contract(
            Record("Acme.R", null, Field("a", RecordRef("Acme.S")), Field("b", EnumRef("Acme.E"))),
            [Record("Acme.S", null, Field("x", Decimal(38, 9)))],
            [Enum("Acme.E", null, "A", "B")]);

        Assert.Equal(SchemaEmitter.Emit(Build()), SchemaEmitter.Emit(Build()));
    }

    [Fact]
    public void Reports_a_model_that_references_an_undefined_type()
    {
        var root = Record("Acme.R", null, Field("a", RecordRef("Acme.Missing")));

        var error = Assert.Throws<InvalidOperationException>(() => SchemaEmitter.Emit(Contract(root)));

        Assert.Contains("Acme.Missing", error.Message, StringComparison.Ordinal);
    }
}
