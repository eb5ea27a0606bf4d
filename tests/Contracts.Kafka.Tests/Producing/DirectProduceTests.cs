using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Kafka.Tests.Support;
using Contracts.Messaging;
using Xunit;

namespace Contracts.Kafka.Tests.Producing;

/// <summary>
/// Unobserved fire-and-forget sends call librdkafka directly (<see cref="KafkaProducerConfig.DirectProduce"/>); what
/// reaches the broker must be exactly what Confluent.Kafka's <c>Produce</c> sends for the same message.
/// </summary>
public sealed class DirectProduceTests
{
    public static TheoryData<WireFormat> Formats => new() { WireFormat.Avro, WireFormat.JsonEnvelope };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Both_paths_put_the_same_key_value_headers_and_partition_on_the_broker(WireFormat format)
    {
        var people = new TopicDescriptor("people", format, [PersonV1.Descriptor, PersonV2.Descriptor]);
        var accounts = new TopicDescriptor("accounts", format, [AccountEventV1.Descriptor]);
        var beats = new TopicDescriptor("beats", format, [HeartbeatV1.Descriptor]);
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions
        {
            Topics = { new EmbeddedTopic(people.Name, 4), new EmbeddedTopic(accounts.Name, 4), new EmbeddedTopic(beats.Name, 1) },
        });

        foreach (var direct in new[] { true, false })
        {
            await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers, DirectProduce = direct, ProducerName = "svc" });
            Assert.Equal(direct, producer.ProducesDirectly);
            for (var i = 0; i < 20; i++)
            {
                producer.Produce(people, new PersonV1(new Guid(i, 0, 0, new byte[8]), "Zoë " + i));
                producer.Produce(people, new PersonV2(new Guid(i, 1, 0, new byte[8]), "", i % 2 == 0 ? null : "e@x", ["a", "ü"]));
                producer.Produce(accounts, new AccountEventV1(i == 0 ? "" : "account-" + i, i));
            }

            producer.Produce(beats, new HeartbeatV1(DateTimeOffset.UnixEpoch.AddDays(1)));
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        foreach (var (topic, partitions, perProducer) in new[] { (people, 4, 40), (accounts, 4, 20), (beats, 1, 1) })
        {
            var records = RawTopicReader.ReadAll(kafka.BootstrapServers, topic.Name, partitions, 2 * perProducer);
            Assert.Equal(2 * perProducer, records.Count);
            var byContent = records.GroupBy(Content).ToList();
            Assert.Equal(perProducer, byContent.Count);
            Assert.All(byContent, pair =>
            {
                var sent = pair.ToList();
                Assert.Equal(2, sent.Count);
                if (sent[0].Message.Key is { Length: > 0 })
                {
                    // librdkafka's default partitioner spreads null and empty keys at random.
                    Assert.Equal(sent[0].Partition, sent[1].Partition);
                }

                Assert.Equal(sent[0].Message.Key is null, sent[1].Message.Key is null);
                Assert.Equal(["message-type", "message-version", "message-id"], sent[0].Message.Headers.Select(h => h.Key));
                Assert.Equal(sent[0].Message.Headers.Select(h => h.Key), sent[1].Message.Headers.Select(h => h.Key));
                Assert.All(sent, record => Assert.True(Guid.TryParseExact(record.Header(MessageHeaders.MessageId), "D", out var id) && id.Version == 7));
            });
        }

        var emptyKeys = RawTopicReader.ReadAll(kafka.BootstrapServers, accounts.Name, 4, 40).Where(r => r.Message.Key is { Length: 0 }).ToList();
        Assert.Equal(2, emptyKeys.Count);
        Assert.Null(Assert.Single(RawTopicReader.ReadAll(kafka.BootstrapServers, beats.Name, 1, 2).Select(r => r.Message.Key).Distinct()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sends_after_dispose_fail_cleanly(bool direct)
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("people") } });
        var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers, DirectProduce = direct });
        Assert.Equal(direct, producer.ProducesDirectly);
        producer.Produce(new TopicDescriptor("people", WireFormat.Avro, [PersonV1.Descriptor]), new PersonV1(Guid.NewGuid(), "before"));
        producer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => producer.Produce(new TopicDescriptor("people", WireFormat.Avro, [PersonV1.Descriptor]), new PersonV1(Guid.NewGuid(), "after")));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await producer.ProduceAsync(new TopicDescriptor("people", WireFormat.Avro, [PersonV1.Descriptor]), new PersonV1(Guid.NewGuid(), "after")));
    }

    [Fact]
    public void The_setting_reads_back_and_stays_out_of_librdkafkas_configuration()
    {
        Assert.True(new KafkaProducerConfig().DirectProduce);
        var config = new KafkaProducerConfig(new Dictionary<string, string> { [KafkaProducerConfig.PropertyNames.DirectProduce] = "false", ["bootstrap.servers"] = "127.0.0.1:1" });
        Assert.False(config.DirectProduce);
        Assert.DoesNotContain(config.ClientSettings(), setting => setting.Key.StartsWith("contracts.", StringComparison.Ordinal));
        using var producer = new KafkaMessageProducer(config);
        Assert.False(producer.ProducesDirectly);
    }

    // Everything but the message id, which each send draws anew.
    private static string Content(ConsumeResult<byte[]?, byte[]?> record) =>
        string.Join('|', Convert.ToHexString(record.Message.Key ?? [0xFF, 0xFF]), record.Message.Key is null, Convert.ToHexString(record.Message.Value ?? []),
            record.Header(MessageHeaders.MessageType), record.Header(MessageHeaders.MessageVersion));
}
