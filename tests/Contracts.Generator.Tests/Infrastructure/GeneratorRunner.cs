using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="ContractsGenerator"/> like the compiler does and exposes everything a test asserts on.</summary>
internal sealed class GeneratorRunner
{
    private GeneratorRunner(GeneratorDriver driver, Compilation input)
    {
        Driver = driver;
        Input = input;
        Result = driver.GetRunResult().Results.Single();
        Driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public GeneratorDriver Driver { get; }

    public Compilation Input { get; }

    public GeneratorRunResult Result { get; }

    /// <summary>The input plus every generated file.</summary>
    public Compilation Output { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Diagnostics of the generator and of compiling its output (all warnings on), the set every test must account for.</summary>
    public ImmutableArray<Diagnostic> AllDiagnostics =>
        Result.Diagnostics.AddRange(Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning))
            .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToImmutableArray();

    public static CSharpGeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new ContractsGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRunner Run(params string[] sources) => Run(TestCompilation.Create(sources));

    public static GeneratorRunner Run(Compilation compilation) => new(CreateDriver().RunGenerators(compilation), compilation);

    /// <summary>Runs a driver built elsewhere (e.g. with additional files and analyzer options) on <paramref name="compilation"/>.</summary>
    public static GeneratorRunner Run(GeneratorDriver driver, Compilation compilation) => new(driver.RunGenerators(compilation), compilation);

    /// <summary>Runs again on an edited compilation with the same driver, so the incremental state carries over.</summary>
    public GeneratorRunner RunAgain(Compilation edited) => new(Driver.RunGenerators(edited), edited);

    public string GeneratedSource(string hintName) =>
        Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
}
