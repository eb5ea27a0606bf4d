using System;
using System.Diagnostics;
using System.Threading;

namespace Contracts.Kafka.Benchmarks.Consuming;

/// <summary>
/// How a consume round starts its clock. <see cref="Fetching"/>: at the first message, while librdkafka is still
/// fetching the topic (the consumer keeps pace with the fetch pipeline; a round can land in either regime by chance,
/// which is why it is reported by median). <see cref="Backlog"/>: at the second message, after the consuming thread
/// waited on the first until librdkafka had prefetched what it will prefetch — a backlog catch-up, bound by the
/// consuming thread's CPU alone.
/// </summary>
internal enum ConsumeRegime
{
    Fetching,
    Backlog,
}

/// <summary>
/// Waits until librdkafka's fetchers have nothing left to do: the process's CPU time over a window falls below a few
/// percent of one core (only the consuming thread, blocked here, could consume more). Nothing is read from librdkafka's
/// internals, so the raw loop and the Contracts group are treated alike.
/// </summary>
internal static class Prefetch
{
    private const double QuietShareOfOneCore = 0.05;
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    /// <summary>Blocks the calling thread until the process is quiet; returns how long that took.</summary>
    /// <exception cref="TimeoutException">The process stayed busy for a minute.</exception>
    public static TimeSpan WaitUntilQuiet()
    {
        var started = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        while (Stopwatch.GetElapsedTime(started) < Limit)
        {
            Thread.Sleep(Window);
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            if (now - cpu < Window * QuietShareOfOneCore)
            {
                return Stopwatch.GetElapsedTime(started);
            }

            cpu = now;
        }

        throw new TimeoutException($"The process kept fetching for {Limit}; the backlog regime needs a topic librdkafka can prefetch whole.");
    }
}
