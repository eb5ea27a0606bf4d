using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Contracts.Analyzers.Tests.Infrastructure;

/// <summary>Runs <see cref="CompatibilityAnalyzer"/> (and a code fix) on test sources; every diagnostic must be expected.</summary>
internal static class Verify
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<CompatibilityAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task AnalyzerAsync(string source, ProjectSetup setup, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<CompatibilityAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.None,
        };
        setup.ApplyTo(test.TestState);
        TestReferences.ApplyTo(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerAsync(source, new ProjectSetup(), expected);

    public static CSharpCodeFixTest<CompatibilityAnalyzer, TFix, DefaultVerifier> CodeFix<TFix>(string source, string fixedSource, ProjectSetup setup)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<CompatibilityAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.None,
        };
        setup.ApplyTo(test.TestState);
        setup.ApplyTo(test.FixedState);
        TestReferences.ApplyTo(test.TestState);
        return test;
    }
}
