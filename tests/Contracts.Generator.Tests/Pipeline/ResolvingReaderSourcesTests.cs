using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Emitting;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;
using Contracts.Generator.Tests.Avsc;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.Pipeline;

/// <summary>
/// Where resolving readers find earlier versions: contracts of the assembly (attribute or .avsc) and the shipped
/// baseline (<c>schemas/shipped/&lt;type&gt;/v&lt;N&gt;.avsc</c> with <c>ContractsShippedSchema=true</c>); and that the steps
/// feeding them stay cached when an edit does not reach them.
/// </summary>
public sealed class ResolvingReaderSourcesTests
{
    private const string PersonV1Shipped = """
        {
          "type": "record",
          "name": "Person",
          "namespace": "Acme",
          "fields": [
            {
              "name": "name",
              "type": "string"
            },
            {
              "name": "age",
              "type": "int"
            }
          ]
        }
        """;

    private const string OrderV1Shipped = """{"type": "record", "name": "Order", "namespace": "Acme", "fields": [{"name": "number", "type": "string"}]}""";

    [Fact]
    public void A_version_only_the_shipped_baseline_holds_gets_a_reader_with_the_compact_baseline_schema()
    {
        var run = Project().Run();

        Assert.Empty(run.AllDiagnostics);
        Assert.Contains(
            "AvroResolvingReader<global::Acme.PersonV3>(1, \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Person\\\",\\\"namespace\\\":\\\"Acme\\\",\\\"fields\\\":[{\\\"name\\\":\\\"name\\\",\\\"type\\\":\\\"string\\\"},{\\\"name\\\":\\\"age\\\",\\\"type\\\":\\\"int\\\"}]}\"",
            run.GeneratedSource("Acme.PersonV3.g.cs"),
            StringComparison.Ordinal);
        Assert.Equal([1, 2], EarlierVersionsOf(run, TrackingNames.ContractWithEarlierVersions, "person", 3));
        Assert.Equal([1], EarlierVersionsOf(run, TrackingNames.ContractWithEarlierVersions, "person", 2));
        Assert.Equal([1], EarlierVersionsOf(run, TrackingNames.ContractWithEarlierVersions, "order", 2));
    }

