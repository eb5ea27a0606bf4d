using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Avro;
using Contracts.Benchmarks.Model;
using Contracts.Hosting;
using Contracts.Kafka.Benchmarks.Model;
using Contracts.Kafka.Benchmarks.Reporting;
using Contracts.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contracts.Kafka.Benchmarks.Consuming;

/// <summary>
/// A hosted Contracts consumer group (header lookup, generated Avro decode, <c>MessageContext</c>, delegate handler,
/// offset tracking and commits) against a raw Confluent.Kafka <c>Consume</c> loop that touches each value, both
/// reading the same topic from the beginning under a fresh group, alternating rounds, in a <see cref="ConsumeRegime"/>.
/// A third side, the raw loop decoding each value with the generated reader, splits what Contracts adds into the decode
/// every application needs and the rest (dispatch, context, offsets); a fourth, the group with a handler class resolved
/// from a DI scope per message, shows what that scope costs. A round's clock starts at its first message (or, in the
/// backlog regime, at its second, after the prefetch), so the group join (which the mock cluster makes vary) is in no
/// side.
/// </summary>
internal static class ConsumeThroughput
{
    public const string RawSide = "raw consume loop";
    public const string RawDecodeSide = "raw loop + generated Avro decode";
    public const string ContractsSide = "Contracts consumer group";
    public const string ContractsScopedSide = "Contracts group, DI-scoped handler class";

    // The mock keeps only ~5 MiB per partition: the topic is spread wide enough to keep every message it is given.
    private const int Partitions = 32;
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Creates and fills the regime's topic once; every round reads all of it. The backlog topic must fit librdkafka's
    /// prefetch queue, the fetching one should be several times larger.
    /// </summary>
    public static void Prepare(EmbeddedKafka kafka, ConsumeRegime regime, int messages)
    {
        var topic = TopicOf(regime);
        kafka.CreateTopic(topic.Name, Partitions);
        Fill(kafka.BootstrapServers, topic, messages);
        RequireRetained(kafka.BootstrapServers, topic.Name, messages);
    }

    /// <param name="settings">librdkafka consumer settings given to every side alike (<c>--set name=value</c>).</param>
    public static async Task<IReadOnlyList<RoundResult>> RunAsync(EmbeddedKafka kafka, ConsumeRegime regime, int messages, int rounds, bool warmUp, IReadOnlyDictionary<string, string> settings)
    {
        var topic = TopicOf(regime).Name;
        var clock = regime == ConsumeRegime.Backlog
            ? "timed from the second message to the last, after the first waited until librdkafka had prefetched the topic"
            : "timed from the first message to the last while librdkafka fetches";
        Console.WriteLine($"Consuming ({regime}) {messages:N0} OrderPlacedV1 per round from '{topic}' ({Partitions} partitions), {rounds} round(s) per side{(warmUp ? " after one warm-up round each" : string.Empty)}, {clock}.");

        var sides = new List<Func<string, int, Task<RoundResult>>>
        {
            (group, round) => Task.FromResult(RunRaw(kafka.BootstrapServers, settings, topic, new RoundClock(RawSide, regime, round, messages), group, decode: false)),
            (group, round) => Task.FromResult(RunRaw(kafka.BootstrapServers, settings, topic, new RoundClock(RawDecodeSide, regime, round, messages), group, decode: true)),
            (group, round) => RunContractsAsync(kafka.BootstrapServers, settings, regime, new RoundClock(ContractsSide, regime, round, messages), group, scoped: false),
            (group, round) => RunContractsAsync(kafka.BootstrapServers, settings, regime, new RoundClock(ContractsScopedSide, regime, round, messages), group, scoped: true),
        };

        var results = new List<RoundResult>();
        for (var round = warmUp ? 0 : 1; round <= rounds; round++)
        {
            for (var side = 0; side < sides.Count; side++)
            {
                var result = await sides[side]($"{regime}-{side}-{round}", round);
                if (round > 0)
                {
                    results.Add(result);
                }
            }
        }

        return results;
    }

