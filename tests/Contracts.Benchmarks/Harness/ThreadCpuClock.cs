using System;
using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// A BenchmarkDotNet clock that reads the CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so
/// time the thread spends preempted by other processes is not counted. On a quiet machine it agrees with the wall
/// clock for single-threaded, CPU-bound code like this; on a shared, overloaded one it is the only stable measure.
/// It needs the in-process toolchain (the clock object cannot be handed to a separate benchmark process).
/// </summary>
internal sealed partial class ThreadCpuClock : IClock
{
    private const int ThreadCpuTimeClockId = 3;

    public static readonly ThreadCpuClock Instance = new();

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp()
    {
        if (ClockGetTime(ThreadCpuTimeClockId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