    [Fact]
    public void An_avsc_contract_reads_earlier_versions_declared_in_csharp_and_shipped()
    {
        var run = new AvscProject()
            .Source("PersonV2.cs", """
                using Contracts;
                namespace Acme;
                [Message("person", 2)]
                public partial record PersonV2(string Name, long Age, string? Email = null);
                """)
            .Schema("schemas/shipped/person/v1.avsc", PersonV1Shipped, ("ContractsShippedSchema", "true"))
            .Schema("schemas/person.avsc", """
                {"type": "record", "name": "Person", "namespace": "acme", "contracts.messageType": "person", "contracts.version": 3,
                 "aliases": ["Acme.Person"],
                 "fields": [{"name": "name", "type": "string"}, {"name": "age", "type": "long"}, {"name": "email", "type": ["null", "string"], "default": null}]}
                """)
            .Run();

        Assert.Empty(run.AllDiagnostics);
        Assert.Equal([1, 2], EarlierVersionsOf(run, TrackingNames.AvscContractWithEarlierVersions, "person", 3));
        Assert.Equal([1], EarlierVersionsOf(run, TrackingNames.ContractWithEarlierVersions, "person", 2));
        var source = run.GeneratedSource("Acme.Person.g.cs");
        Assert.Contains("AvroResolvingReader<global::Acme.Person>(1, ", source, StringComparison.Ordinal);
        Assert.Contains("AvroResolvingReader<global::Acme.Person>(2, ", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_version_reads_with_its_declared_schema_over_a_different_baseline()
    {
        var declared = new ContractSchemaModel("person", 1, "declared v1");
        var sources = new EarlierSchemaSources(
            new[] { declared, new ContractSchemaModel("person", 3, "v3"), new ContractSchemaModel("order", 1, "order v1") }.ToEquatableArray(),
            new[]
            {
                new ShippedSchemaModel("/b/shipped/person/v2.avsc", "person", 2, "second baseline v2"),
                new ShippedSchemaModel("/a/shipped/person/v1.avsc", "person", 1, "shipped v1"),
                new ShippedSchemaModel("/a/shipped/person/v2.avsc", "person", 2, "first baseline v2"),
                new ShippedSchemaModel("/a/shipped/person/v4.avsc", "person", 4, "later"),
            }.ToEquatableArray());
        var model = Assert.Single(GeneratorRunner.Run(TestCompilation.CreateFromFiles(("P.cs", """
            using Contracts;
            namespace Acme;
            [Message("person", 3)]
            public partial record PersonV3(string Name);
            """))).Result.TrackedSteps[TrackingNames.Model].SelectMany(s => s.Outputs).Select(o => (ContractModel)o.Value));

        Assert.Equal(
            [new EarlierSchemaModel(1, "declared v1"), new EarlierSchemaModel(2, "first baseline v2")],
            EarlierVersions.Of(model, sources));
        Assert.Equal(
            [new EarlierSchemaModel(2, "first baseline v2")],
            EarlierVersions.Of(model, sources with { Declared = new[] { declared, declared with { SchemaJson = "another v1" } }.ToEquatableArray() }));
    }

    [Theory]
    [InlineData("/p/schemas/shipped/person/v1.avsc", "person", 1)]
    [InlineData(@"C:\p\schemas\shipped\geo.place\v12.AVSC", "geo.place", 12)]
    [InlineData("/p/schemas/shipped/person/v0.avsc", null, 0)]
    [InlineData("/p/schemas/shipped/person/v01.avsc", null, 0)]
    [InlineData("/p/schemas/shipped/person/version1.avsc", null, 0)]
    [InlineData("/p/schemas/shipped/person/v.avsc", null, 0)]
    [InlineData("/p/schemas/shipped/person/v1.removed", null, 0)]
    [InlineData("v1.avsc", null, 0)]
    public void Baseline_paths_name_the_message_type_and_version(string path, string? messageType, int version)
    {
        var parsed = ShippedSchemaReader.TryParsePath(path.Replace('\\', System.IO.Path.DirectorySeparatorChar), out var actualType, out var actualVersion);

        Assert.Equal(messageType is not null, parsed);
        if (parsed)
        {
            Assert.Equal((messageType, version), (actualType, actualVersion));
        }
    }

    [Fact]
    public void Misnamed_or_unmarked_files_are_not_earlier_versions()
    {
        var run = new AvscProject()
            .Source("PersonV3.cs", PersonV3)
            .Schema("schemas/shipped/person/version1.avsc", PersonV1Shipped, ("ContractsShippedSchema", "true"))
            .Run();

        Assert.Empty(run.AllDiagnostics);
        Assert.Empty(EarlierVersionsOf(run, TrackingNames.ContractWithEarlierVersions, "person", 3));
        Assert.All(run.Result.TrackedSteps[TrackingNames.ShippedSchema].SelectMany(s => s.Outputs), o => Assert.Null(((ShippedSchemaFile)o.Value).Schema));
    }

    [Fact]
    public void A_csharp_edit_leaves_the_baseline_and_every_contract_file_cached()
    {
        var first = Project().Run();

        var second = first.RunAgain(first.Input.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Acme; public class Brand { }", TestCompilation.ParseOptions, path: "Brand.cs")));

        foreach (var step in new[] { TrackingNames.ShippedSchema, TrackingNames.AllContractSchemas, TrackingNames.ContractWithEarlierVersions, TrackingNames.ContractSource })
        {
            Assert.All(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} produced {output.Reason}"));
        }
    }

    [Fact]
    public void Editing_a_baseline_file_regenerates_the_later_versions_of_its_type_only()
    {
        var project = Project();
        var first = project.Run();
        var old = project.AdditionalTexts.Single(t => t.Path == "schemas/shipped/person/v1.avsc");

        var second = GeneratorRunner.Run(
            first.Driver.ReplaceAdditionalText(old, new AvscProject.InMemoryAdditionalText(old.Path, PersonV1Shipped.Replace("\"int\"", "\"long\"", StringComparison.Ordinal))),
            first.Input);

        Assert.Empty(second.AllDiagnostics);
        var reasons = second.Result.TrackedSteps[TrackingNames.ContractSource]
            .SelectMany(s => s.Outputs)
            .ToDictionary(o => ((GeneratedSource)o.Value).HintName, o => o.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["Acme.PersonV3.g.cs"]);
        Assert.True(reasons["Acme.OrderV2.g.cs"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        var shipped = second.Result.TrackedSteps[TrackingNames.ShippedSchema]
            .SelectMany(s => s.Outputs)
            .Select(o => (Schema: ((ShippedSchemaFile)o.Value).Schema!, o.Reason))
            .OrderBy(o => o.Schema.Path, StringComparer.Ordinal)
            .Select(o => (o.Schema.MessageType, o.Schema.Version, o.Reason));
        Assert.Equal(
            [("order", 1, IncrementalStepRunReason.Cached), ("person", 1, IncrementalStepRunReason.Modified), ("person", 2, IncrementalStepRunReason.Cached)],
            shipped);
    }

    /// <summary>
    /// The generated readers, one snapshot: an attribute contract reading a shipped version (record, enum, map, nullable,
    /// promotions, a skipped field) and an .avsc contract reading a shipped version into general union classes.
    /// </summary>
    [Fact]
    public void Snapshot_of_readers_for_shipped_versions_of_attribute_and_avsc_contracts()
    {
        var run = new AvscProject()
            .Source("CustomerV2.cs", """
                using System.Collections.Generic;
                using Contracts;
                namespace Acme;
                public enum Tier { Free, Pro }
                public record Address(string Street, long Number, string Country = "NL");
                [Message("customer", 2)]
                public partial record CustomerV2(string Name, double Score, Tier Tier, Address? Home, IReadOnlyDictionary<string, long> Counters, string? Email = null);
                """)
            .Schema("schemas/shipped/customer/v1.avsc", """
                {"type": "record", "name": "Customer", "namespace": "Acme", "fields": [
                  {"name": "name", "type": "string"},
                  {"name": "score", "type": "float"},
                  {"name": "tier", "type": {"type": "enum", "name": "Tier", "symbols": ["Free", "Pro"]}},
                  {"name": "home", "type": ["null", {"type": "record", "name": "Address", "fields": [{"name": "street", "type": "string"}, {"name": "number", "type": "int"}]}]},
                  {"name": "counters", "type": {"type": "map", "values": "int"}},
                  {"name": "legacy", "type": {"type": "array", "items": "Address"}}]}
                """, ("ContractsShippedSchema", "true"))
            .Schema("schemas/shipped/parcel/v1.avsc", """
                {"type": "record", "name": "Parcel", "namespace": "acme", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "size", "type": "int"},
                  {"name": "label", "type": ["int", "string"]},
                  {"name": "tags", "type": {"type": "array", "items": "string"}}]}
                """, ("ContractsShippedSchema", "true"))
            .Schema("schemas/parcel.avsc", """
                {"type": "record", "name": "Parcel", "namespace": "acme", "contracts.version": 2, "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "size", "type": ["null", "long", "string"], "default": null},
                  {"name": "label", "type": ["string", "double"]},
                  {"name": "tags", "type": {"type": "array", "items": ["long", "string"]}}]}
                """)
            .Run();

        var diagnostics = DiagnosticText.FormatAll(run);
        Assert.True(diagnostics.Length == 0, string.Join("\n", diagnostics));
        Snapshot.Verify("ResolvingReaders", run, hintName => hintName is "Acme.CustomerV2.g.cs" or "Acme.Parcel.g.cs");
    }

    private const string PersonV3 = """
        using Contracts;
        namespace Acme;
        [Message("person", 3)]
        public partial record PersonV3(string Name, long Age, string? Email = null);
        """;

    /// <summary>person v3 with v1 only shipped and v2 shipped and declared; order v2 with v1 shipped.</summary>
    private static AvscProject Project() => new AvscProject()
        .Source("PersonV2.cs", """
            using Contracts;
            namespace Acme;
            [Message("person", 2)]
            public partial record PersonV2(string Name, long Age);
            """)
        .Source("PersonV3.cs", PersonV3)
        .Source("OrderV2.cs", """
            using Contracts;
            namespace Acme;
            [Message("order", 2)]
            public partial record OrderV2(string Number, int Lines = 1);
            """)
        .Schema("schemas/shipped/person/v1.avsc", PersonV1Shipped, ("ContractsShippedSchema", "true"))
        .Schema("schemas/shipped/person/v2.avsc", """{"type": "record", "name": "Person", "namespace": "Acme", "fields": [{"name": "name", "type": "string"}, {"name": "age", "type": "long"}]}""", ("ContractsShippedSchema", "true"))
        .Schema("schemas/shipped/order/v1.avsc", OrderV1Shipped, ("ContractsShippedSchema", "true"));

    private static int[] EarlierVersionsOf(GeneratorRunner run, string step, string messageType, int version) =>
        run.Result.TrackedSteps[step]
            .SelectMany(s => s.Outputs)
            .Select(o => (ContractSourceModel)o.Value)
            .Where(m => m.Model.MessageType == messageType && m.Model.Version == version)
            .SelectMany(m => m.EarlierVersions.Select(e => e.Version))
            .ToArray();
}
