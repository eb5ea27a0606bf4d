using System.Linq;
using Contracts.Generator.Compatibility;
using Xunit;
using static Contracts.Compatibility.Tests.Checker.Schemas;

namespace Contracts.Compatibility.Tests.Checker;

public sealed class SchemaCompatibilityTests
{
    [Theory]
    [InlineData("int", "long")]
    [InlineData("int", "float")]
    [InlineData("int", "double")]
    [InlineData("long", "float")]
    [InlineData("long", "double")]
    [InlineData("float", "double")]
    [InlineData("string", "bytes")]
    [InlineData("bytes", "string")]
    public void Promotions_are_readable_one_way(string writer, string reader)
    {
        Assert.True(Check(Quoted(reader), Quoted(writer)).IsCompatible);
        var reverse = Check(Quoted(writer), Quoted(reader));
        if (writer is "string" or "bytes")
        {
            Assert.True(reverse.IsCompatible);
            return;
        }

        var error = Assert.Single(reverse.Findings);
        Assert.Equal(IncompatibilityKind.TypeMismatch, error.Kind);
        Assert.Equal("the reader's " + writer + " cannot read the writer's " + reader, error.Message);
    }

    [Fact]
    public void Field_added_without_default_cannot_read_old_data_and_the_path_names_it()
    {
        var v1 = Record("Person", Field("Name", "\"string\""));
        var v2 = Record("Person", Field("Name", "\"string\""), Field("Email", "\"string\""));

        var result = Check(v2, v1);

        var error = Assert.Single(result.Findings);
        Assert.Equal(IncompatibilityKind.ReaderFieldMissingDefault, error.Kind);
        Assert.Equal("Email", error.ReaderPath);
        Assert.Equal(SchemaSide.Reader, error.Side);
        Assert.Equal("field 'Email' of Person is not in the writer's Person (by name or alias) and has no default", error.Message);
        Assert.True(Check(v1, v2).IsCompatible);
    }

    [Fact]
    public void Field_added_with_default_reads_old_data()
    {
        var v1 = Record("Person", Field("Name", "\"string\""));
        var v2 = Record("Person", Field("Name", "\"string\""), Field("Email", "[\"null\",\"string\"]", "null"));
        Assert.True(Check(v2, v1).IsCompatible);
        Assert.Empty(Check(v2, v1).Findings);
    }

    [Fact]
    public void Renamed_field_matches_through_a_reader_alias_only()
    {
        var v1 = Record("Person", Field("Mail", "\"string\""));
        var v2 = Record("Person", "{\"name\":\"Email\",\"type\":\"string\",\"aliases\":[\"Mail\"]}");
        Assert.True(Check(v2, v1).IsCompatible);
        Assert.False(Check(v1, v2).IsCompatible);
    }

    [Fact]
    public void Nested_paths_go_through_arrays_maps_and_aliased_fields()
    {
        var address1 = Record("Address", Field("Zip", "\"int\""));
        var address2 = Record("Address", Field("Zip", "\"boolean\""));
        var writer = Record("Person", Field("Old", "{\"type\":\"array\",\"items\":" + address1 + "}"), Field("Tags", "{\"type\":\"map\",\"values\":\"long\"}"));
        var reader = Record("Person",
            "{\"name\":\"Addresses\",\"aliases\":[\"Old\"],\"type\":{\"type\":\"array\",\"items\":" + address2 + "}}",
            Field("Tags", "{\"type\":\"map\",\"values\":\"int\"}"));

        var result = Check(reader, writer);

        Assert.Collection(
            result.Findings,
            zip =>
            {
                Assert.Equal(IncompatibilityKind.TypeMismatch, zip.Kind);
                Assert.Equal("Addresses[].Zip", zip.ReaderPath);
                Assert.Equal("Old[].Zip", zip.WriterPath);
            },
            tags =>
            {
                Assert.Equal(IncompatibilityKind.TypeMismatch, tags.Kind);
                Assert.Equal("Tags{}", tags.ReaderPath);
                Assert.Equal("Tags{}", tags.WriterPath);
            });
    }

