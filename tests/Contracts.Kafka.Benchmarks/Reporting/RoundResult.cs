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
    /// Prints every round, then per side its best and median round, lowest and median driving-thread CPU and median
    /// process CPU against <paramref name="raw"/>'s, and whether <paramref name="contracts"/> reaches
    /// <paramref name="target"/> of raw by median rounds (the figure a lucky round cannot move) and by best rounds.
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

        var rawSummary = Summary.Of(results, raw);
        Console.WriteLine();
        Console.WriteLine($"Per side over {results.Count(r => r.Side == raw)} rounds (ratios against {raw}; CPU ratios are raw/this, so above 100 % is cheaper than raw):");
        Console.WriteLine();
        Console.WriteLine("| side | best msg/s | ratio | median msg/s | ratio | driving-thread CPU µs/msg lowest / median | ratio (median) | process CPU µs/msg median | ratio | alloc B/msg thread / process |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var side in sides)
        {
            var summary = Summary.Of(results, side);
            Console.WriteLine(Format(
                $"| {side} | {summary.Best:N0} | {summary.Best / rawSummary.Best:P1} | {summary.Median:N0} | {summary.Median / rawSummary.Median:P1} | {summary.LowestThreadCpu:F2} / {summary.MedianThreadCpu:F2} | {rawSummary.MedianThreadCpu / summary.MedianThreadCpu:P1} | {summary.MedianProcessCpu:F2} | {rawSummary.MedianProcessCpu / summary.MedianProcessCpu:P1} | {summary.ThreadBytes:N0} / {summary.ProcessBytes:N0} |"));
        }

        var measured = Summary.Of(results, contracts);
        var byMedian = measured.Median / rawSummary.Median;
        var byBest = measured.Best / rawSummary.Best;
        Console.WriteLine();
        Console.WriteLine(Format($"Target: {contracts} >= {target:P0} of {raw}: by median rounds {(byMedian >= target ? "met" : "not met")} ({byMedian:P1}); by best rounds {(byBest >= target ? "met" : "not met")} ({byBest:P1})."));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private sealed record Summary(double Best, double Median, double LowestThreadCpu, double MedianThreadCpu, double MedianProcessCpu, double ThreadBytes, double ProcessBytes)
    {
        public static Summary Of(IReadOnlyList<RoundResult> results, string side)
        {
            var rounds = results.Where(r => r.Side == side).ToList();
            if (rounds.Count == 0)
            {
                throw new InvalidOperationException($"No round of '{side}' was measured.");
            }

            return new Summary(
                rounds.Max(r => r.MessagesPerSecond),
                MedianOf(rounds.Select(r => r.MessagesPerSecond)),
                rounds.Min(r => r.ThreadCpuMicrosecondsPerMessage),
                MedianOf(rounds.Select(r => r.ThreadCpuMicrosecondsPerMessage)),
                MedianOf(rounds.Select(r => r.CpuMicrosecondsPerMessage)),
                MedianOf(rounds.Select(r => r.ThreadBytesPerMessage)),
                MedianOf(rounds.Select(r => r.BytesPerMessage)));
        }
    }
}
