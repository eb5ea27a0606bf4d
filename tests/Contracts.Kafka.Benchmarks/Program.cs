using System;
using System.Globalization;
using System.Linq;
using Contracts.Kafka.Benchmarks.Producing;

namespace Contracts.Kafka.Benchmarks;

/// <summary>
/// Throughput harness against the embedded broker (librdkafka's mock cluster, in-process): typed Contracts code against
/// raw Confluent.Kafka doing the same work, in one run, alternating rounds.
/// <c>dotnet run -c Release --project tests/Contracts.Kafka.Benchmarks -- produce [--messages N] [--rounds R]</c>.
/// Results are recorded in docs/benchmarks.md ("Kafka").
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "produce";
        var messages = Option(args, "--messages", 500_000);
        var rounds = Option(args, "--rounds", 3);
        switch (mode)
        {
            case "produce":
                return ProduceThroughput.Run(messages, rounds);
            default:
                Console.Error.WriteLine($"Unknown mode '{mode}'; use: produce.");
                return 2;
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
