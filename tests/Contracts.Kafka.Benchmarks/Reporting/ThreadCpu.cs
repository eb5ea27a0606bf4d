using System;
using System.Runtime.InteropServices;

namespace Contracts.Kafka.Benchmarks.Reporting;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): what the thread that produces or consumes
/// costs per message, without the waiting a busy machine adds to wall-clock time. NaN where the clock is unavailable.
/// </summary>
internal static class ThreadCpu
{
    private const int ThreadCpuTimeClock = 3;

    public static TimeSpan Now()
    {
        try
        {
            return ClockGetTime(ThreadCpuTimeClock, out var time) == 0
                ? TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100))
                : TimeSpan.MinValue;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return TimeSpan.MinValue;
        }
    }

    /// <summary>Microseconds per message between two readings of <see cref="Now"/>; NaN if either failed.</summary>
    public static double MicrosecondsPerMessage(TimeSpan start, TimeSpan end, int messages) =>
        start == TimeSpan.MinValue || end == TimeSpan.MinValue ? double.NaN : (end - start).TotalMicroseconds / messages;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
