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

        const int Runs = 7;
        var generatorTimes = new double[Runs];
        var cpuTimes = new double[Runs];
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < Runs; i++)
        {
            // Process CPU time (all threads: the driver's, the GC's, the JIT's) is what a loaded machine cannot inflate
            // by making the run wait for a core; the generator time Roslyn reports is wall-clock time.
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var driver = project.CreateDriver().RunGenerators(project.Compilation);
            process.Refresh();
            cpuTimes[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            generatorTimes[i] = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;
        }

        Array.Sort(generatorTimes);
        Array.Sort(cpuTimes);
        Console.WriteLine(FormattableString.Invariant(
            $"full build, {Runs} runs after one warm-up: generator time (Roslyn, wall clock) median {generatorTimes[Runs / 2]:F0} ms (min {generatorTimes[0]:F0}, max {generatorTimes[^1]:F0}); process CPU time median {cpuTimes[Runs / 2]:F0} ms (min {cpuTimes[0]:F0})"));
        return diagnostics.Length == 0 && sources > contracts ? 0 : 1;
    }
}
