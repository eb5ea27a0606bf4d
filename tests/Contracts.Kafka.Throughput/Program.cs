using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Hosting;
using Contracts.Kafka;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.Throughput;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Consume throughput: a hosted Contracts consumer group (decode + dispatch to a typed handler + offset store) against a
// raw Confluent.Kafka consume loop over the same bytes, same embedded cluster, same process, alternating runs.
// dotnet run -c Release --project tests/Contracts.Kafka.Throughput [-- --messages 100000 --rounds 3]
var messages = Option("--messages", 100_000);
var rounds = Option("--rounds", 3);
const int Partitions = 8; // the mock keeps ~5 MiB per partition: 100k x ~150 B must fit

await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("orders", Partitions) } });
await Produce(kafka.BootstrapServers, messages);
Console.WriteLine($"{messages:N0} messages of {nameof(OrderPlacedV1)} on {Partitions} partitions; {rounds} rounds each, best reported");

var raw = new Result[rounds];
var typed = new Result[rounds];
for (var round = 0; round < rounds; round++)
{
    raw[round] = RawLoop(kafka.BootstrapServers, messages, $"raw-{round}");
    typed[round] = await ContractsConsumer(kafka.BootstrapServers, messages, $"typed-{round}");
    Console.WriteLine($"round {round + 1}: raw {raw[round]}, contracts {typed[round]}");
}

var bestRaw = raw.MaxBy(r => r.PerSecond)!;
var bestTyped = typed.MaxBy(r => r.PerSecond)!;
Console.WriteLine();
Console.WriteLine("| Consumer | msg/s | allocated B/msg |");
Console.WriteLine("| --- | ---: | ---: |");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| raw Confluent.Kafka loop (byte[] key/value) | {bestRaw.PerSecond:N0} | {bestRaw.BytesPerMessage:N0} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Contracts consumer group (decode + dispatch + store) | {bestTyped.PerSecond:N0} | {bestTyped.BytesPerMessage:N0} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: {bestTyped.PerSecond / bestRaw.PerSecond:P1} of raw (target >= 90%)"));
return;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static async Task Produce(string bootstrapServers, int count)
{
    await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 5 });
    var failures = 0;
    for (var i = 0; i < count; i++)
    {
        var order = new OrderPlacedV1(
            Guid.NewGuid(), $"customer{i % 5000}@example.org", DateTimeOffset.UnixEpoch.AddSeconds(i), 129.95m + (i % 100), "EUR",
            [new OrderLine("SKU-" + (i % 977), 1 + (i % 3), 42.50m), new OrderLine("SKU-" + (i % 131), 2, 22.45m)],
            i % 10 == 0 ? "WELCOME10" : null);
        producer.Produce(OrdersTopic.Descriptor, order, result =>
        {
            if (result.Status != Contracts.Messaging.ProduceStatus.Persisted)
            {
                Interlocked.Increment(ref failures);
            }
        });
    }

    producer.Flush(TimeSpan.FromSeconds(60));
    if (failures != 0)
    {
        throw new InvalidOperationException($"{failures} messages were not persisted.");
    }
}

static Result RawLoop(string bootstrapServers, int count, string group)
{
    var config = new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = group, AutoOffsetReset = AutoOffsetReset.Earliest };
    using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    consumer.Subscribe("orders");
    long checksum = 0;
    var seen = 0;
    while (seen < count)
    {
        var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
        if (result?.Message is { } message)
        {
            checksum += message.Value!.Length;
            seen++;
        }
    }

    clock.Stop();
    var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
    consumer.Close();
    GC.KeepAlive(checksum);
    return new Result(count / clock.Elapsed.TotalSeconds, (double)bytes / count);
}

static async Task<Result> ContractsConsumer(string bootstrapServers, int count, string group)
{
    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var seen = 0;
    long checksum = 0;
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Configuration["Contracts:Kafka:BootstrapServers"] = bootstrapServers;
    builder.Services.AddContracts(contracts => contracts.AddKafka(kafka => kafka
        .AddConsumer(group, consumer => consumer
            .Subscribe<OrdersTopic>()
            .AddHandler<OrderPlacedV1>((order, _, _) =>
            {
                checksum += order.Lines.Count;
                if (++seen == count)
                {
                    done.TrySetResult();
                }

                return ValueTask.CompletedTask;
            }))));
    using var host = builder.Build();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    await host.StartAsync();
    await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
    clock.Stop();
    var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
    await host.StopAsync();
    GC.KeepAlive(checksum);
    return new Result(count / clock.Elapsed.TotalSeconds, (double)bytes / count);
}

internal sealed record Result(double PerSecond, double BytesPerMessage)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PerSecond:N0} msg/s, {BytesPerMessage:N0} B/msg");
}
