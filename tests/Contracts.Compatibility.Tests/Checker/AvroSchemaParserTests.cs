using Contracts.Generator.Compatibility;
using Xunit;

namespace Contracts.Compatibility.Tests.Checker;

public sealed class AvroSchemaParserTests
{
    [Fact]
    public void Resolves_names_namespaces_aliases_and_recursion()
    {
        var schema = (RecordSchema)AvroSchemaParser.Parse(
            "{\"type\":\"record\",\"name\":\"Node\",\"namespace\":\"acme\",\"aliases\":[\"OldNode\",\"x.Other\"],\"doc\":\"ignored\",\"fields\":[" +
            "{\"name\":\"Color\",\"type\":{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"R\",\"G\"],\"default\":\"R\"}}," +
            "{\"name\":\"Next\",\"type\":[\"null\",\"Node\"],\"default\":null}," +
            "{\"name\":\"Hash\",\"type\":{\"type\":\"fixed\",\"name\":\"other.Hash\",\"size\":4}}," +
            "{\"name\":\"Again\",\"type\":\"other.Hash\",\"aliases\":[\"Before\"]}]}");

        Assert.Equal("acme.Node", schema.FullName);
        Assert.Equal(new[] { "acme.OldNode", "x.Other" }, schema.Aliases);
        var color = Assert.IsType<EnumSchema>(schema.Fields[0].Schema);
        Assert.Equal("acme.Color", color.FullName);
        Assert.Equal("R", color.DefaultSymbol);
        var next = Assert.IsType<UnionSchema>(schema.Fields[1].Schema);
        Assert.Same(schema, next.Branches[1]);
        Assert.True(schema.Fields[1].HasDefault);
        Assert.Same(schema.Fields[2].Schema, schema.Fields[3].Schema);
        Assert.Equal("other.Hash", ((FixedSchema)schema.Fields[3].Schema).FullName);
        Assert.Equal(new[] { "Before" }, schema.Fields[3].Aliases);
        Assert.False(schema.Fields[0].HasDefault);
    }

    [Theory]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":5,\"scale\":2}", "decimal")]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":5,\"scale\":6}", null)]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\"}", null)]
    [InlineData("{\"type\":\"fixed\",\"name\":\"D\",\"size\":2,\"logicalType\":\"decimal\",\"precision\":4}", "decimal")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"D\",\"size\":2,\"logicalType\":\"decimal\",\"precision\":5}", null)]
    [InlineData("{\"type\":\"int\",\"logicalType\":\"date\"}", "date")]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"date\"}", null)]
    [InlineData("{\"type\":\"string\",\"logicalType\":\"uuid\"}", "uuid")]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}", "timestamp-micros")]
    [InlineData("{\"type\":\"string\",\"logicalType\":\"made-up\"}", null)]
    public void Keeps_valid_logical_types_and_ignores_invalid_ones(string json, string? logicalType)
    {
        Assert.Equal(logicalType, AvroSchemaParser.Parse(json).LogicalType);
    }

    [Theory]
    [InlineData("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"},{\"name\":\"x\",\"type\":\"int\"}]}", "record 'A' has two fields named 'x' (at x)")]
    [InlineData("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"B\"}]}", "unknown type 'B'; a named type must be defined before it is used (at x)")]
    [InlineData("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"default\":\"1\"}]}", "the default of field 'x' is not a valid int: expected a 32-bit integer (at x)")]
    [InlineData("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":[\"null\",\"int\"],\"default\":1}]}", "the default of field 'x' is not a valid [null, int]: a union field's default must match its first branch (null): expected null (at x)")]
    [InlineData("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":{\"type\":\"array\",\"items\":[\"null\",\"int\"]},\"default\":[null,1,\"a\"]}]}", "the default of field 'x' is not a valid array<[null, int]>: item: it matches no branch of [null, int] (at x)")]
    [InlineData("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":{\"type\":\"fixed\",\"name\":\"F\",\"size\":2},\"default\":\"abc\"}]}", "the default of field 'x' is not a valid F: expected 2 bytes, found 3 (at x)")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}", "enum 'E' lists symbol 'A' twice (at E)")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"],\"default\":\"B\"}", "the default of enum 'E' must be one of its symbols, not a string (at E)")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"1A\"]}", "'1A' is not a valid Avro name ([A-Za-z_][A-Za-z0-9_]*, dot-separated for full names) (at E)")]
    [InlineData("[\"int\",\"int\"]", "the union lists int twice")]
    [InlineData("[\"int\",[\"null\"]]", "a union may not directly contain another union")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\",\"size\":-1}", "fixed 'F' needs a non-negative integer \"size\" (at F)")]
    [InlineData("{\"type\":\"record\",\"name\":\"int\",\"fields\":[]}", "'int' is a primitive type name and cannot name a record (at int)")]
    [InlineData("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"a\",\"type\":{\"type\":\"record\",\"name\":\"A\",\"fields\":[]}}]}", "the name 'A' is defined twice (at a)")]
    [InlineData("{\"type\":\"array\"}", "an array needs \"items\"")]
    [InlineData("{\"type\":\"record\",\"name\":\"A\"}", "record 'A' needs a \"fields\" array (at A)")]
    [InlineData("42", "a schema must be a type name, an object or a union array, not a number")]
    [InlineData("{\"type\":", "the schema is not valid JSON: expected a value but the text ended at position 8")]
    public void Rejects_invalid_schemas_naming_the_problem_and_place(string json, string message)
    {
        var e = Assert.Throws<AvroSchemaParseException>(() => AvroSchemaParser.Parse(json));
        Assert.Equal(message, e.Message);
        Assert.Null(AvroSchemaParser.TryParse(json, out var error));
        Assert.Equal(message, error);
    }
}
