using System.Linq;
using System.Threading;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;
using Contracts.Generator.Parsing.Avsc;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Contracts.Generator.Tests.Avsc;

public sealed class AvscParsingTests
{
    [Theory]
    [InlineData("first_name", "FirstName")]
    [InlineData("firstName", "FirstName")]
    [InlineData("FirstName", "FirstName")]
    [InlineData("IN_PROGRESS", "InProgress")]
    [InlineData("URL", "Url")]
    [InlineData("userID", "UserID")]
    [InlineData("_joker", "Joker")]
    [InlineData("a_1", "A1")]
    [InlineData("_1", "_1")]
    [InlineData("__", "__")]
    [InlineData("class", "Class")]
    public void Avro_names_become_pascal_case(string avro, string clr) => Assert.Equal(clr, AvscNames.ToPascalCase(avro));

    [Theory]
    [InlineData("com.acme.people", "Com.Acme.People")]
    [InlineData("acme.event", "Acme.Event")]
    [InlineData("", "")]
    public void Avro_namespaces_become_pascal_case_namespaces(string avro, string clr) => Assert.Equal(clr, AvscNames.ToClrNamespace(avro));

    [Fact]
    public void Chosen_names_that_are_keywords_are_escaped()
    {
        var file = Parse("""
            {"type": "record", "name": "R", "namespace": "ns.event", "contracts.typeName": "record",
             "fields": [{"name": "x", "type": "int", "contracts.memberName": "class"}]}
            """);

        Assert.Empty(file.Diagnostics);
        Assert.Equal(("Ns.Event", "@record", "class"), (file.Definitions[0].ClrNamespace, file.Definitions[0].ClrName, file.Definitions[0].Fields[0].MemberName));
    }

    [Fact]
    public void Json_nodes_know_their_span_in_the_text()
    {
        const string Text = "{\n  \"a\": [1, \"x\"],\n  \"b\": null\n}";
        var node = JsonNode.TryParse(Text, out var reason, out var position)!;

        Assert.Null(reason);
        Assert.Equal(-1, position);
        Assert.Equal((0, Text.Length), (node.Start, node.End));
        var array = node.Properties[0].Value;
        Assert.Equal("[1, \"x\"]", Text.Substring(array.Start, array.End - array.Start));
        Assert.Equal("\"x\"", Text.Substring(array.Items[1].Start, array.Items[1].End - array.Items[1].Start));
        Assert.Equal("null", Text.Substring(node.Properties[1].Value.Start, 4));
        Assert.NotSame(JsonNode.Null, node.Properties[1].Value);
    }

    [Fact]
    public void A_json_syntax_error_reports_its_reason_and_offset()
    {
        Assert.Null(JsonNode.TryParse("{\"a\": tru}", out var reason, out var position));
        Assert.Equal(("unexpected text", 6), (reason, position));
        Assert.Null(JsonNode.TryParse("[1] 2", out reason, out position));
        Assert.Equal(("unexpected text after the value", 4), (reason, position));
    }

    [Fact]
    public void A_file_parses_into_its_definitions_with_references_left_as_names()
    {
        var file = Parse("""
            {"type": "record", "name": "Person", "namespace": "acme", "fields": [
              {"name": "home", "type": "common.Address"},
              {"name": "kind", "type": {"type": "enum", "name": "Kind", "namespace": "", "symbols": ["A"]}},
              {"name": "self", "type": ["null", "Person"], "default": null}
            ]}
            """);

        Assert.Empty(file.Diagnostics);
        Assert.Equal(["acme.Person", "Kind"], file.Definitions.Select(d => d.FullName));
        var person = file.Definitions[0];
        Assert.Equal(("Acme", "Person", "global::Acme.Person"), (person.ClrNamespace, person.ClrName, person.ClrTypeName));
        Assert.Equal("common.Address", person.Fields[0].Type.FullName);
        Assert.Equal("$.fields[0].type", person.Fields[0].Type.Site.JsonPath);
        Assert.Equal("acme.Person", person.Fields[2].Type.Branches[1].FullName);
        Assert.Equal("null", person.Fields[2].DefaultJson);
        Assert.Equal("TestRoot", file.Definitions[1].ClrNamespace);
        Assert.Equal(new AvscContractSettings("acme.Person", "person", 1, 0, EquatableArray<string>.Empty, file.Contract!.KeySite, IsMessage: null, HasMessageSettings: false), file.Contract);
    }

