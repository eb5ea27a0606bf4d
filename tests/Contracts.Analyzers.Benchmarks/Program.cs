using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Contracts.Analyzers.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Contracts.Analyzers.Benchmarks</c> runs the analyzer cost benchmark
/// (BenchmarkDotNet arguments such as <c>--job short</c> pass through). <c>--smoke</c> runs each benchmark once
/// in-process after the corpus check, to prove the harness works; it measures nothing. <c>--cpu-clock</c> times
/// in-process by the process's CPU time (<see cref="ProcessCpuClock"/>), for machines too busy for wall-clock timing.
/// </summary>
public static class Program
{
    private const string SmokeSwitch = "--smoke";
    private const string CpuClockSwitch = "--cpu-clock";

    // In-process runs give up after 5 minutes of wall clock per benchmark by default; on a machine busy enough to need the
    // CPU clock, nine one-build iterations can take longer than that.
    private static readonly InProcessEmitToolchain BusyMachineToolchain = new(TimeSpan.FromMinutes(30), logOutput: true);

    public static int Main(string[] args)
    {
        var smoke = args.Contains(SmokeSwitch, StringComparer.Ordinal);
        var cpuClock = args.Contains(CpuClockSwitch, StringComparer.Ordinal);
        var passThrough = args.Where(a => a is not SmokeSwitch and not CpuClockSwitch).ToArray();
        var config = smoke
            ? ManualConfig.CreateMinimumViable().AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)).AddDiagnoser(MemoryDiagnoser.Default)
            : cpuClock
                ? DefaultConfig.Instance.AddJob(Job.Default
                    .WithToolchain(BusyMachineToolchain)
                    .WithClock(ProcessCpuClock.Instance)
                    .WithInvocationCount(1)
                    .WithUnrollFactor(1)
                    .WithWarmupCount(2)
                    .WithIterationCount(7)
                    .WithId("ProcessCpuTime"))
                : DefaultConfig.Instance;
        var summary = BenchmarkRunner.Run<CompatibilityAnalyzerBenchmarks>(config, passThrough);
        var failed = summary.HasCriticalValidationErrors || summary.Reports.Length == 0 || summary.Reports.Any(r => !r.Success);
        return failed ? 1 : 0;
    }
}
