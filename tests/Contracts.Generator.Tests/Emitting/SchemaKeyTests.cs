using System;
using Contracts.Generator.Emitting;
using Xunit;
using static Contracts.Generator.Tests.Emitting.SchemaTestModels;

namespace Contracts.Generator.Tests.Emitting;

public class SchemaKeyTests
{
    [Fact]
    public void Record_key_holds_just_the_key_fields_in_key_order_without_defaults()
    {
        var root = Record(
            "Acme.People.Person",
            "A person.",
            Field("tenant", StringType, doc: "Owning tenant.", defaultJson: "\"main\""),
            Field("name", StringType),
            Field("id", UuidType, aliases: ["personId"]));

        var key = SchemaEmitter.EmitKey(Contract(root, keyFormat: 1, keyFields: ["id", "tenant"]));

        Assert.NotNull(key);
        Assert.Equal(
            "{\"type\":\"record\",\"name\":\"Person_key\",\"namespace\":\"Acme.People\",\"fields\":["
            + "{\"name\":\"id\",\"type\":{\"type\":\"string\",\"logicalType\":\"uuid\"},\"aliases\":[\"personId\"]},"
            + "{\"name\":\"tenant\",\"type\":\"string\",\"doc\":\"Owning tenant.\"}]}",
            key.Json);
        Assert.Equal(
            "{\"name\":\"Acme.People.Person_key\",\"type\":\"record\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"tenant\",\"type\":\"string\"}]}",
            key.CanonicalForm);
        SchemaAssert.MatchesApacheAvro(key);
    }

    [Fact]
    public void Record_key_defines_the_named_types_its_fields_use()
    {
        var root = Record(
            "Acme.Shop.Order",
            null,
            Field("lines", ArrayOf(RecordRef("Acme.Shop.Line"))),
            Field("region", EnumRef("Acme.Shop.Region")),
            Field("number", LongType));
        var line = Record("Acme.Shop.Line", null, Field("region", EnumRef("Acme.Shop.Region")));
        var region = Enum("Acme.Shop.Region", null, "Eu", "Us");

        var key = SchemaEmitter.EmitKey(Contract(root, [line], [region], keyFormat: 1, keyFields: ["region", "number"]));

        Assert.NotNull(key);
        Assert.Equal(
            "{\"type\":\"record\",\"name\":\"Order_key\",\"namespace\":\"Acme.Shop\",\"fields\":["
            + "{\"name\":\"region\",\"type\":{\"type\":\"enum\",\"name\":\"Region\",\"namespace\":\"Acme.Shop\",\"symbols\":[\"Eu\",\"Us\"]}},"
            + "{\"name\":\"number\",\"type\":\"long\"}]}",
            key.Json);
        SchemaAssert.MatchesApacheAvro(key);
    }

    [Fact]
    public void Key_and_value_schemas_have_distinct_fingerprints()
    {
        var model = Contract(Record("Acme.Id", null, Field("id", LongType)), keyFormat: 1, keyFields: ["id"]);

        Assert.NotEqual(SchemaEmitter.Emit(model).Fingerprint, SchemaEmitter.EmitKey(model)!.Fingerprint);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Other_key_formats_have_no_key_schema(int keyFormat)
    {
        var model = Contract(Record("Acme.P", null, Field("id", StringType)), keyFormat: keyFormat, keyFields: keyFormat == 0 ? [] : ["id"]);

        Assert.Null(SchemaEmitter.EmitKey(model));
    }

    [Fact]
    public void Reports_a_key_field_the_record_does_not_have()
    {
        var model = Contract(Record("Acme.P", null, Field("id", StringType)), keyFormat: 1, keyFields: ["missing"]);

        var error = Assert.Throws<InvalidOperationException>(() => SchemaEmitter.EmitKey(model));

        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }
}
