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
    /// <summary>Prints every round, then the best round of each side and their ratio against <paramref name="target"/>.</summary>
    public static void Print(string title, IReadOnlyList<RoundResult> results, string raw, string contracts, double target)
    {
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| side | round | msg/s | CPU µs/msg (process) | CPU µs/msg (driving thread) | alloc B/msg (process) | alloc B/msg (driving thread) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results.OrderBy(r => r.Side == raw ? 0 : r.Side == contracts ? 2 : 1).ThenBy(r => r.Round))
        {
            Console.WriteLine(Format($"| {result.Side} | {result.Round} | {result.MessagesPerSecond:N0} | {result.CpuMicrosecondsPerMessage:F2} | {result.ThreadCpuMicrosecondsPerMessage:F2} | {result.BytesPerMessage:N0} | {result.ThreadBytesPerMessage:N0} |"));
        }

        var bestRaw = Best(results, raw);
        var bestContracts = Best(results, contracts);
        var ratio = bestContracts.MessagesPerSecond / bestRaw.MessagesPerSecond;
        Console.WriteLine();
        Console.WriteLine(Format(
            $"Best of {results.Count(r => r.Side == raw)}: {raw} {bestRaw.MessagesPerSecond:N0} msg/s, {contracts} {bestContracts.MessagesPerSecond:N0} msg/s = {ratio:P1} of raw (target >= {target:P0}); lowest driving-thread CPU per message {raw} {LowestCpu(results, raw):F2} µs, {contracts} {LowestCpu(results, contracts):F2} µs (ratio {LowestCpu(results, raw) / LowestCpu(results, contracts):P1}); allocated {bestRaw.BytesPerMessage:N0} vs {bestContracts.BytesPerMessage:N0} B/msg."));
        foreach (var side in results.Select(r => r.Side).Distinct().Where(s => s != raw && s != contracts))
        {
            var best = Best(results, side);
            Console.WriteLine(Format(
                $"Against {side}: {best.MessagesPerSecond:N0} msg/s, so {contracts} = {bestContracts.MessagesPerSecond / best.MessagesPerSecond:P1} of it; lowest driving-thread CPU per message {LowestCpu(results, side):F2} µs (ratio {LowestCpu(results, side) / LowestCpu(results, contracts):P1}); allocated {best.BytesPerMessage:N0} B/msg."));
        }
    }

    private static double LowestCpu(IReadOnlyList<RoundResult> results, string side) =>
        results.Where(r => r.Side == side).Min(r => r.ThreadCpuMicrosecondsPerMessage);

    private static RoundResult Best(IReadOnlyList<RoundResult> results, string side) =>
        results.Where(r => r.Side == side).MaxBy(r => r.MessagesPerSecond)
        ?? throw new InvalidOperationException($"No round of '{side}' was measured.");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
