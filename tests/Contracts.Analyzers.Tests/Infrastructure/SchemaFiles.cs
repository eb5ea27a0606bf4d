using System;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Contracts.Analyzers.Tests.Infrastructure;

/// <summary>Analyzer tests over <c>.avsc</c> contracts: the files, and spans inside them named by the text they cover.</summary>
internal static class SchemaFiles
{
    public const string Directory = "/proj/schemas/";

    /// <summary>
    /// The diagnostic at the <paramref name="occurrence"/>-th appearance of <paramref name="needle"/> in the file (its
    /// 1-based line and column, as the IDE shows them).
    /// </summary>
    public static DiagnosticResult At(this DiagnosticResult result, string path, string text, string needle, int occurrence = 1)
    {
        var start = -1;
        for (var i = 0; i < occurrence; i++)
        {
            start = text.IndexOf(needle, start + 1, StringComparison.Ordinal);
            if (start < 0)
            {
                throw new ArgumentException($"'{needle}' does not occur {occurrence} time(s) in {path}.", nameof(needle));
            }
        }

        var (line, column) = Position(text, start);
        var (endLine, endColumn) = Position(text, start + needle.Length);
        return result.WithSpan(path, line, column, endLine, endColumn);
    }

    public static CSharpAnalyzerTest<CompatibilityAnalyzer, DefaultVerifier> Test(string source, ProjectSetup setup, params (string Name, string Text)[] schemas)
    {
        var test = new CSharpAnalyzerTest<CompatibilityAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.None,
        };
        TestReferences.ApplyTo(test.TestState);
        setup.ApplyTo(test.TestState);
        foreach (var (name, text) in schemas)
        {
            test.TestState.AdditionalFiles.Add((Directory + name, text));
        }

        return test;
    }

    private static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
