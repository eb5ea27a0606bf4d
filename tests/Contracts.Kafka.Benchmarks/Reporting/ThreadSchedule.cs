using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Contracts.Kafka.Benchmarks.Reporting;

/// <summary>
/// CPU time of every thread of this process (Linux <c>/proc/self/task/*/schedstat</c>, nanoseconds), to split a round's
/// process CPU between the threads that spent it (<c>--threads</c>).
/// </summary>
internal static class ThreadSchedule
{
    public static bool Enabled { get; set; }

    public static Dictionary<string, (string Name, long Nanoseconds)> Snapshot()
    {
        var threads = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        if (!Enabled || !Directory.Exists("/proc/self/task"))
        {
            return threads;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                var onCpu = long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                threads[Path.GetFileName(task)] = (name, onCpu);
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }

        return threads;
    }

    /// <summary>Each thread's CPU between two snapshots in microseconds per message, busiest first, above 0.01 µs.</summary>
    public static string Describe(Dictionary<string, (string Name, long Nanoseconds)> before, Dictionary<string, (string Name, long Nanoseconds)> after, int messages) =>
        string.Join(", ", after
            .Select(thread => (thread.Value.Name, Micros: (thread.Value.Nanoseconds - (before.TryGetValue(thread.Key, out var was) ? was.Nanoseconds : 0)) / 1000.0 / messages))
            .Where(thread => thread.Micros >= 0.01)
            .OrderByDescending(thread => thread.Micros)
            .Select(thread => $"{thread.Name} {thread.Micros:0.00}"));
}
