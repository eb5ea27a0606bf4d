using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Contracts.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Contracts.Benchmarks</c> runs the full benchmark (BenchmarkDotNet
/// arguments such as <c>--job short</c> pass through). <c>--smoke</c> runs every benchmark once in-process, after
/// the equivalence check, so CI can prove the harness works in seconds; it measures nothing.
/// </summary>
public static class Program
{
    private const string SmokeSwitch = "--smoke";

    public static int Main(string[] args)
    {
        var smoke = args.Contains(SmokeSwitch, StringComparer.Ordinal);
        var passThrough = args.Where(a => !string.Equals(a, SmokeSwitch, StringComparison.Ordinal)).ToArray();
        var config = smoke
            ? ManualConfig.CreateMinimumViable()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .AddDiagnoser(MemoryDiagnoser.Default)
            : DefaultConfig.Instance;

        var summary = BenchmarkRunner.Run<OrderPlacedBenchmarks>(config, passThrough);
        var failed = summary.HasCriticalValidationErrors || summary.Reports.Length == 0 || summary.Reports.Any(r => !r.Success);
        return failed ? 1 : 0;
    }
}
