using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contracts.Analyzers.Benchmarks;

/// <summary>
/// The compatibility analyzer over 200 message types × 5 versions, against an analyzer that subscribes to the same
/// events and does nothing: the difference is what the checks cost a build (the driver's own binding work is in both).
/// </summary>
[MemoryDiagnoser]
public class CompatibilityAnalyzerBenchmarks
{
    private ContractChainCorpus _corpus = null!;

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
    }

    [Benchmark(Baseline = true)]
    public Task<ImmutableArray<Diagnostic>> SameEventsNoChecks() => Run(new IdleAnalyzer());

    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> CompatibilityChecks() => Run(new CompatibilityAnalyzer());

    private Task<ImmutableArray<Diagnostic>> Run(DiagnosticAnalyzer analyzer) =>
        _corpus.Compilation.WithAnalyzers(ImmutableArray.Create(analyzer), _corpus.Options).GetAnalyzerDiagnosticsAsync();

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