    [Fact]
    public void Records_match_by_unqualified_name_or_reader_alias_of_the_full_name()
    {
        var writer = "{\"type\":\"record\",\"name\":\"Old\",\"namespace\":\"a\",\"fields\":[]}";
        Assert.True(Check("{\"type\":\"record\",\"name\":\"Old\",\"namespace\":\"b\",\"fields\":[]}", writer).IsCompatible);
        Assert.True(Check("{\"type\":\"record\",\"name\":\"New\",\"namespace\":\"a\",\"aliases\":[\"Old\"],\"fields\":[]}", writer).IsCompatible);
        Assert.True(Check("{\"type\":\"record\",\"name\":\"New\",\"namespace\":\"b\",\"aliases\":[\"a.Old\"],\"fields\":[]}", writer).IsCompatible);

        var renamed = Check("{\"type\":\"record\",\"name\":\"New\",\"namespace\":\"b\",\"aliases\":[\"Old\"],\"fields\":[]}", writer);
        var error = Assert.Single(renamed.Findings);
        Assert.Equal(IncompatibilityKind.NameMismatch, error.Kind);
        Assert.Equal("the reader's record b.New has neither the writer's name Old nor an alias a.Old", error.Message);
    }

    [Fact]
    public void Enum_needs_every_writer_symbol_or_a_default()
    {
        const string Writer = "{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"Red\",\"Green\",\"Blue\"]}";
        var missing = Check("{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"Red\"]}", Writer);
        var error = Assert.Single(missing.Findings);
        Assert.Equal(IncompatibilityKind.MissingEnumSymbols, error.Kind);
        Assert.Equal("enum Color lacks the writer's symbols Green, Blue and has no default symbol to read them as", error.Message);

        Assert.True(Check("{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"Other\",\"Red\"],\"default\":\"Other\"}", Writer).IsCompatible);
        Assert.True(Check("{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"Blue\",\"Green\",\"Red\",\"Pink\"]}", Writer).IsCompatible);
    }

    [Fact]
    public void Fixed_needs_same_size_and_name()
    {
        const string Writer = "{\"type\":\"fixed\",\"name\":\"Hash\",\"size\":16}";
        var size = Assert.Single(Check("{\"type\":\"fixed\",\"name\":\"Hash\",\"size\":32}", Writer).Findings);
        Assert.Equal(IncompatibilityKind.FixedSizeMismatch, size.Kind);
        Assert.Equal("fixed Hash has size 32 but the writer's Hash has size 16", size.Message);
        var name = Assert.Single(Check("{\"type\":\"fixed\",\"name\":\"Digest\",\"size\":16}", Writer).Findings);
        Assert.Equal(IncompatibilityKind.NameMismatch, name.Kind);
    }

    [Fact]
    public void Writer_union_needs_every_branch_readable()
    {
        Assert.True(Check("[\"null\",\"string\",\"long\"]", "[\"null\",\"int\"]").IsCompatible);
        var result = Check("\"string\"", "[\"null\",\"string\"]");
        var error = Assert.Single(result.Findings);
        Assert.Equal(IncompatibilityKind.TypeMismatch, error.Kind);
        Assert.Equal("the reader's string cannot read the writer's null", error.Message);

        var unionToUnion = Assert.Single(Check("[\"null\",\"string\"]", "[\"null\",\"int\"]").Findings);
        Assert.Equal(IncompatibilityKind.MissingUnionBranch, unionToUnion.Kind);
        Assert.Equal("the reader's union [null, string] has no branch that can read the writer's int", unionToUnion.Message);
    }

    [Fact]
    public void Reader_union_reads_a_plain_writer_type_through_any_branch()
    {
        Assert.True(Check("[\"null\",\"string\"]", "\"string\"").IsCompatible);
        Assert.True(Check("[\"null\",\"double\"]", "\"int\"").IsCompatible);
        var error = Assert.Single(Check("[\"null\",\"string\"]", "\"boolean\"").Findings);
        Assert.Equal(IncompatibilityKind.MissingUnionBranch, error.Kind);
    }

