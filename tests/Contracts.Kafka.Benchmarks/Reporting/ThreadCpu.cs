using Contracts.Benchmarks.Shared;

namespace Contracts.Kafka.Benchmarks.Reporting;

/// <summary>Readings of <see cref="ThreadCpuTime"/> as the harness records them: nanoseconds, or -1 where the clock is unavailable.</summary>
internal static class ThreadCpu
{
    public static long Now() => ThreadCpuTime.TryRead(out var nanoseconds) ? nanoseconds : -1;

    /// <summary>Microseconds per message between two readings of <see cref="Now"/>; NaN if either failed.</summary>
    public static double MicrosecondsPerMessage(long start, long end, int messages) =>
        start < 0 || end < 0 ? double.NaN : (end - start) / 1000.0 / messages;
}
