using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Confluent.Kafka;
using Contracts.Avro;
using Contracts.Benchmarks.Model;
using Contracts.Messaging;

namespace Contracts.Kafka.Benchmarks.Producing;

/// <summary>
/// Typed produce (<see cref="OrdersTopic"/> over <see cref="KafkaMessageProducer"/>: serialize, key, headers, message id)
/// against raw Confluent.Kafka <c>Produce</c> of the same bytes (key, value and the three headers encoded beforehand),
/// both fire-and-forget, same producer settings, same embedded cluster, alternating rounds. A round ends when
/// <c>Flush</c> returns, so the rate counts acknowledged messages.
/// </summary>
internal static class ProduceThroughput
{
    private const int Partitions = 8;
    private const int SampleCount = 1024;

    public static int Run(int messages, int rounds)
    {
        var orders = OrderSamples.Create(SampleCount);
        var prepared = orders.Select(Prepare).ToArray();
        Console.WriteLine($"Producing {messages:N0} OrderPlacedV1 per round ({prepared.Average(p => p.Value.Length):F0} B Avro value, {prepared[0].Key!.Length} B key, 3 headers), {rounds} round(s) per side, idempotent, acks=all, linger 5 ms, {Partitions} partitions.");

        using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Brokers = 1 });
        var results = new List<(string Side, Measurement Result)>();
        for (var round = 1; round <= rounds; round++)
        {
            results.Add(("raw", Measure(kafka, $"raw-{round}", messages, producerConfig => RunRaw(producerConfig, prepared, messages))));
            results.Add(("typed", Measure(kafka, $"typed-{round}", messages, producerConfig => RunTyped(producerConfig, orders, messages))));
        }

        Console.WriteLine();
        Console.WriteLine("| side | round | msg/s | CPU µs/msg (process) | alloc B/msg (producing thread) | alloc B/msg (process) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Side))
        {
            var index = 0;
            foreach (var (_, result) in group)
            {
                Console.WriteLine($"| {group.Key} | {++index} | {result.MessagesPerSecond:N0} | {result.CpuMicrosecondsPerMessage:F2} | {result.ThreadBytesPerMessage:F1} | {result.ProcessBytesPerMessage:F1} |");
            }
        }

        var raw = Median(results.Where(r => r.Side == "raw").Select(r => r.Result.MessagesPerSecond));
        var typed = Median(results.Where(r => r.Side == "typed").Select(r => r.Result.MessagesPerSecond));
        Console.WriteLine();
        var rawCpu = Median(results.Where(r => r.Side == "raw").Select(r => r.Result.CpuMicrosecondsPerMessage));
        var typedCpu = Median(results.Where(r => r.Side == "typed").Select(r => r.Result.CpuMicrosecondsPerMessage));
        Console.WriteLine($"Median: raw {raw:N0} msg/s, typed {typed:N0} msg/s, typed/raw = {typed / raw:P1} (target >= 95%); CPU per message raw {rawCpu:F2} µs, typed {typedCpu:F2} µs.");
        return 0;
    }

    private static Measurement Measure(EmbeddedKafka kafka, string topic, int messages, Func<(ProducerConfig Config, string Topic), long> run)
    {
        kafka.CreateTopic(topic, Partitions);
        var config = new KafkaProducerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            LingerMs = 5,
            Acks = Acks.All,
            QueueBufferingMaxMessages = 2_000_000,
        };
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var processBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var threadBytes = run((config, topic));
        var elapsed = clock.Elapsed;
        var processBytes = GC.GetTotalAllocatedBytes(precise: true) - processBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        kafka.DeleteTopic(topic);
        return new Measurement(messages / elapsed.TotalSeconds, cpu.TotalMicroseconds / messages, (double)threadBytes / messages, (double)processBytes / messages);
    }

    /// <summary>Returns the bytes the producing loop allocated on its thread.</summary>
    private static long RunRaw((ProducerConfig Config, string Topic) run, Prepared[] prepared, int messages)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(((KafkaProducerConfig)run.Config).ClientSettings()).Build();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < messages; i++)
        {
            var sample = prepared[i % prepared.Length];
            var message = new Message<byte[]?, byte[]>
            {
                Key = sample.Key,
                Value = sample.Value,
                Headers = new Headers
                {
                    { MessageHeaders.MessageType, sample.MessageType },
                    { MessageHeaders.MessageVersion, sample.MessageVersion },
                    { MessageHeaders.MessageId, sample.MessageId },
                },
            };
            while (true)
            {
                try
                {
                    producer.Produce(run.Topic, message);
                    break;
                }
                catch (ProduceException<byte[]?, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Flush(producer);
        return allocated;
    }

    private static long RunTyped((ProducerConfig Config, string Topic) run, OrderPlacedV1[] orders, int messages)
    {
        using var producer = new KafkaMessageProducer((KafkaProducerConfig)run.Config);
        var topic = new TopicDescriptor(run.Topic, WireFormat.Avro, [OrderPlacedV1.Descriptor]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < messages; i++)
        {
            var order = orders[i % orders.Length];
            while (true)
            {
                try
                {
                    producer.Produce(topic, order);
                    break;
                }
                catch (MessageProduceException e) when (e.InnerException is KafkaException { Error.Code: ErrorCode.Local_QueueFull })
                {
                    producer.Client.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Flush(producer.Client);
        return allocated;
    }

    private static void Flush(IProducer<byte[]?, byte[]> producer)
    {
        var left = producer.Flush(TimeSpan.FromMinutes(2));
        if (left != 0)
        {
            throw new InvalidOperationException($"{left} messages were still queued after two minutes.");
        }
    }

    private static Prepared Prepare(OrderPlacedV1 order)
    {
        var id = new byte[MessageEncoding.MessageIdLength];
        MessageEncoding.WriteMessageId(Guid.CreateVersion7(), id);
        return new Prepared(
            AvroSerializer.SerializeKey(order),
            AvroSerializer.Serialize(order),
            MessageEncoding.MessageTypeHeader<OrderPlacedV1>().ToArray(),
            MessageEncoding.MessageVersionHeader<OrderPlacedV1>().ToArray(),
            id);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Prepared(byte[]? Key, byte[] Value, byte[] MessageType, byte[] MessageVersion, byte[] MessageId);

    /// <param name="CpuMicrosecondsPerMessage">Process CPU time (all threads, librdkafka's and the mock broker's included) per message: a signal that survives a busy machine better than wall-clock rates.</param>
    private sealed record Measurement(double MessagesPerSecond, double CpuMicrosecondsPerMessage, double ThreadBytesPerMessage, double ProcessBytesPerMessage);
}
