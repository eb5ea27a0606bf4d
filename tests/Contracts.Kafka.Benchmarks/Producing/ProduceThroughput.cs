using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Confluent.Kafka;
using Contracts.Avro;
using Contracts.Benchmarks.Model;
using Contracts.Kafka.Benchmarks.Model;
using Contracts.Kafka.Benchmarks.Reporting;
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
    public const string RawSide = "raw Produce(byte[])";
    public const string TypedSide = "typed Produce";

    private const int Partitions = 8;
    private const int SampleCount = 1024;

    public static IReadOnlyList<RoundResult> Run(EmbeddedKafka kafka, int messages, int rounds, bool warmUp)
    {
        var orders = OrderSamples.Create(SampleCount);
        var prepared = orders.Select(Prepare).ToArray();
        Console.WriteLine($"Producing {messages:N0} OrderPlacedV1 per round ({prepared.Average(p => p.Value.Length):F0} B Avro value, {prepared[0].Key!.Length} B key, 3 headers), {rounds} round(s) per side{(warmUp ? " after one warm-up round each" : string.Empty)}, idempotent, acks=all, linger 5 ms, {Partitions} partitions.");

        if (warmUp)
        {
            Measure(kafka, "warm-up-raw", RawSide, 0, messages, run => RunRaw(run, prepared, messages));
            Measure(kafka, "warm-up-typed", TypedSide, 0, messages, run => RunTyped(run, orders, messages));
        }

        var results = new List<RoundResult>();
        for (var round = 1; round <= rounds; round++)
        {
            results.Add(Measure(kafka, $"raw-{round}", RawSide, round, messages, run => RunRaw(run, prepared, messages)));
            results.Add(Measure(kafka, $"typed-{round}", TypedSide, round, messages, run => RunTyped(run, orders, messages)));
        }

        return results;
    }

    private static RoundResult Measure(EmbeddedKafka kafka, string topic, string side, int round, int messages, Func<(ProducerConfig Config, string Topic), (long Bytes, double CpuMicrosecondsPerMessage)> run)
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
        var (threadBytes, threadCpu) = run((config, topic));
        var elapsed = clock.Elapsed;
        var processBytes = GC.GetTotalAllocatedBytes(precise: true) - processBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        kafka.DeleteTopic(topic);
        return new RoundResult(side, round, messages / elapsed.TotalSeconds, cpu.TotalMicroseconds / messages, threadCpu, (double)processBytes / messages, (double)threadBytes / messages);
    }

    /// <summary>Returns the bytes the producing loop allocated on its thread and that thread's CPU µs per message.</summary>
    private static (long Bytes, double CpuMicrosecondsPerMessage) RunRaw((ProducerConfig Config, string Topic) run, Prepared[] prepared, int messages)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(((KafkaProducerConfig)run.Config).ClientSettings()).Build();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpu.Now();
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
        var cpu = ThreadCpu.MicrosecondsPerMessage(cpuBefore, ThreadCpu.Now(), messages);
        Flush(producer);
        return (allocated, cpu);
    }

    private static (long Bytes, double CpuMicrosecondsPerMessage) RunTyped((ProducerConfig Config, string Topic) run, OrderPlacedV1[] orders, int messages)
    {
        using var producer = new KafkaMessageProducer((KafkaProducerConfig)run.Config);
        var topic = new TopicDescriptor(run.Topic, WireFormat.Avro, [OrderPlacedV1.Descriptor]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpu.Now();
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
        var cpu = ThreadCpu.MicrosecondsPerMessage(cpuBefore, ThreadCpu.Now(), messages);
        Flush(producer.Client);
        return (allocated, cpu);
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

    private sealed record Prepared(byte[]? Key, byte[] Value, byte[] MessageType, byte[] MessageVersion, byte[] MessageId);
}
