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
/// bytes, then a Contracts consumer group against a raw consume loop over the same topic in two regimes (while
/// librdkafka fetches, and a prefetched backlog); alternating rounds after a warm-up round each, best and median round
/// per side, msg/s, ratio, CPU and allocation per message.
/// <c>dotnet run -c Release --project tests/Contracts.Kafka.Benchmarks -- [all|produce|consume] [--messages N]
/// [--consume-messages N] [--stream-messages N] [--rounds R] [--regime fetching|backlog|both] [--set librdkafka.consumer.setting=value]... [--smoke]</c>; <c>--smoke</c> runs a few
/// thousand messages once per side and regime to prove the harness works and measures nothing.
/// </summary>
public static class Program
{
    private const string SmokeSwitch = "--smoke";

    public static async Task<int> Main(string[] args)
    {
        var smoke = args.Contains(SmokeSwitch, StringComparer.Ordinal);
        ThreadSchedule.Enabled = args.Contains("--threads", StringComparer.Ordinal);
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        if (mode is not ("all" or "produce" or "consume"))
        {
            Console.Error.WriteLine($"Unknown mode '{mode}'; use all, produce or consume.");
            return 2;
        }

        var regimes = Text(args, "--regime", "both") switch
        {
            "both" => new[] { ConsumeRegime.Fetching, ConsumeRegime.Backlog },
            "fetching" => [ConsumeRegime.Fetching],
            "backlog" => [ConsumeRegime.Backlog],
            var other => null,
        };
        if (regimes is null)
        {
            Console.Error.WriteLine("Unknown regime; use fetching, backlog or both.");
            return 2;
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--set" && args[i + 1].Split('=', 2) is [var name, var value])
            {
                settings[name] = value;
            }
        }

        var produceMessages = Option(args, "--messages", smoke ? 5_000 : 300_000);

        // The backlog regime needs the whole topic in librdkafka's prefetch queue (queued.max.messages.kbytes, 64 MiB
        // by default): 100k of these orders take ~45 MB there. The fetching regime's topic is 2.5 times that, so
        // most of a round waits on fetches; the mock keeps ~5 MiB per partition, ~3.4 MB of it per partition.
        var consumeMessages = new Dictionary<ConsumeRegime, int>
        {
            [ConsumeRegime.Backlog] = Option(args, "--consume-messages", smoke ? 5_000 : 100_000),
            [ConsumeRegime.Fetching] = Option(args, "--stream-messages", smoke ? 5_000 : 250_000),
        };
        var rounds = Option(args, "--rounds", smoke ? 1 : 5);
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
            foreach (var regime in regimes)
            {
                ConsumeThroughput.Prepare(kafka, regime, consumeMessages[regime]);
                var consumed = await ConsumeThroughput.RunAsync(kafka, regime, consumeMessages[regime], rounds, warmUp, settings);
                tables.Add(() => RoundResult.Print($"Consuming, {regime} regime", consumed, ConsumeThroughput.RawSide, ConsumeThroughput.ContractsSide, 0.90));
            }
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

    private static int Option(string[] args, string name, int fallback) =>
        int.Parse(Text(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string Text(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
