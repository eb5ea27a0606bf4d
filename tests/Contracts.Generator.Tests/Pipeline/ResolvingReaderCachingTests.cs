using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.Pipeline;

/// <summary>
/// A contract's file also holds its resolving readers for the earlier versions of its message type, so it depends on
/// those versions' schemas — and on nothing else of the other contracts.
/// </summary>
public sealed class ResolvingReaderCachingTests
{
    private static readonly (string Path, string Source)[] Files =
    [
        ("PersonV1.cs", """
            using Contracts;
            namespace Acme;
            [Message("person", 1)]
            public partial record PersonV1(string Name, int Age);
            """),
        ("PersonV2.cs", """
            using Contracts;
            namespace Acme;
            [Message("person", 2)]
            public partial record PersonV2(string Name, long Age, string? Email = null);
            """),
        ("Order.cs", """
            using Contracts;
            namespace Acme;
            [Message("order", 1)]
            public partial record OrderV1(string Number);
            """),
    ];

    [Fact]
    public void A_contract_gets_a_resolving_reader_for_each_earlier_version_it_can_read()
    {
        var run = GeneratorRunner.Run(TestCompilation.CreateFromFiles(Files));

        Assert.Empty(run.AllDiagnostics);
        Assert.Contains("AvroResolvingReader<global::Acme.PersonV2>(1, ", run.GeneratedSource("Acme.PersonV2.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("ResolvingReaders", run.GeneratedSource("Acme.PersonV1.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("ResolvingReaders", run.GeneratedSource("Acme.OrderV1.g.cs"), StringComparison.Ordinal);
        var earlier = Assert.Single(run.Result.TrackedSteps[TrackingNames.ContractWithEarlierVersions]
            .SelectMany(s => s.Outputs).Select(o => (ContractSourceModel)o.Value), m => m.Model.Version == 2);
        Assert.Equal(new[] { 1 }, earlier.EarlierVersions.Select(e => e.Version));
    }

    [Fact]
    public void Editing_an_earlier_version_regenerates_the_later_versions_only()
    {
        var first = GeneratorRunner.Run(TestCompilation.CreateFromFiles(Files));

        var second = first.RunAgain(Replace(first.Input, "PersonV1.cs", """
            using Contracts;
            namespace Acme;
            [Message("person", 1)]
            public partial record PersonV1(string Name, int Age, bool Active);
            """));

        Assert.Empty(second.AllDiagnostics);
        var reasons = ContractSourceReasons(second);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["Acme.PersonV1.g.cs"]);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["Acme.PersonV2.g.cs"]);
        Assert.True(reasons["Acme.OrderV1.g.cs"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("active", second.GeneratedSource("Acme.PersonV2.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_incompatible_earlier_version_gets_no_reader_and_a_comment_saying_why()
    {
        var run = GeneratorRunner.Run(TestCompilation.CreateFromFiles(
            Files[0],
            ("PersonV2.cs", """
                using Contracts;
                namespace Acme;
                [Message("person", 2)]
                public partial record PersonV2(string Name, long Age, string Email);
                """)));

        Assert.Empty(run.AllDiagnostics);
        var source = run.GeneratedSource("Acme.PersonV2.g.cs");
        Assert.DoesNotContain("ResolvingReaders", source, StringComparison.Ordinal);
        Assert.Contains(
            "// No resolving reader for v1: incompatible: error ReaderFieldMissingDefault at email: field 'email' of Acme.Person is not in the writer's Acme.Person (by name or alias) and has no default",
            source,
            StringComparison.Ordinal);
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