    [Fact]
    public void Schema_properties_win_over_item_metadata_which_wins_over_defaults()
    {
        const string Schema = """{"type": "record", "name": "OrderPlaced", "contracts.version": 5, "fields": [{"name": "id", "type": "string"}]}""";
        var withMetadata = Parse(Schema, new AvscFileOptions("o.avsc", null, "Sales", "order", "7", "id", "plain", "OrderV5", null, false));
        var plain = Parse(Schema);

        Assert.Equal(("order", 5, 2, "id"), (withMetadata.Contract!.MessageType, withMetadata.Contract.Version, withMetadata.Contract.KeyFormat, withMetadata.Contract.KeyFields.Single()));
        Assert.Equal(("Sales", "OrderV5"), (withMetadata.Definitions[0].ClrNamespace, withMetadata.Definitions[0].ClrName));
        Assert.Equal(("order_placed", 5, 0), (plain.Contract!.MessageType, plain.Contract.Version, plain.Contract.KeyFormat));
        Assert.True(withMetadata.Contract.HasMessageSettings);
        Assert.True(plain.Contract.HasMessageSettings);
        Assert.False(Parse(Schema.Replace("\"contracts.version\": 5, ", string.Empty, System.StringComparison.Ordinal)).Contract!.HasMessageSettings);
    }

    [Fact]
    public void A_top_level_enum_or_union_defines_types_but_no_contract()
    {
        Assert.Null(Parse("""{"type": "enum", "name": "Kind", "symbols": ["A"]}""").Contract);
        var union = Parse("""[{"type": "record", "name": "A", "fields": []}, {"type": "record", "name": "B", "fields": []}]""");
        Assert.Null(union.Contract);
        Assert.Equal(["A", "B"], union.Definitions.Select(d => d.FullName));
    }

    [Fact]
    public void Shipped_schema_baselines_generate_nothing()
    {
        var run = new AvscProject()
            .Schema("schemas/shipped/person.v1.avsc", """{"type": "record", "name": "Person", "namespace": "acme", "fields": [{"name": "name", "type": "string"}]}""", ("ContractsShippedSchema", "true"))
            .Run();

        Assert.Empty(run.AllDiagnostics);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void The_same_definition_in_two_files_is_one_type_and_file_order_does_not_matter()
    {
        const string Address = """{"type": "record", "name": "Address", "namespace": "acme", "fields": [{"name": "street", "type": "string"}]}""";
        const string Person = """{"type": "record", "name": "Person", "namespace": "acme", "fields": [{"name": "home", "type": "Address"}]}""";
        const string Company = """
            {"type": "record", "name": "Company", "namespace": "acme", "fields": [
              {"name": "office", "type": {"type": "record", "name": "Address", "fields": [{"name": "street", "type": "string"}]}}
            ]}
            """;

        var forward = new AvscProject().Schema("a/person.avsc", Person).Schema("b/address.avsc", Address).Schema("c/company.avsc", Company).Run();
        var backward = new AvscProject().Schema("c/company.avsc", Company).Schema("b/address.avsc", Address).Schema("a/person.avsc", Person).Run();

        Assert.Empty(forward.AllDiagnostics);
        Assert.Empty(backward.AllDiagnostics);
        var sources = forward.Result.GeneratedSources.OrderBy(s => s.HintName, System.StringComparer.Ordinal).Select(s => (s.HintName, s.SourceText.ToString()));
        Assert.Equal(sources, backward.Result.GeneratedSources.OrderBy(s => s.HintName, System.StringComparer.Ordinal).Select(s => (s.HintName, s.SourceText.ToString())));
        Assert.Single(forward.Result.GeneratedSources, s => s.HintName == "Avsc.Acme.Address.g.cs");
    }

    private static AvscFile Parse(string text, AvscFileOptions? options = null) =>
        AvscFileParser.Parse(SourceText.From(text), options ?? new AvscFileOptions("test.avsc", "TestRoot", null, null, null, null, null, null, null, false), CancellationToken.None);
}
