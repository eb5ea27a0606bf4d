using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Contracts.Generator.Model;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.Pipeline;

public sealed class CachingTests
{
    // The .avsc steps run only when a project has schema files; Avsc/AvscCachingTests covers them.
    private static readonly string[] AllSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .Where(name => !name.StartsWith("Contracts.Avsc", StringComparison.Ordinal))
        .ToArray();

    private static readonly (string Path, string Source)[] Files =
    [
        ("Person.cs", """
            using System;
            using System.Collections.Generic;
            using Contracts;
            namespace Acme;
            [Message("person", 2, Key = nameof(Id))]
            public partial record PersonV2(Guid Id, string Name, IReadOnlyList<Address> Addresses);
            """),
        ("Address.cs", """
            namespace Acme;
            public record Address(string Street, string City);
            """),
        ("Order.cs", """
            using Contracts;
            namespace Acme;
            [Message("order", 1)]
            public partial record OrderV1(string Number, decimal Total);
            """),
        ("PeopleTopic.cs", """
            using Contracts.Messaging;
            namespace Acme;
            [Topic("people", typeof(PersonV2), typeof(OrderV1))]
            public partial class PeopleTopic;
            """),
        ("Unrelated.cs", """
            namespace Acme;
            public static class Helpers { public static int Twice(int x) => x * 2; }
            """),
    ];

    [Fact]
    public void Every_step_is_named_and_runs()
    {
        var run = GeneratorRunner.Run(TestCompilation.CreateFromFiles(Files));

        Assert.Empty(run.AllDiagnostics);
        foreach (var step in AllSteps)
        {
            Assert.True(run.Result.TrackedSteps.ContainsKey(step), "No tracked step named " + step);
        }
    }

    [Theory]
    [InlineData("Unrelated.cs", "namespace Acme;\npublic static class Helpers { public static int Twice(int x) => x * 3; }\n")]
    [InlineData("Unrelated.cs", "// a comment\nnamespace Acme;\npublic static class Helpers { public static int Twice(int x) => x * 2; }\n")]
    [InlineData("Person.cs", "// a comment above the contract\nusing System;\nusing System.Collections.Generic;\nusing Contracts;\nnamespace Acme;\n[Message(\"person\", 2, Key = nameof(Id))]\npublic partial record PersonV2(Guid Id, string Name, IReadOnlyList<Address> Addresses);\n")]
    public void An_edit_that_changes_no_contract_leaves_every_step_cached_or_unchanged(string path, string newSource)
    {
        var first = GeneratorRunner.Run(TestCompilation.CreateFromFiles(Files));

        var second = first.RunAgain(Replace(first.Input, path, newSource));

        Assert.Empty(second.AllDiagnostics);
        Assert.Equal(2, second.Result.TrackedSteps[TrackingNames.ContractSource].SelectMany(s => s.Outputs).Count());
        foreach (var step in AllSteps)
        {
            foreach (var output in second.Result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step {step} produced {output.Reason} for {output.Value}");
            }
        }
    }

    [Fact]
    public void A_new_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var first = GeneratorRunner.Run(TestCompilation.CreateFromFiles(Files));
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Acme; public class Brand { public string Name { get; set; } = \"\"; }", TestCompilation.ParseOptions, path: "Brand.cs"));

        var second = first.RunAgain(edited);

        foreach (var step in AllSteps)
        {
            Assert.All(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} produced {output.Reason}"));
        }
    }

    [Fact]
    public void Editing_one_contract_regenerates_only_that_contract()
    {
        var first = GeneratorRunner.Run(TestCompilation.CreateFromFiles(Files));

        var second = first.RunAgain(Replace(first.Input, "Order.cs", """
            using Contracts;
            namespace Acme;
            [Message("order", 1)]
            public partial record OrderV1(string Number, decimal Total, string? Note = null);
            """));

        Assert.Empty(second.AllDiagnostics);
        var reasons = ContractSourceReasons(second);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["Acme.OrderV1.g.cs"]);
        Assert.True(reasons["Acme.PersonV2.g.cs"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("note", second.GeneratedSource("Acme.OrderV1.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_nested_record_in_another_file_regenerates_the_contracts_that_use_it()
    {
        var first = GeneratorRunner.Run(TestCompilation.CreateFromFiles(Files));
        Assert.DoesNotContain("zip", first.GeneratedSource("Acme.PersonV2.g.cs"), StringComparison.Ordinal);

        var second = first.RunAgain(Replace(first.Input, "Address.cs", """
            namespace Acme;
            public record Address(string Street, string City, string? Zip = null);
            """));

        Assert.Empty(second.AllDiagnostics);
        var reasons = ContractSourceReasons(second);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["Acme.PersonV2.g.cs"]);
        Assert.True(reasons["Acme.OrderV1.g.cs"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("zip", second.GeneratedSource("Acme.PersonV2.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Tracked_step_outputs_hold_no_symbols_syntax_compilations_or_locations()
    {
        var run = GeneratorRunner.Run(TestCompilation.CreateFromFiles(
            [.. Files, ("Broken.cs", "using Contracts; namespace Acme; [Message(\"broken\", 1)] public partial record BrokenV1(object Payload);")]));
        Assert.Contains(run.Result.Diagnostics, d => d.Id == "CTR0005");

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var step in AllSteps)
        {
            foreach (var output in run.Result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertHoldsNoCompilerObjects(output.Value, step, visited);
            }
        }

        Assert.Contains(visited, v => v is ContractModel);
        Assert.Contains(visited, v => v is global::Contracts.Generator.Diagnostics.DiagnosticInfo);
    }

    private static void AssertHoldsNoCompilerObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Compilation or Location or SemanticModel,
            $"{path} holds a {value.GetType().FullName}");
        if (value is DiagnosticDescriptor)
        {
            // Static descriptor instances: shared, immutable, no compilation state.
            return;
        }

        if (value is IEnumerable sequence)
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

    private static Dictionary<string, IncrementalStepRunReason> ContractSourceReasons(GeneratorRunner run) =>
        run.Result.TrackedSteps[TrackingNames.ContractSource]
            .SelectMany(s => s.Outputs)
            .ToDictionary(o => ((GeneratedSource)o.Value).HintName, o => o.Reason);

    private static Compilation Replace(Compilation compilation, string path, string source)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, path: path));
    }
}