    private static RoundResult RunRaw(string bootstrapServers, IReadOnlyDictionary<string, string> settings, string topic, RoundClock clock, string group, bool decode)
    {
        var config = new ConsumerConfig(settings.ToDictionary()) { BootstrapServers = bootstrapServers, GroupId = group, AutoOffsetReset = AutoOffsetReset.Earliest };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
        consumer.Subscribe(topic);
        var deadline = DateTime.UtcNow + RoundTimeout;
        long checksum = 0;
        while (!clock.Finished)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100))?.Message is not { } message)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The raw loop read {clock.Seen:N0} messages in {RoundTimeout}.");
                }

                continue;
            }

            checksum += decode ? AvroSerializer.Deserialize<OrderPlacedV1>(message.Value!).Lines.Count : message.Value!.Length;
            clock.Message();
        }

        consumer.Close();
        GC.KeepAlive(checksum);
        PrintThreads(clock);
        return clock.Result();
    }

    private static TopicDescriptor TopicOf(ConsumeRegime regime) =>
        regime == ConsumeRegime.Backlog ? OrdersTopic.Descriptor : OrderStreamTopic.Descriptor;

    private static async Task<RoundResult> RunContractsAsync(string bootstrapServers, IReadOnlyDictionary<string, string> settings, ConsumeRegime regime, RoundClock clock, string group, bool scoped)
    {
        var probe = new OrderProbe(clock);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(probe);
        builder.Services.AddContracts(contracts => contracts.AddKafka(kafka => kafka
            .Configure(options =>
            {
                options.BootstrapServers = bootstrapServers;
                foreach (var (name, value) in settings)
                {
                    options.Properties[name] = value;
                }
            })
            .AddConsumer(group, consumer =>
            {
                if (regime == ConsumeRegime.Backlog)
                {
                    consumer.Subscribe<OrdersTopic>();
                }
                else
                {
                    consumer.Subscribe<OrderStreamTopic>();
                }

                if (scoped)
                {
                    consumer.AddHandler<OrderPlacedV1, ScopedOrderHandler>();
                }
                else
                {
                    consumer.AddHandler<OrderPlacedV1>((order, _, _) => probe.Handle(order));
                }
            })));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            await probe.Done.WaitAsync(RoundTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The Contracts consumer group handled {probe.Clock.Seen:N0} messages in {RoundTimeout}.");
        }

        await host.StopAsync();
        GC.KeepAlive(probe.Checksum);
        PrintThreads(probe.Clock);
        return probe.Clock.Result();
    }

    /// <summary>Produces <paramref name="messages"/> distinct orders (keys spread over every partition) through the typed producer.</summary>
    private static void Fill(string bootstrapServers, TopicDescriptor topic, int messages)
    {
        var orders = OrderSamples.Create(1024);
        using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 5, QueueBufferingMaxMessages = 2_000_000 });
        var failures = 0;
        for (var i = 0; i < messages; i++)
        {
            producer.Produce(topic, orders[i % orders.Length], result =>
            {
                if (result.Status != ProduceStatus.Persisted)
                {
                    Interlocked.Increment(ref failures);
                }
            });
        }

        var left = producer.Client.Flush(TimeSpan.FromMinutes(2));
        if (left != 0 || failures != 0)
        {
            throw new InvalidOperationException($"Filling the topic failed: {failures} messages not persisted, {left} still queued.");
        }
    }

    private static void RequireRetained(string bootstrapServers, string topic, int messages)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "watermarks" }).Build();
        var retained = Enumerable.Range(0, Partitions)
            .Select(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)))
            .Sum(w => w.High.Value - w.Low.Value);
        if (retained != messages)
        {
            throw new InvalidOperationException(
                $"The topic holds {retained:N0} messages, not {messages:N0}: the mock cluster keeps ~5 MiB per partition and dropped the rest. Consume fewer messages.");
        }
    }

    private static void PrintThreads(RoundClock clock)
    {
        if (clock.Threads.Length > 0)
        {
            Console.WriteLine($"  threads, CPU µs/msg: {clock.Threads}");
        }
    }
}
