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
/// reading the same topic from the beginning under a fresh group, alternating rounds. A third side, the raw loop
/// decoding each value with the generated reader, splits what Contracts adds into the decode every application needs
/// and the rest (dispatch, context, offsets); a fourth, the group with a handler class resolved from a DI scope per
/// message, shows what that scope costs. A round is timed from its first message to its last, so the group join
/// (which the mock cluster makes vary) is in no side.
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

    public static async Task<IReadOnlyList<RoundResult>> RunAsync(EmbeddedKafka kafka, int messages, int rounds, bool warmUp)
    {
        var topic = OrdersTopic.Descriptor.Name;
        kafka.CreateTopic(topic, Partitions);
        Fill(kafka.BootstrapServers, messages);
        RequireRetained(kafka.BootstrapServers, topic, messages);
        Console.WriteLine($"Consuming {messages:N0} OrderPlacedV1 per round from {Partitions} partitions, {rounds} round(s) per side{(warmUp ? " after one warm-up round each" : string.Empty)}, timed from the first message to the last.");

        if (warmUp)
        {
            RunRaw(kafka.BootstrapServers, topic, messages, "warm-up-raw", 0, decode: false);
            RunRaw(kafka.BootstrapServers, topic, messages, "warm-up-raw-decode", 0, decode: true);
            await RunContractsAsync(kafka.BootstrapServers, messages, "warm-up-contracts", 0, scoped: false);
            await RunContractsAsync(kafka.BootstrapServers, messages, "warm-up-contracts-scoped", 0, scoped: true);
        }

        var results = new List<RoundResult>();
        for (var round = 1; round <= rounds; round++)
        {
            results.Add(RunRaw(kafka.BootstrapServers, topic, messages, $"raw-{round}", round, decode: false));
            results.Add(RunRaw(kafka.BootstrapServers, topic, messages, $"raw-decode-{round}", round, decode: true));
            results.Add(await RunContractsAsync(kafka.BootstrapServers, messages, $"contracts-{round}", round, scoped: false));
            results.Add(await RunContractsAsync(kafka.BootstrapServers, messages, $"contracts-scoped-{round}", round, scoped: true));
        }

        return results;
    }

    private static RoundResult RunRaw(string bootstrapServers, string topic, int messages, string group, int round, bool decode)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = group, AutoOffsetReset = AutoOffsetReset.Earliest };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
        consumer.Subscribe(topic);
        var clock = new RoundClock(decode ? RawDecodeSide : RawSide, round, messages);
        var deadline = DateTime.UtcNow + RoundTimeout;
        long checksum = 0;
        while (!clock.Finished)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100))?.Message is not { } message)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The raw loop read {clock.Seen:N0} of {messages:N0} messages in {RoundTimeout}.");
                }

                continue;
            }

            checksum += decode ? AvroSerializer.Deserialize<OrderPlacedV1>(message.Value!).Lines.Count : message.Value!.Length;
            clock.Message();
        }

        consumer.Close();
        GC.KeepAlive(checksum);
        return clock.Result();
    }

    private static async Task<RoundResult> RunContractsAsync(string bootstrapServers, int messages, string group, int round, bool scoped)
    {
        var probe = new OrderProbe(new RoundClock(scoped ? ContractsScopedSide : ContractsSide, round, messages));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(probe);
        builder.Services.AddContracts(contracts => contracts.AddKafka(kafka => kafka
            .Configure(options => options.BootstrapServers = bootstrapServers)
            .AddConsumer(group, consumer =>
            {
                consumer.Subscribe<OrdersTopic>();
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
            throw new TimeoutException($"The Contracts consumer group handled {probe.Clock.Seen:N0} of {messages:N0} messages in {RoundTimeout}.");
        }

        await host.StopAsync();
        GC.KeepAlive(probe.Checksum);
        return probe.Clock.Result();
    }

    /// <summary>Produces <paramref name="messages"/> distinct orders (keys spread over every partition) through the typed producer.</summary>
    private static void Fill(string bootstrapServers, int messages)
    {
        var orders = OrderSamples.Create(1024);
        using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 5, QueueBufferingMaxMessages = 2_000_000 });
        var failures = 0;
        for (var i = 0; i < messages; i++)
        {
            producer.Produce(OrdersTopic.Descriptor, orders[i % orders.Length], result =>
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
}
