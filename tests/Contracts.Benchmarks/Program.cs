using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Contracts.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Contracts.Benchmarks</c> runs the full benchmark (BenchmarkDotNet
/// arguments such as <c>--job short</c> pass through). <c>--smoke</c> runs every benchmark once in-process, after
/// the equivalence check, so CI can prove the harness works in seconds; it measures nothing. <c>--cpu-clock</c> runs
/// 20 iterations of 100 ms in-process, timed by the benchmark thread's CPU time (<see cref="Harness.ThreadCpuClock"/>), for
/// machines too busy for wall-clock timing. <c>--loop read|write|apache-read|apache-write N</c> times one Avro operation in batches and
/// prints the fastest, for comparing two builds in alternation (<see cref="Harness.BatchLoop"/>).
/// </summary>
public static class Program
{
    private const string SmokeSwitch = "--smoke";
    private const string CpuClockSwitch = "--cpu-clock";

    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == Harness.BatchLoop.Switch)
        {
            return Harness.BatchLoop.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        var smoke = args.Contains(SmokeSwitch, StringComparer.Ordinal);
        var cpuClock = args.Contains(CpuClockSwitch, StringComparer.Ordinal);
        var passThrough = args.Where(a => a is not SmokeSwitch and not CpuClockSwitch).ToArray();
        var config = smoke
            ? ManualConfig.CreateMinimumViable()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .AddDiagnoser(MemoryDiagnoser.Default)
            : cpuClock
                ? DefaultConfig.Instance.AddJob(Job.Default
                    .WithToolchain(InProcessEmitToolchain.Instance)
                    .WithClock(Harness.ThreadCpuClock.Instance)
                    .WithIterationTime(TimeInterval.FromMilliseconds(100))
                    .WithWarmupCount(6)
                    .WithIterationCount(20)
                    .WithId("ThreadCpuTime"))
                : DefaultConfig.Instance;

        var summary = BenchmarkRunner.Run<OrderPlacedBenchmarks>(config, passThrough);
        var failed = summary.HasCriticalValidationErrors || summary.Reports.Length == 0 || summary.Reports.Any(r => !r.Success);
        return failed ? 1 : 0;
    }
}
