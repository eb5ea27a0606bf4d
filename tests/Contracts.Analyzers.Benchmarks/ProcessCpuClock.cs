using System;
using Perfolizer.Horology;

namespace Contracts.Analyzers.Benchmarks;

/// <summary>
/// A BenchmarkDotNet clock that reads the CPU time of the whole process (user + system, every thread): the analyzer
/// driver runs actions concurrently and the GC works on its own threads, so this is the build's CPU cost, and time
/// spent preempted by other processes on a shared machine is not counted. Needs the in-process toolchain.
/// </summary>
internal sealed class ProcessCpuClock : IClock
{
    public static readonly ProcessCpuClock Instance = new();

    public string Title => "Process CPU time";

    public bool IsAvailable => true;

    public Frequency Frequency => Frequency.MHz;

    /// <summary>Microseconds of CPU time (getrusage on Linux).</summary>
    public long GetTimestamp() => Environment.CpuUsage.TotalTime.Ticks / (TimeSpan.TicksPerMillisecond / 1000);
}
