using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Avro;
using Contracts.Kafka.Tests.Consuming;
using Contracts.Kafka.Tests.Support;
using Contracts.Messaging;
using Xunit;

namespace Contracts.Kafka.Tests.Producing;

public sealed class ProducerFaultToleranceTests
{
    private static readonly TopicDescriptor Accounts = new("accounts", WireFormat.Avro, [AccountEventV1.Descriptor]);

    [Fact]
    public async Task Broker_down_and_up_while_producing_100k_loses_nothing_and_a_consumer_group_gets_each_message_once_in_key_order()
    {
        const int total = 100_000;
        const int keys = 64;
        const int partitions = 8;
        // ~60 bytes a record: 100k over 8 partitions stays far below the mock's ~5 MiB retained per partition.
        await using var harness = ConsumerHarness.Start(new EmbeddedKafkaOptions { Brokers = 3, Topics = { new EmbeddedTopic("accounts", partitions, 3) } });
        var kafka = harness.Kafka;
        for (var p = 0; p < partitions; p++)
        {
            kafka.SetPartitionLeader("accounts", p, 1 + (p % 3));
        }

        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            LingerMs = 5,
            QueueBufferingMaxMessages = 2 * total,
            RetryBackoffMs = 50,
        });
        var failures = 0;
        var delivered = 0;
        void OnDelivered(ProduceResult result)
        {
            if (result.Status == ProduceStatus.Persisted)
            {
                Interlocked.Increment(ref delivered);
            }
            else
            {
                Interlocked.Increment(ref failures);
            }
        }

        var sequences = new long[keys];
        void ProduceRange(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var key = i % keys;
                producer.Produce(Accounts, new AccountEventV1("acc-" + key, ++sequences[key]), OnDelivered);
            }
        }

        ProduceRange(0, 30_000);
        kafka.SetBrokerDown(2);
        ProduceRange(30_000, 70_000);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        // The fault is real: the partitions broker 2 leads cannot take their messages while it is down.
        Assert.True(Volatile.Read(ref delivered) < 70_000, $"{delivered} delivered with broker 2 down");
        kafka.SetBrokerUp(2);
        ProduceRange(70_000, total);

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
        Assert.Equal((total, 0), (Volatile.Read(ref delivered), Volatile.Read(ref failures)));

        var records = RawTopicReader.ReadAll(kafka.BootstrapServers, "accounts", partitions, total, TimeSpan.FromSeconds(60));
        Assert.Equal(total, records.Count);
        var byKey = records
            .Select(r => (Partition: r.Partition.Value, Offset: r.Offset.Value, Event: AvroSerializer.Deserialize<AccountEventV1>(r.Message.Value)))
            .GroupBy(r => r.Event.AccountId)
            .ToList();
        Assert.Equal(keys, byKey.Count);
        foreach (var group in byKey)
        {
            Assert.Single(group.Select(r => r.Partition).Distinct());
            var inOffsetOrder = group.OrderBy(r => r.Offset).Select(r => r.Event.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, inOffsetOrder.Count).Select(i => (long)i), inOffsetOrder);
        }

        // What a service sees: a consumer group dispatching the topic gets every message once, each key in order.
        var consumed = new ConcurrentDictionary<string, List<long>>(StringComparer.Ordinal);
        var count = 0;
        await harness.StartConsumerAsync("ledger", consumer => consumer
            .Subscribe("accounts")
            .AddHandler<AccountEventV1>((account, _, _) =>
            {
                consumed.GetOrAdd(account.AccountId, _ => []).Add(account.Sequence);
                Interlocked.Increment(ref count);
                return ValueTask.CompletedTask;
            }));
        await ConsumerHarness.WaitUntil(() => Volatile.Read(ref count) >= total, "the group consumed every message", TimeSpan.FromMinutes(3));
        Assert.Equal(keys, consumed.Count);
        foreach (var (key, received) in consumed)
        {
            Assert.Equal(Enumerable.Range(1, (int)sequences[int.Parse(key["acc-".Length..])]).Select(i => (long)i), received);
        }
    }

    [Fact]
    public async Task Each_key_stays_on_one_partition_in_produce_order()
    {
        const int partitions = 6;
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("accounts", partitions) } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers, LingerMs = 2 });
        var topic = new AccountsTopic(producer);

        for (var sequence = 1; sequence <= 200; sequence++)
        {
            for (var key = 0; key < 20; key++)
            {
                topic.Produce(new AccountEventV1("key-" + key, sequence));
            }
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        var records = RawTopicReader.ReadAll(kafka.BootstrapServers, "accounts", partitions, 4000);
        Assert.Equal(4000, records.Count);
        var partitionsByKey = records.GroupBy(r => r.Message.Key!, new ByteArrayComparer()).ToDictionary(g => System.Text.Encoding.UTF8.GetString(g.Key), g => g.ToList());
        Assert.Equal(20, partitionsByKey.Count);
        Assert.True(partitionsByKey.Values.Select(g => g[0].Partition.Value).Distinct().Count() > 1, "20 keys should spread over several partitions");
        foreach (var (key, group) in partitionsByKey)
        {
            Assert.Single(group.Select(r => r.Partition.Value).Distinct());
            var sequences = group.OrderBy(r => r.Offset.Value).Select(r => AvroSerializer.Deserialize<AccountEventV1>(r.Message.Value)).ToList();
            Assert.All(sequences, e => Assert.Equal(key, e.AccountId));
            Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), sequences.Select(e => e.Sequence));
        }
    }

    [Fact]
    public async Task Injected_round_trip_time_delays_acknowledgements()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("accounts") } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers });
        await producer.ProduceAsync(Accounts, new AccountEventV1("warm-up", 0));

        kafka.SetBrokerRoundTripTime(1, TimeSpan.FromMilliseconds(400));
        var clock = Stopwatch.StartNew();
        await producer.ProduceAsync(Accounts, new AccountEventV1("slow", 1));
        var slow = clock.Elapsed;

        // A lower bound only: the delay is injected by the broker, so no load on the machine can make it shorter.
        Assert.True(slow >= TimeSpan.FromMilliseconds(350), $"acknowledged after {slow.TotalMilliseconds} ms");
        kafka.SetBrokerRoundTripTime(1, TimeSpan.Zero);
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}
