using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Generator.Tests.Avsc;

/// <summary>
/// A project as the compiler sees it: C# sources, .avsc AdditionalFiles with their item metadata, and MSBuild properties,
/// run through the generator like a build does.
/// </summary>
internal sealed class AvscProject
{
    private readonly List<(string Path, string Text, Dictionary<string, string> Metadata)> _schemas = [];
    private readonly List<(string Path, string Source)> _sources = [];
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal) { ["RootNamespace"] = "TestAssembly" };

    public AvscProject Schema(string path, string text, params (string Name, string Value)[] metadata)
    {
        _schemas.Add((path, text, metadata.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal)));
        return this;
    }

    public AvscProject Source(string path, string source)
    {
        _sources.Add((path, source));
        return this;
    }

    /// <summary>Adds a referenced assembly to the compilation.</summary>
    public AvscProject Reference(MetadataReference reference)
    {
        _references.Add(reference);
        return this;
    }

    private readonly List<MetadataReference> _references = [];

    public AvscProject Property(string name, string value)
    {
        _properties[name] = value;
        return this;
    }

    public IReadOnlyList<AdditionalText> AdditionalTexts => _texts ??= _schemas.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToList();

    private List<AdditionalText>? _texts;

    public Compilation Compilation => _compilation ??= TestCompilation.CreateFromFiles(_sources.ToArray()).AddReferences(_references);

    private Compilation? _compilation;

    public GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new ContractsGenerator().AsSourceGenerator()],
            AdditionalTexts,
            TestCompilation.ParseOptions,
            new OptionsProvider(_properties, _schemas.ToDictionary(s => s.Path, s => s.Metadata, StringComparer.Ordinal)),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public GeneratorRunner Run() => GeneratorRunner.Run(CreateDriver(), Compilation);

    /// <summary>A schema file held in memory.</summary>
    internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(Dictionary<string, string> properties, Dictionary<string, Dictionary<string, string>> metadata) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions { get; } =
            new Options(properties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            metadata.TryGetValue(textFile.Path, out var items)
                ? new Options(items.ToImmutableDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value))
                : Empty;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