    [Fact]
    public void Reader_union_explains_the_same_named_branch_that_failed()
    {
        var writer = Record("Person", Field("Address", Record("Address", Field("Zip", "\"string\""))));
        var reader = Record("Person", Field("Address", "[\"null\"," + Record("Address", Field("Zip", "\"string\""), Field("City", "\"string\"")) + "]"));

        var result = Check(reader, writer);

        Assert.Collection(
            result.Findings,
            union =>
            {
                Assert.Equal(IncompatibilityKind.MissingUnionBranch, union.Kind);
                Assert.Equal("Address", union.ReaderPath);
            },
            city =>
            {
                Assert.Equal(IncompatibilityKind.ReaderFieldMissingDefault, city.Kind);
                Assert.Equal("Address.City", city.ReaderPath);
            });
    }

    [Fact]
    public void Recursive_records_terminate_and_find_nested_errors()
    {
        var writer = Record("Node", Field("Value", "\"int\""), Field("Next", "[\"null\",\"Node\"]"));
        var reader = Record("Node", Field("Value", "\"long\""), Field("Next", "[\"null\",\"Node\"]"));
        Assert.True(Check(reader, writer).IsCompatible);
        var error = Assert.Single(Check(writer, reader).Findings, f => f.Kind == IncompatibilityKind.TypeMismatch);
        Assert.Equal("Value", error.ReaderPath);
        Assert.False(Check(writer, reader).IsCompatible);
    }

    [Fact]
    public void Logical_type_and_decimal_changes_warn_without_breaking()
    {
        var logical = Check("{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}", "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}");
        Assert.True(logical.IsCompatible);
        var warning = Assert.Single(logical.Warnings);
        Assert.Equal(IncompatibilityKind.LogicalTypeChanged, warning.Kind);
        Assert.Equal(CompatibilitySeverity.Warning, warning.Severity);

        var decimals = Check(
            "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":2}",
            "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":4}");
        Assert.True(decimals.IsCompatible);
        var scale = Assert.Single(decimals.Findings);
        Assert.Equal(IncompatibilityKind.DecimalPrecisionScaleChanged, scale.Kind);
        Assert.Equal("decimal(10,4) is read as decimal(10,2); the specification says such decimals do not match, and the unscaled value is reinterpreted with the reader's scale", scale.Message);

        Assert.Empty(Check("{\"type\":\"int\",\"logicalType\":\"date\"}", "{\"type\":\"int\",\"logicalType\":\"date\"}").Findings);
        var promoted = Assert.Single(Check("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}", "{\"type\":\"int\",\"logicalType\":\"date\"}").Findings);
        Assert.Equal(IncompatibilityKind.LogicalTypeChanged, promoted.Kind);
    }

    [Fact]
    public void A_named_type_reached_along_many_paths_reports_each_path()
    {
        var inner1 = Record("Money", Field("Amount", "\"long\""));
        var inner2 = Record("Money", Field("Amount", "\"int\""));
        var writer = Record("Order", Field("Price", inner1), Field("Tax", "\"Money\""));
        var reader = Record("Order", Field("Price", inner2), Field("Tax", "\"Money\""));
        var paths = Check(reader, writer).Findings.Select(f => f.ReaderPath).ToArray();
        Assert.Equal(new[] { "Price.Amount", "Tax.Amount" }, paths);
    }

    [Fact]
    public void Json_overload_rejects_invalid_schema_with_its_location()
    {
        var e = Assert.Throws<AvroSchemaParseException>(() => SchemaCompatibility.CanRead(Record("A", Field("X", "\"Nope\"")), "\"int\""));
        Assert.Equal("unknown type 'Nope'; a named type must be defined before it is used (at X)", e.Message);
    }

    private static CompatibilityResult Check(string reader, string writer) => SchemaCompatibility.CanRead(reader, writer);
}
