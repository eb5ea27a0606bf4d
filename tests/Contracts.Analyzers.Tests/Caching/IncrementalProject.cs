using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.Tests.Caching;

/// <summary>
/// A project as an editor sees it: one analyzer instance over a sequence of compilations, each made from the last by
/// editing one file (unchanged trees and texts are the same objects, as in a workspace). Records the parses the cache
/// could not avoid.
/// </summary>
internal sealed class IncrementalProject
{
    private readonly CompatibilityAnalyzer _analyzer = new();
    private readonly ConcurrentQueue<string> _parses = new();
    private readonly Dictionary<string, AdditionalText> _additionalFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _fileMetadata = new(StringComparer.Ordinal);
    private CSharpCompilation _compilation;

    public IncrementalProject(IEnumerable<(string Path, string Text)> sources)
    {
        _analyzer.Cache.Parsing = _parses.Enqueue;
        _compilation = CSharpCompilation.Create(
            "Proj",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, path: s.Path)),
            TestReferences.Metadata,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public IncrementalProject AddFile(string path, string text, bool shipped = false)
    {
        _additionalFiles[path] = new Text(path, SourceText.From(text));
        if (shipped)
        {
            _fileMetadata[path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ContractsShippedSchema"] = "true" };
        }

        return this;
    }

    /// <summary>Replaces a C# file's text (a new tree; every other tree stays the same object).</summary>
    public void EditSource(string path, Func<string, string> edit)
    {
        var tree = _compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText();
        _compilation = _compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(edit(text.ToString()))));
    }

    /// <summary>Replaces a C# file's tree with a new parse of the same text (as a generator run that re-creates its output does).</summary>
    public void Reparse(string path)
    {
        var tree = _compilation.SyntaxTrees.Single(t => t.FilePath == path);
        _compilation = _compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(tree.GetText(), (CSharpParseOptions)tree.Options, path));
    }

    public void EditFile(string path, Func<string, string> edit) =>
        _additionalFiles[path] = new Text(path, SourceText.From(edit(_additionalFiles[path].GetText()!.ToString())));

    /// <summary>Runs the analyzer; returns its diagnostics (as text, ordered) and the parses it made.</summary>
    public async Task<(List<string> Diagnostics, List<string> Parses)> AnalyzeAsync()
    {
        while (_parses.TryDequeue(out _))
        {
        }

        var diagnostics = await RunAsync(_analyzer);
        return (diagnostics, _parses.OrderBy(p => p, StringComparer.Ordinal).ToList());
    }

    /// <summary>The diagnostics a fresh analyzer (empty cache) reports for the current compilation.</summary>
    public Task<List<string>> AnalyzeUncachedAsync() => RunAsync(new CompatibilityAnalyzer());

    private async Task<List<string>> RunAsync(CompatibilityAnalyzer analyzer)
    {
        var options = new AnalyzerOptions(
            _additionalFiles.Values.ToImmutableArray<AdditionalText>(),
            new OptionsProvider(_fileMetadata));
        var diagnostics = await _compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics
            .Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) +
                string.Concat(d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => " " + p.Key + "=" + p.Value)))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class Text(string path, SourceText text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    private sealed class OptionsProvider(Dictionary<string, Dictionary<string, string>> fileMetadata) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>
        {
            ["build_property.ContractsShippedSchemasDirectory"] = "/proj/schemas/shipped/",
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            fileMetadata.TryGetValue(textFile.Path, out var metadata) ? new Options(metadata) : Options.Empty;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
