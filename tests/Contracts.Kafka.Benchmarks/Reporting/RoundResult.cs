using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Contracts.Kafka.Benchmarks.Reporting;

/// <summary>One measured round of one side (raw Confluent.Kafka or Contracts).</summary>
/// <param name="CpuMicrosecondsPerMessage">
/// Process CPU time (every thread: librdkafka's and the mock broker's too) per message: steadier than wall-clock rates
/// on a busy machine.
/// </param>
/// <param name="ThreadCpuMicrosecondsPerMessage">
/// CPU time per message of the thread that produces, or that consumes and calls the handler: the cost the side's own
/// code adds, and the steadiest of these signals under load.
/// </param>
/// <param name="BytesPerMessage">Managed bytes allocated by the whole process per message.</param>
/// <param name="ThreadBytesPerMessage">Managed bytes allocated per message by that same thread.</param>
internal sealed record RoundResult(
    string Side,
    int Round,
    double MessagesPerSecond,
    double CpuMicrosecondsPerMessage,
    double ThreadCpuMicrosecondsPerMessage,
    double BytesPerMessage,
    double ThreadBytesPerMessage)
{
    /// <summary>
    /// Prints every round, then per side its best round and lowest driving-thread CPU against <paramref name="raw"/>'s,
    /// and whether <paramref name="contracts"/> reaches <paramref name="target"/> of raw.
    /// </summary>
    public static void Print(string title, IReadOnlyList<RoundResult> results, string raw, string contracts, double target)
    {
        var sides = results.Select(r => r.Side).Distinct().ToList();
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| side | round | msg/s | CPU µs/msg (process) | CPU µs/msg (driving thread) | alloc B/msg (process) | alloc B/msg (driving thread) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results.OrderBy(r => sides.IndexOf(r.Side)).ThenBy(r => r.Round))
        {
            Console.WriteLine(Format($"| {result.Side} | {result.Round} | {result.MessagesPerSecond:N0} | {result.CpuMicrosecondsPerMessage:F2} | {result.ThreadCpuMicrosecondsPerMessage:F2} | {result.BytesPerMessage:N0} | {result.ThreadBytesPerMessage:N0} |"));
        }

        var bestRaw = Best(results, raw);
        var rawCpu = LowestCpu(results, raw);
        Console.WriteLine();
        Console.WriteLine($"Best of {results.Count(r => r.Side == raw)} rounds per side (wall clock), lowest driving-thread CPU, allocation:");
        foreach (var side in sides)
        {
            var best = Best(results, side);
            var cpu = LowestCpu(results, side);
            Console.WriteLine(Format(
                $"- {side}: {best.MessagesPerSecond:N0} msg/s = {best.MessagesPerSecond / bestRaw.MessagesPerSecond:P1} of raw; {cpu:F2} µs/msg thread CPU (raw/this = {rawCpu / cpu:P1}); {best.ThreadBytesPerMessage:N0} B/msg on the thread, {best.BytesPerMessage:N0} in the process"));
        }

        var ratio = Best(results, contracts).MessagesPerSecond / bestRaw.MessagesPerSecond;
        Console.WriteLine(Format($"Target: {contracts} >= {target:P0} of {raw}: {(ratio >= target ? "met" : "not met")} in this run ({ratio:P1})."));
    }

    private static double LowestCpu(IReadOnlyList<RoundResult> results, string side) =>
        results.Where(r => r.Side == side).Min(r => r.ThreadCpuMicrosecondsPerMessage);

    private static RoundResult Best(IReadOnlyList<RoundResult> results, string side) =>
        results.Where(r => r.Side == side).MaxBy(r => r.MessagesPerSecond)
        ?? throw new InvalidOperationException($"No round of '{side}' was measured.");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
