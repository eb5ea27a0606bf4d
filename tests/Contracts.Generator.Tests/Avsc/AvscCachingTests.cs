using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Contracts.Generator.Model;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.Avsc;

/// <summary>
/// The .avsc branch of the pipeline is incremental: editing one file regenerates only the files that depend on it,
/// a formatting-only edit or a C# edit regenerates nothing.
/// </summary>
public sealed class AvscCachingTests
{
    private static readonly string[] AvscSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .Where(name => name.StartsWith("Contracts.Avsc", StringComparison.Ordinal))
        .ToArray();

    private const string Order = """{"type": "record", "name": "Order", "namespace": "acme.sales", "fields": [{"name": "number", "type": "string"}]}""";

    [Fact]
    public void Every_avsc_step_is_named_and_runs()
    {
        var run = Project().Run();

        Assert.Empty(run.AllDiagnostics);
        Assert.NotEmpty(AvscSteps);
        foreach (var step in AvscSteps)
        {
            Assert.True(run.Result.TrackedSteps.ContainsKey(step), "No tracked step named " + step);
        }
    }

    [Fact]
    public void Editing_an_unrelated_schema_regenerates_only_its_own_files()
    {
        var project = Project();
        var first = project.Run();

        var second = Edit(project, first, "schemas/sales/order.avsc", Order.Replace("\"string\"}", "\"string\"}, {\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null}", StringComparison.Ordinal));

        Assert.Empty(second.AllDiagnostics);
        Assert.Equal(["Acme.Sales.Order.g.cs", "Avsc.Acme.Sales.Order.g.cs"], Regenerated(second));
        Assert.Contains("Note", second.GeneratedSource("Avsc.Acme.Sales.Order.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_shared_type_regenerates_its_declaration_and_the_contracts_that_reach_it()
    {
        var project = Project();
        var first = project.Run();

        var second = Edit(project, first, "schemas/common/address.avsc",
            AvscSchemas.Address.Replace("\"default\": \"Springfield\"}", "\"default\": \"Springfield\"}, {\"name\": \"zip\", \"type\": \"string\", \"default\": \"\"}", StringComparison.Ordinal));

        Assert.Empty(second.AllDiagnostics);
        // Address is a shared type (person.avsc refers to it): no contract of its own. The person declaration depends on
        // it too: its "home" default is an Address whose omitted fields take Address's defaults, so the new field appears
        // in its initializer. Status, Order and the catalog stay cached.
        Assert.Equal(
            ["Acme.People.PersonProfile.g.cs", "Avsc.Acme.Common.Address.g.cs", "Avsc.Acme.People.PersonProfile.g.cs"],
            Regenerated(second));
        Assert.Contains("Zip = \"\"", second.GeneratedSource("Avsc.Acme.People.PersonProfile.g.cs"), StringComparison.Ordinal);
        Assert.Contains("\"zip\"", second.GeneratedSource("Acme.People.PersonProfile.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_file_resolves_again_only_the_files_that_reach_its_definitions()
    {
        const string A = """{"type": "record", "name": "A", "namespace": "acme", "fields": [{"name": "x", "type": "int"}]}""";
        const string B = """{"type": "record", "name": "B", "namespace": "acme", "contracts.version": 2, "fields": [{"name": "c", "type": "acme.C"}]}""";
        const string C = """{"type": "record", "name": "C", "namespace": "acme", "fields": [{"name": "y", "type": "int"}]}""";
        var project = new AvscProject().Schema("schemas/a.avsc", A).Schema("schemas/b.avsc", B).Schema("schemas/c.avsc", C);
        var first = project.Run();
        Assert.Empty(first.AllDiagnostics);

        var unrelated = Edit(project, first, "schemas/a.avsc", A.Replace("\"int\"}", "\"int\"}, {\"name\": \"z\", \"type\": \"long\", \"default\": 0}", StringComparison.Ordinal));

        Assert.Equal(
            [("schemas/a.avsc", IncrementalStepRunReason.Modified), ("schemas/b.avsc", IncrementalStepRunReason.Cached), ("schemas/c.avsc", IncrementalStepRunReason.Cached)],
            Reasons(unrelated, TrackingNames.AvscResolve));
        Assert.Equal(["Acme.A.g.cs", "Avsc.Acme.A.g.cs"], Regenerated(unrelated));

        var referenced = Edit(project, first, "schemas/c.avsc", C.Replace("\"int\"}", "\"int\"}, {\"name\": \"w\", \"type\": \"string\", \"default\": \"\"}", StringComparison.Ordinal));

        Assert.Equal(
            [("schemas/a.avsc", IncrementalStepRunReason.Cached), ("schemas/b.avsc", IncrementalStepRunReason.Modified), ("schemas/c.avsc", IncrementalStepRunReason.Modified)],
            Reasons(referenced, TrackingNames.AvscResolve));

        // C is a shared type (B refers to it and it sets no message settings): its declaration, and B's contract that embeds it.
        Assert.Equal(["Acme.B.g.cs", "Avsc.Acme.C.g.cs"], Regenerated(referenced));
    }

    [Fact]
    public void Reformatting_a_schema_changes_no_generated_file()
    {
        var project = Project();
        var first = project.Run();

        var second = Edit(project, first, "schemas/people/person.avsc", "\n\n" + AvscSchemas.Person.Replace(", ", ",\n    ", StringComparison.Ordinal));

        Assert.Empty(second.AllDiagnostics);
        Assert.Empty(Regenerated(second));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_csharp_edit_leaves_every_avsc_step_cached_or_unchanged(bool addFile)
    {
        var project = Project();
        var first = project.Run();
        var tree = first.Input.SyntaxTrees.Single(t => t.FilePath == "Helpers.cs");
        var edited = addFile
            ? first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Acme; public class Brand { }", TestCompilation.ParseOptions, path: "Brand.cs"))
            : first.Input.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("namespace Acme; public static class Helpers { public static int Three() => 3; }", TestCompilation.ParseOptions, path: "Helpers.cs"));

        var second = first.RunAgain(edited);

        foreach (var step in AvscSteps)
        {
            Assert.All(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} produced {output.Reason}"));
        }
    }

    [Fact]
    public void The_clash_check_reads_the_compilation_for_generated_names_only_and_reruns_when_one_appears_in_csharp()
    {
        var project = Project();
        var first = project.Run();
        var unrelated = first.RunAgain(first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Acme.Sales; public class Invoice { }", TestCompilation.ParseOptions, path: "Invoice.cs")));

        Assert.Equal([IncrementalStepRunReason.Unchanged], unrelated.Result.TrackedSteps[TrackingNames.AvscExistingTypes].SelectMany(s => s.Outputs).Select(o => o.Reason));
        Assert.Equal([IncrementalStepRunReason.Cached], unrelated.Result.TrackedSteps[TrackingNames.AvscClashCheck].SelectMany(s => s.Outputs).Select(o => o.Reason));

        var clashing = first.RunAgain(first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Acme.Sales; public class Order { }", TestCompilation.ParseOptions, path: "Order.cs")));

        Assert.Equal([IncrementalStepRunReason.Modified], clashing.Result.TrackedSteps[TrackingNames.AvscExistingTypes].SelectMany(s => s.Outputs).Select(o => o.Reason));
        Assert.Equal(["CTR0027"], clashing.Result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Tracked_avsc_step_outputs_hold_no_compiler_objects()
    {
        var run = Project().Schema("schemas/broken.avsc", "{\"type\": \"record\", \"name\": \"Broken\", \"fields\": [{\"name\": \"x\", \"type\": \"Nope\"}]}").Run();
        Assert.Contains(run.Result.Diagnostics, d => d.Id == "CTR0023");

        foreach (var step in AvscSteps)
        {
            foreach (var output in run.Result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertHoldsNoCompilerObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static AvscProject Project() => new AvscProject()
        .Schema("schemas/common/address.avsc", AvscSchemas.Address)
        .Schema("schemas/common/kinds.avsc", AvscSchemas.Kinds)
        .Schema("schemas/people/person.avsc", AvscSchemas.Person)
        .Schema("schemas/sales/order.avsc", Order)
        .Source("Helpers.cs", "namespace Acme; public static class Helpers { public static int Two() => 2; }");

    private static GeneratorRunner Edit(AvscProject project, GeneratorRunner run, string path, string text)
    {
        var old = project.AdditionalTexts.Single(t => t.Path == path);
        var driver = run.Driver.ReplaceAdditionalText(old, new AvscProject.InMemoryAdditionalText(path, text));
        return GeneratorRunner.Run(driver, run.Input);
    }

    /// <summary>
    /// Hint names of generated files whose producing step output was new or modified; the catalog (which lists every
    /// contract) is marked with '?' when it re-ran, since its text changes only when the contract set does.
    /// </summary>
    private static string[] Regenerated(GeneratorRunner run)
    {
        var steps = new[] { TrackingNames.AvscDeclarationSource, TrackingNames.AvscContractSource };
        var sources = steps
            .SelectMany(step => run.Result.TrackedSteps[step])
            .SelectMany(s => s.Outputs)
            .Where(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            .Select(o => ((GeneratedSource)o.Value).HintName);
        var catalog = run.Result.TrackedSteps[TrackingNames.CatalogSource]
            .SelectMany(s => s.Outputs)
            .Any(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            ? new[] { "MessageContracts.g.cs?" }
            : [];
        return sources.Concat(catalog).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The reason each file's output of <paramref name="step"/> was produced, by file path.</summary>
    private static (string Path, IncrementalStepRunReason Reason)[] Reasons(GeneratorRunner run, string step) => run.Result.TrackedSteps[step]
        .SelectMany(s => s.Outputs)
        .Select(o => (((Contracts.Generator.Parsing.Avsc.AvscResolution)o.Value).Path, o.Reason))
        .OrderBy(r => r.Path, StringComparer.Ordinal)
        .ToArray();

    private static void AssertHoldsNoCompilerObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value) || value is DiagnosticDescriptor)
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Compilation or Location or SemanticModel or AdditionalText, $"{path} holds a {value.GetType().FullName}");
        if (value is System.Collections.IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                AssertHoldsNoCompilerObjects(item, path + "[" + index++ + "]", visited);
            }
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertHoldsNoCompilerObjects(field.GetValue(value), path + "." + field.Name, visited);
            }
        }
    }
}
