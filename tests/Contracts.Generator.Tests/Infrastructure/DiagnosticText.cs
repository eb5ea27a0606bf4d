using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Tests.Infrastructure;

internal static class DiagnosticText
{
    /// <summary><c>CTR0005 Source0.cs(5,40)-(5,47): message</c>, 1-based lines and columns.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location == Location.None
            ? "(no location)"
            : string.Format(
                CultureInfo.InvariantCulture,
                "{0}({1},{2})-({3},{4})",
                span.Path,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1);
        return diagnostic.Id + " " + where + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    public static string[] FormatAll(GeneratorRunner run) => run.AllDiagnostics.Select(Format).ToArray();
}
