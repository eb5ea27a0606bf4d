using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Generator.Benchmarks;

/// <summary>
/// What the compiler hands the generator in a build of a project with <c>schemas/**/*.avsc</c>: a compilation (one
/// small C# file), the schema files as AdditionalFiles and the MSBuild properties the package makes visible.
/// </summary>
internal sealed class GeneratorProject
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public GeneratorProject(int contracts)
    {
        Schemas = SyntheticSchemas.Create(contracts).Select(s => (AdditionalText)new SchemaText(s.Path, s.Text)).ToImmutableArray();
        Compilation = CSharpCompilation.Create(
            "Bench.Contracts",
            [CSharpSyntaxTree.ParseText("namespace Bench.Contracts; public static class Program { public static int Answer => 42; }", ParseOptions, "Program.cs")],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public ImmutableArray<AdditionalText> Schemas { get; }

    public CSharpCompilation Compilation { get; }

    public GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new ContractsGenerator().AsSourceGenerator()],
            Schemas,
            ParseOptions,
            new Options(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "System.dll" or "netstandard.dll")
            .Append(typeof(global::Contracts.MessageAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));

    /// <summary>A schema file in memory, as MSBuild passes an AdditionalFiles item.</summary>
    internal sealed class SchemaText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly Values None = new(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(ImmutableDictionary<string, string>.Empty
            .Add("build_property.RootNamespace", "Bench.Contracts")
            .Add("build_property.ContractsSchemasDirectory", "schemas/"));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
