using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Kafka.Consuming;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

/// <summary>
/// <see cref="DirectConsumer"/> reads messages from librdkafka itself; every field must come out as Confluent.Kafka's
/// <c>Consume</c> gives it for the same message.
/// </summary>
public sealed class DirectConsumerTests
{
    [Fact]
    public async Task Reads_every_message_shape_exactly_as_Confluent_Kafka_does()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("shapes", 2) } });
        var sent = Shapes().ToList();
        using (var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build())
        {
            foreach (var message in sent)
            {
                await producer.ProduceAsync("shapes", message);
            }
        }

        var expected = Read(kafka, direct: false, sent.Count);
        var actual = Read(kafka, direct: true, sent.Count);
        var batched = Read(kafka, direct: true, sent.Count, batch: 3);

        Assert.Equal(sent.Count, actual.Count);
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
        Assert.Equal(expected.Select(Describe), batched.Select(Describe));
        Assert.All(actual, record => Assert.Equal("shapes", record.Topic));
        Assert.Contains(actual, record => record.HeaderCount == 40);
        Assert.Contains(actual, record => record.Value is null);
    }

    [Fact]
    public async Task A_missing_topic_comes_back_as_an_error_naming_it_not_as_a_message()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions());
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = "missing-" + Guid.NewGuid().ToString("N"),
            AllowAutoCreateTopics = false,
        }).Build();
        var direct = DirectConsumer.TryCreate(consumer);
        Assert.NotNull(direct);
        consumer.Subscribe("no-such-topic");

        Error? error = null;
        var into = new ConsumedRecord?[8];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (error is null && DateTime.UtcNow < deadline)
        {
            Assert.Equal(0, direct.Poll(TimeSpan.FromMilliseconds(100), into, reported => error = reported));
        }

        Assert.NotNull(error);
        Assert.Equal(ErrorCode.UnknownTopicOrPart, error.Code);
        Assert.False(error.IsFatal);
        Assert.Contains("no-such-topic", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polling_a_disposed_consumer_fails_cleanly()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions());
        var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "g" }).Build();
        var direct = DirectConsumer.TryCreate(consumer)!;
        consumer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => direct.Poll(TimeSpan.Zero, new ConsumedRecord?[4], _ => { }));
    }

    private static IEnumerable<Message<byte[]?, byte[]?>> Shapes()
    {
        yield return new Message<byte[]?, byte[]?> { Key = null, Value = [1, 2, 3] };
        yield return new Message<byte[]?, byte[]?> { Key = [], Value = [] };
        yield return new Message<byte[]?, byte[]?> { Key = "k"u8.ToArray(), Value = null };
        yield return new Message<byte[]?, byte[]?>
        {
            Key = "k"u8.ToArray(),
            Value = new byte[100_000],
            Timestamp = new Timestamp(1_600_000_000_000, TimestampType.CreateTime),
            Headers = new Headers { { "message-type", "x"u8.ToArray() }, { "empty", [] }, { "null", null }, { "message-type", "y"u8.ToArray() }, { "größe", "ü"u8.ToArray() } },
        };

        // More headers than the reader keeps on its stack, and more distinct names than it caches.
        for (var i = 0; i < 3; i++)
        {
            var headers = new Headers();
            for (var h = 0; h < 40; h++)
            {
                headers.Add($"h{i}-{h}", Encoding.UTF8.GetBytes(new string('v', h)));
            }

            yield return new Message<byte[]?, byte[]?> { Key = [(byte)i], Value = [(byte)i], Headers = headers };
        }
    }

    private static List<ConsumedRecord> Read(EmbeddedKafka kafka, bool direct, int expected, int batch = 1)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(Enumerable.Range(0, 2).Select(p => new TopicPartitionOffset("shapes", p, Offset.Beginning)));
        var poller = direct ? DirectConsumer.TryCreate(consumer) ?? throw new InvalidOperationException("no direct path") : null;
        var records = new List<ConsumedRecord>();
        var into = new ConsumedRecord?[batch];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (records.Count < expected && DateTime.UtcNow < deadline)
        {
            if (poller is not null)
            {
                var count = poller.Poll(TimeSpan.FromMilliseconds(100), into, error => Assert.Fail(error.ToString()));
                records.AddRange(into[..count]!);
            }
            else if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } result)
            {
                records.Add(ConsumedRecord.From(result));
            }
        }

        return [.. records.OrderBy(r => r.Partition).ThenBy(r => r.Offset)];
    }

    private static string Describe(ConsumedRecord record)
    {
        var headers = Enumerable.Range(0, record.HeaderCount)
            .Select(i => record.HeaderName(i) + "=" + (record.HeaderValue(i) is { } value ? Convert.ToHexString(value.Span) : "null"));
        return string.Join(
            ' ',
            record.Topic,
            record.Partition,
            record.Offset,
            record.LeaderEpoch?.ToString() ?? "-",
            record.Timestamp.Type,
            record.Timestamp.UnixTimestampMs,
            record.Key is { } key ? Convert.ToHexString(key.Span) : "null",
            record.Value is { } body ? body.Length + ":" + Convert.ToHexString(body.Span[..Math.Min(body.Length, 16)]) : "null",
            string.Join(',', headers));
    }
}
