using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.Benchmarks;

/// <summary>
/// The compatibility analyzer over 200 message types × 5 versions, against an analyzer that subscribes to the same
/// events and does nothing: the difference is what the checks cost (the driver's own binding work is in both).
/// Two scenarios: a build (a fresh analyzer, nothing cached), and the editor's keystroke (the analyzer instance of the
/// session, which has seen the project before, on a new compilation in which one file — one message type's five
/// versions — was edited).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CompatibilityAnalyzerBenchmarks
{
    private const string Build = "Build";
    private const string Edit = "OneEditedFile";

    private ContractChainCorpus _corpus = null!;
    private CompatibilityAnalyzer _session = null!;
    private SyntaxTree _editedTree = null!;
    private int _edits;

    [Params(200)]
    public int MessageTypes { get; set; }

    [Params(5)]
    public int Versions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _corpus = ContractChainCorpus.Create(MessageTypes, Versions);
        var errors = _corpus.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark corpus does not compile: " + errors[0]);
        }

        // The corpus must be what it claims: every pair compatible, only the newest version of each type unshipped.
        var diagnostics = Run(new CompatibilityAnalyzer()).GetAwaiter().GetResult();
        if (diagnostics.Length != MessageTypes || diagnostics.Any(d => d.Id != "CTR1004"))
        {
            throw new InvalidOperationException($"Expected {MessageTypes} CTR1004 diagnostics, got: " + string.Join("; ", diagnostics.Take(5)));
        }

        // The session's analyzer has analyzed the project once; the edit scenario then changes one file per invocation.
        _session = new CompatibilityAnalyzer();
        Run(_session).GetAwaiter().GetResult();
        _editedTree = _corpus.Compilation.SyntaxTrees.First();
        var edited = Run(_session, EditedCompilation()).GetAwaiter().GetResult();
        if (edited.Length != diagnostics.Length)
        {
            throw new InvalidOperationException($"The cached analyzer reported {edited.Length} diagnostics after an edit, a fresh one {diagnostics.Length}.");
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Build)]
    public Task<ImmutableArray<Diagnostic>> SameEventsNoChecks() => Run(new IdleAnalyzer());

    [Benchmark]
    [BenchmarkCategory(Build)]
    public Task<ImmutableArray<Diagnostic>> CompatibilityChecks() => Run(new CompatibilityAnalyzer());

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Edit)]
    public Task<ImmutableArray<Diagnostic>> EditNoChecks() => Run(new IdleAnalyzer(), EditedCompilation());

    [Benchmark]
    [BenchmarkCategory(Edit)]
    public Task<ImmutableArray<Diagnostic>> EditUncachedChecks() => Run(new CompatibilityAnalyzer(), EditedCompilation());

    [Benchmark]
    [BenchmarkCategory(Edit)]
    public Task<ImmutableArray<Diagnostic>> EditCachedChecks() => Run(_session, EditedCompilation());

    /// <summary>The project with the first file edited (a new comment each time, so its tree is new, as after a keystroke).</summary>
    private Compilation EditedCompilation()
    {
        var text = _editedTree.GetText();
        var edit = "\n// edit " + (++_edits).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _corpus.Compilation.ReplaceSyntaxTree(_editedTree, _editedTree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), edit))));
    }

    private Task<ImmutableArray<Diagnostic>> Run(DiagnosticAnalyzer analyzer) => Run(analyzer, _corpus.Compilation);

    private Task<ImmutableArray<Diagnostic>> Run(DiagnosticAnalyzer analyzer, Compilation compilation) =>
        compilation.WithAnalyzers(ImmutableArray.Create(analyzer), _corpus.Options).GetAnalyzerDiagnosticsAsync();

    /// <summary>Subscribes to what <see cref="CompatibilityAnalyzer"/> subscribes to, and does nothing.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class IdleAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("BENCH0001", "Unused", "Unused", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
                start.RegisterAdditionalFileAction(_ => { });
            });
        }
    }
}
