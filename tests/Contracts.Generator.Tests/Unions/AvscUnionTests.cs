using System.Linq;
using Contracts.Generator.Tests.Avsc;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Unions;

/// <summary>General unions from .avsc files through the whole generator: the generated source, defaults and their errors.</summary>
public sealed class AvscUnionTests
{
    private const string Shapes = """
        {"type": "record", "name": "Drawing", "namespace": "acme.art", "doc": "Shapes and labels.",
         "fields": [
           {"name": "shape", "type": [{"type": "record", "name": "Circle", "fields": [{"name": "radius", "type": "double"}]},
                                      {"type": "record", "name": "Square", "fields": [{"name": "side", "type": "double"}]}]},
           {"name": "label", "type": ["string", "null"], "default": "untitled"},
           {"name": "layers", "type": {"type": "array", "items": ["null", "int", {"type": "array", "items": ["long", "string"]}]}, "default": [null, 1, [2, "x"]]},
           {"name": "stamp", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}, {"type": "string", "logicalType": "uuid"}], "default": null}
         ]}
        """;

    [Fact]
    public void Generated_source_matches_the_snapshot()
    {
        var run = new AvscProject().Schema("schemas/drawing.avsc", Shapes).Run();

        Assert.Empty(DiagnosticText.FormatAll(run));
        Snapshot.Verify("UnionClasses", run);
    }

    [Fact]
    public void Union_classes_are_nested_in_the_record_and_named_after_the_field()
    {
        var run = new AvscProject().Schema("schemas/drawing.avsc", Shapes).Run();
        var declaration = run.Result.GeneratedSources.Single(s => s.HintName == "Avsc.Acme.Art.Drawing.g.cs").SourceText.ToString();

        Assert.Contains("public required global::Acme.Art.Drawing.ShapeUnion Shape { get; init; }", declaration, System.StringComparison.Ordinal);
        Assert.Contains("public global::Acme.Art.Drawing.LabelUnion? Label { get; init; } = new global::Acme.Art.Drawing.LabelUnion.String(\"untitled\");", declaration, System.StringComparison.Ordinal);
        Assert.Contains("public abstract partial class ShapeUnion", declaration, System.StringComparison.Ordinal);
        Assert.Contains("public abstract partial class LayersUnion", declaration, System.StringComparison.Ordinal);
        Assert.Contains("public abstract partial class LayersUnion2", declaration, System.StringComparison.Ordinal);
        Assert.Contains("public sealed class TimestampMillis : StampUnion", declaration, System.StringComparison.Ordinal);
        Assert.Contains("new global::Acme.Art.Drawing.LayersUnion.Array(new global::Acme.Art.Drawing.LayersUnion2[] { new global::Acme.Art.Drawing.LayersUnion2.Long(2L), new global::Acme.Art.Drawing.LayersUnion2.String(\"x\") })", declaration, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_class_name_a_property_or_the_record_already_has_becomes_UnionType_and_compiles()
    {
        var run = new AvscProject().Schema("schemas/b_union.avsc", """
            {"type": "record", "name": "b_union", "namespace": "acme", "fields": [
              {"name": "b", "type": ["int", "string"]},
              {"name": "c", "type": ["int", "string"]},
              {"name": "c_union", "type": "string"},
              {"name": "d", "type": {"type": "array", "items": ["int", {"type": "array", "items": ["long", "string"]}]}},
              {"name": "d_union2", "type": "string"},
              {"name": "d_union_type", "type": "long"}
            ]}
            """).Run();
        var declaration = run.Result.GeneratedSources.Single(s => s.HintName == "Avsc.Acme.BUnion.g.cs").SourceText.ToString();

        Assert.Empty(DiagnosticText.FormatAll(run));
        Assert.Contains("public required global::Acme.BUnion.BUnionType B { get; init; }", declaration, System.StringComparison.Ordinal);
        Assert.Contains("public required global::Acme.BUnion.CUnionType C { get; init; }", declaration, System.StringComparison.Ordinal);
        Assert.Contains("public required string CUnion { get; init; }", declaration, System.StringComparison.Ordinal);
        Assert.Contains("public required global::System.Collections.Generic.IReadOnlyList<global::Acme.BUnion.DUnion> D { get; init; }", declaration, System.StringComparison.Ordinal);
        Assert.Contains("public abstract partial class DUnionType2", declaration, System.StringComparison.Ordinal);
        Assert.Contains("public required string DUnion2 { get; init; }", declaration, System.StringComparison.Ordinal);
        Assert.Contains("public required long DUnionType { get; init; }", declaration, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_that_is_not_a_value_of_the_first_branch_is_reported_at_the_default()
    {
        var run = new AvscProject().Schema("schemas/bad.avsc", """
            {"type": "record", "name": "Bad", "fields": [
              {"name": "a", "type": ["int", "string"], "default": "text"},
              {"name": "b", "type": ["null", "int"], "default": null},
              {"name": "c", "type": ["int", "null"], "default": null},
              {"name": "d", "type": {"type": "array", "items": ["int", "string"]}, "default": [1, "two", true]}
            ]}
            """).Run();

        string[] expected =
            [
                "CTR0025 schemas/bad.avsc(2,55)-(2,61): The default at $.fields[0].default is invalid for its type [int,string]: a union field's default must be a value of the union's first branch (expected an integer between -2147483648 and 2147483647)",
                "CTR0025 schemas/bad.avsc(4,53)-(4,57): The default at $.fields[2].default is invalid for its type [int,null]: a union field's default must be a value of the union's first branch (expected an integer between -2147483648 and 2147483647)",
                "CTR0025 schemas/bad.avsc(5,83)-(5,99): The default at $.fields[3].default is invalid for its type array<[int,string]>: item 2: the value fits no branch of the union",
            ];

        var actual = AvscDiagnosticTests.Sorted(run);
        Assert.True(expected.SequenceEqual(actual), "Expected:\n" + string.Join("\n", expected) + "\nActual:\n" + string.Join("\n", actual));
    }
}
