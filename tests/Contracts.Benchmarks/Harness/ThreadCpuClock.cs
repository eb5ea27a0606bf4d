using System;
using Contracts.Benchmarks.Shared;
using Perfolizer.Horology;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// A BenchmarkDotNet clock that reads the CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so
/// time the thread spends preempted by other processes is not counted. On a quiet machine it agrees with the wall
/// clock for single-threaded, CPU-bound code like this; on a shared, overloaded one it is the only stable measure.
/// It needs the in-process toolchain (the clock object cannot be handed to a separate benchmark process).
/// </summary>
internal sealed class ThreadCpuClock : IClock
{
    public static readonly ThreadCpuClock Instance = new();

    public string Title => "Thread CPU time";

    public bool IsAvailable => ThreadCpuTime.IsAvailable;

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp() =>
        ThreadCpuTime.TryRead(out var nanoseconds)
            ? nanoseconds
            : throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
}
