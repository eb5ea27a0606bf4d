using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Kafka.Benchmarks.Consuming;
using Contracts.Kafka.Benchmarks.Producing;
using Contracts.Kafka.Benchmarks.Reporting;

namespace Contracts.Kafka.Benchmarks;

/// <summary>
/// The Kafka throughput harness (docs/benchmarks.md, "Kafka: throughput"): in one process and one run against one
/// embedded cluster (librdkafka's mock, in-process), typed produce against raw Confluent.Kafka <c>Produce</c> of the same
/// bytes, then a Contracts consumer group against a raw consume loop over the same topic; alternating rounds after a
/// warm-up round each, best round per side, msg/s, ratio, CPU and allocation per message.
/// <c>dotnet run -c Release --project tests/Contracts.Kafka.Benchmarks -- [all|produce|consume] [--messages N]
/// [--consume-messages N] [--rounds R] [--smoke]</c>; <c>--smoke</c> runs a few thousand messages once per side to prove the
/// harness works and measures nothing.
/// </summary>
public static class Program
{
    private const string SmokeSwitch = "--smoke";

    public static async Task<int> Main(string[] args)
    {
        var smoke = args.Contains(SmokeSwitch, StringComparer.Ordinal);
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        if (mode is not ("all" or "produce" or "consume"))
        {
            Console.Error.WriteLine($"Unknown mode '{mode}'; use all, produce or consume.");
            return 2;
        }

        var produceMessages = Option(args, "--messages", smoke ? 5_000 : 300_000);
        var consumeMessages = Option(args, "--consume-messages", smoke ? 5_000 : 200_000);
        var rounds = Option(args, "--rounds", smoke ? 1 : 3);
        var warmUp = !smoke;

        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Brokers = 1 });
        var tables = new List<Action>();
        if (mode is "all" or "produce")
        {
            var produced = ProduceThroughput.Run(kafka, produceMessages, rounds, warmUp);
            tables.Add(() => RoundResult.Print("Producing", produced, ProduceThroughput.RawSide, ProduceThroughput.TypedSide, 0.95));
        }

        if (mode is "all" or "consume")
        {
            var consumed = await ConsumeThroughput.RunAsync(kafka, consumeMessages, rounds, warmUp);
            tables.Add(() => RoundResult.Print("Consuming", consumed, ConsumeThroughput.RawSide, ConsumeThroughput.ContractsSide, 0.90));
        }

        if (smoke)
        {
            Console.WriteLine("Smoke run: every side completed; the figures below measure nothing.");
        }

        foreach (var print in tables)
        {
            print();
        }

        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
