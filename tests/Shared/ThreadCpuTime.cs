using System;
using System.Runtime.InteropServices;

namespace Contracts.Benchmarks.Shared;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): what a thread's own work costs, without the
/// time a busy machine keeps it preempted. Shared by the benchmark harnesses (linked into each project, not a library).
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ThreadCpuTimeClockId = 3;

    /// <summary>Whether the clock exists here (Linux).</summary>
    public static bool IsAvailable => OperatingSystem.IsLinux();

    /// <summary>The calling thread's CPU time in nanoseconds; false where the clock is unavailable.</summary>
    public static bool TryRead(out long nanoseconds)
    {
        nanoseconds = 0;
        if (!IsAvailable || ClockGetTime(ThreadCpuTimeClockId, out var time) != 0)
        {
            return false;
        }

        nanoseconds = (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
        return true;
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
