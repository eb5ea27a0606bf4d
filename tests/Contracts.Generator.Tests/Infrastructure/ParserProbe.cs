using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>Runs only the parser (through the same ForAttributeWithMetadataName input the generator uses) and returns its results.</summary>
internal static class ParserProbe
{
    public static IReadOnlyList<ContractParseResult> ParseAll(params string[] sources) => ParseAll(TestCompilation.ParseOptions, sources);

    public static IReadOnlyList<ContractParseResult> ParseAll(CSharpParseOptions parseOptions, params string[] sources)
    {
        var compilation = TestCompilation.Create(sources).RemoveAllSyntaxTrees()
            .AddSyntaxTrees(sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, parseOptions, path: "Source" + index + ".cs")));
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, "The test source does not compile:\n" + string.Join("\n", compileErrors));
        var generator = new Probe();
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: parseOptions).RunGenerators(compilation);
        return generator.Results;
    }

    /// <summary>Parses sources expected to hold exactly one contract with no diagnostics.</summary>
    public static ContractModel ParseOne(params string[] sources)
    {
        var results = ParseAll(sources);
        var result = Assert.Single(results);
        Assert.True(result.Diagnostics.IsEmpty, "Unexpected diagnostics:\n" + string.Join("\n", result.Diagnostics.Select(d => d.ToDiagnostic())));
        Assert.NotNull(result.Model);
        return result.Model!;
    }

    public static RecordModel Record(this ContractModel model, string avroFullName) => Assert.Single(model.Records, r => r.AvroFullName == avroFullName);

    public static FieldModel Field(this RecordModel record, string avroName) => Assert.Single(record.Fields, f => f.AvroName == avroName);

    public static RecordModel Root(this ContractModel model) => model.Record(model.RootRecordFullName);

    private sealed class Probe : IIncrementalGenerator
    {
        public List<ContractParseResult> Results { get; } = [];

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var results = context.SyntaxProvider.ForAttributeWithMetadataName(
                ContractParser.MessageAttributeName,
                static (node, _) => node is TypeDeclarationSyntax,
                ContractParser.Parse);
            context.RegisterSourceOutput(results, (_, result) => Results.Add(result));
        }
    }
}
