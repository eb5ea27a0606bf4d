using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>Builds in-memory compilations of test sources against the running framework and the Contracts runtime.</summary>
internal static class TestCompilation
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>Doc comments parse as plain comments, as in a project without GenerateDocumentationFile.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.None);

    /// <summary>Every warning on (warning waves included) so generated code is checked as strictly as a user's project can.</summary>
    public static CSharpCompilationOptions Options { get; } = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999,
            deterministic: true)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // A test compilation has no entry point or docs file; these are about the project, not the code.
            ["CS1591"] = ReportDiagnostic.Suppress,
        });

    public static CSharpCompilation Create(params string[] sources) => Create("TestAssembly", sources);

    public static CSharpCompilation Create(string assemblyName, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Source" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".cs")),
            References.Value,
            Options);

    /// <summary>Same trees as the input, each under the given file name (for tests that edit one file).</summary>
    public static CSharpCompilation CreateFromFiles(params (string Path, string Source)[] files) =>
        CSharpCompilation.Create(
            "TestAssembly",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, path: f.Path)),
            References.Value,
            Options);

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var framework = trusted.Where(path =>
        {
            var name = Path.GetFileNameWithoutExtension(path);
            return name.StartsWith("System", StringComparison.Ordinal) || name is "mscorlib" or "netstandard" or "Microsoft.Win32.Primitives";
        });
        return framework
            .Append(typeof(Contracts.MessageAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}
