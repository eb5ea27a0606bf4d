using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Contracts.Generator.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Contracts.Generator.Benchmarks</c> runs the BenchmarkDotNet suite (its
/// arguments pass through, e.g. <c>--job short</c>). <c>--report [contracts]</c> instead runs full builds once per
/// second-hand measurement: it checks the output (every contract generated, no diagnostics) and prints the generator
/// time Roslyn itself reports (<c>GeneratorDriver.GetTimingInfo</c>, the number <c>-p:ReportAnalyzer=true</c> shows).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--report")
        {
            return Report(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500);
        }

        var summary = BenchmarkRunner.Run<GeneratorBenchmarks>(args: args);
        return summary.Reports.Length > 0 && summary.Reports.All(r => r.Success) ? 0 : 1;
    }

    private static int Report(int contracts)
    {
        var project = new GeneratorProject(contracts);
        var first = project.CreateDriver().RunGenerators(project.Compilation);
        var result = first.GetRunResult();
        var diagnostics = result.Diagnostics;
        var sources = result.Results.Sum(r => r.GeneratedSources.Length);
        Console.WriteLine($"{project.Schemas.Length} .avsc files, {contracts} contracts: {sources} generated files, {diagnostics.Length} diagnostics");
        foreach (var diagnostic in diagnostics.Take(10))
        {
            Console.WriteLine("  " + diagnostic);
        }

        Measure("full build (new driver)", () => project.CreateDriver().RunGenerators(project.Compilation));

        var edited = project.Schemas[^1];
        var text = edited.GetText()!.ToString();
        Microsoft.CodeAnalysis.AdditionalText alternative = new GeneratorProject.SchemaText(edited.Path, text.Replace("\"doc\": \"Synthetic event", "\"doc\": \"Edited synthetic event", StringComparison.Ordinal));
        if (text == alternative.GetText()!.ToString())
        {
            Console.WriteLine("the edit changed nothing");
            return 1;
        }

        var warm = project.CreateDriver().RunGenerators(project.Compilation);
        Measure("edit one of " + project.Schemas.Length + " .avsc files, warm driver", () =>
        {
            warm = warm.ReplaceAdditionalText(edited, alternative).RunGenerators(project.Compilation);
            (edited, alternative) = (alternative, edited);
            return warm;
        });
        var tree = project.Compilation.SyntaxTrees[0];
        var compilations = new[] { project.Compilation, project.Compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree.GetText() + "\n// edited\n"))) };
        var next = 1;
        Measure("edit unrelated C#, warm driver", () =>
        {
            warm = warm.RunGenerators(compilations[next]);
            next = 1 - next;
            return warm;
        });
        return diagnostics.Length == 0 && sources > contracts ? 0 : 1;
    }

    /// <summary>
    /// Runs <paramref name="run"/> after a warm-up, <c>Runs</c> times: the generator time Roslyn reports (wall clock), the
    /// process CPU time (all threads: the driver's, the GC's, the JIT's; what a loaded machine cannot inflate by making the
    /// run wait for a core) and the bytes allocated.
    /// </summary>
    private static void Measure(string what, Func<Microsoft.CodeAnalysis.GeneratorDriver> run)
    {
        const int Runs = 7;
        run();
        var generatorTimes = new double[Runs];
        var cpuTimes = new double[Runs];
        var allocated = new double[Runs];
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < Runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            var driver = run();
            allocated[i] = (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / 1_048_576.0;
            process.Refresh();
            cpuTimes[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            generatorTimes[i] = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;
        }

        Array.Sort(generatorTimes);
        Array.Sort(cpuTimes);
        Array.Sort(allocated);
        Console.WriteLine(FormattableString.Invariant(
            $"{what}, {Runs} runs after one warm-up: generator time (Roslyn, wall clock) median {generatorTimes[Runs / 2]:F1} ms (min {generatorTimes[0]:F1}, max {generatorTimes[^1]:F1}); process CPU time median {cpuTimes[Runs / 2]:F0} ms (min {cpuTimes[0]:F0}); allocated median {allocated[Runs / 2]:F1} MB"));
    }
}
