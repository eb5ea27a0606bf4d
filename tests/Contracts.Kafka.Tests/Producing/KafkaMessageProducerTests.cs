using System;
using System.Linq;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Avro;
using Contracts.Json;
using Contracts.Kafka.Tests.Support;
using Contracts.Messaging;
using Xunit;

namespace Contracts.Kafka.Tests.Producing;

public sealed class KafkaMessageProducerTests
{
    private static readonly TopicDescriptor People = new("people", WireFormat.Avro, [PersonV1.Descriptor, PersonV2.Descriptor]);

    [Theory]
    [InlineData(WireFormat.Avro)]
    [InlineData(WireFormat.JsonEnvelope)]
    public async Task Round_trips_every_wire_format_with_key_and_headers(WireFormat format)
    {
        var topic = new TopicDescriptor("people-" + format.ToString().ToLowerInvariant(), format, [PersonV1.Descriptor, PersonV2.Descriptor]);
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic(topic.Name, 3) } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers, ProducerName = "people-service" });

        var first = new PersonV1(Guid.NewGuid(), "Ada");
        var second = new PersonV2(Guid.NewGuid(), "Grace", "grace@example.org", ["admiral", "cobol"]);
        var firstResult = await producer.ProduceAsync(topic, first);
        var secondResult = await producer.ProduceAsync(topic, second);

        Assert.Equal(ProduceStatus.Persisted, firstResult.Status);
        Assert.Equal(topic.Name, secondResult.Topic);
        Assert.NotEqual(firstResult.MessageId, secondResult.MessageId);

        var records = RawTopicReader.ReadAll(kafka.BootstrapServers, topic.Name, 3, 2).OrderBy(r => r.Header(MessageHeaders.MessageVersion)).ToList();
        Assert.Equal(2, records.Count);

        var v1 = records[0];
        Assert.Equal("person", v1.Header(MessageHeaders.MessageType));
        Assert.Equal("1", v1.Header(MessageHeaders.MessageVersion));
        Assert.Equal(firstResult.MessageId.ToString("D"), v1.Header(MessageHeaders.MessageId));
        Assert.Equal((firstResult.Partition, firstResult.Offset), (v1.Partition.Value, v1.Offset.Value));
        Assert.Equal(AvroSerializer.SerializeKey(first), v1.Message.Key);
        Assert.Equal(first, Decode<PersonV1>(format, v1.Message.Value!));

        var v2 = records[1];
        Assert.Equal("2", v2.Header(MessageHeaders.MessageVersion));
        Assert.Equal(secondResult.MessageId.ToString("D"), v2.Header(MessageHeaders.MessageId));
        var decoded = Decode<PersonV2>(format, v2.Message.Value!);
        Assert.Equal((second.Id, second.Name, second.Email), (decoded.Id, decoded.Name, decoded.Email));
        Assert.Equal(second.Tags, decoded.Tags);

        if (format == WireFormat.JsonEnvelope)
        {
            var text = System.Text.Encoding.UTF8.GetString(v2.Message.Value!);
            Assert.StartsWith("json:{\"type\":\"person\",\"version\":2,\"message\":{", text, StringComparison.Ordinal);
            Assert.EndsWith(",\"producer\":\"people-service\"}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Keys_follow_the_contract_key_format()
    {
        var topic = new TopicDescriptor("mixed-keys", WireFormat.Avro, [AccountEventV1.Descriptor, HeartbeatV1.Descriptor]);
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic(topic.Name) } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers });

        await producer.ProduceAsync(topic, new AccountEventV1("acc-42", 7));
        await producer.ProduceAsync(topic, new HeartbeatV1(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)));

        var records = RawTopicReader.ReadAll(kafka.BootstrapServers, topic.Name, 1, 2);
        Assert.Equal("acc-42"u8.ToArray(), records[0].Message.Key);
        Assert.Null(records[1].Message.Key);
        Assert.Equal(new AccountEventV1("acc-42", 7), AvroSerializer.Deserialize<AccountEventV1>(records[0].Message.Value));
    }

    [Fact]
    public async Task Fire_and_forget_produce_reports_every_delivery()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("people", 4) } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers, LingerMs = 5 });

        const int count = 2000;
        var results = new System.Collections.Concurrent.ConcurrentBag<ProduceResult>();
        for (var i = 0; i < count; i++)
        {
            producer.Produce(People, new PersonV1(Guid.NewGuid(), "p" + i), results.Add);
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        Assert.Equal(count, results.Count);
        Assert.All(results, r => Assert.Equal(ProduceStatus.Persisted, r.Status));
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(count, results.Select(r => r.MessageId).Distinct().Count());
        Assert.Equal(count, results.Select(r => (r.Partition, r.Offset)).Distinct().Count());

        var names = RawTopicReader.ReadAll(kafka.BootstrapServers, "people", 4, count)
            .Select(r => AvroSerializer.Deserialize<PersonV1>(r.Message.Value).Name).ToHashSet();
        Assert.Equal(Enumerable.Range(0, count).Select(i => "p" + i).ToHashSet(), names);
    }

    [Fact]
    public async Task Fire_and_forget_keeps_keys_values_and_ids_apart_when_their_lengths_coincide()
    {
        // A 36-character plain key is as long as a message id: the reused per-thread arrays must still be separate.
        var topic = new TopicDescriptor("accounts", WireFormat.Avro, [AccountEventV1.Descriptor]);
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("accounts", 3) } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers });
        var accounts = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid().ToString("D")).ToList();
        foreach (var (account, sequence) in accounts.Select((a, i) => (a, (long)i)))
        {
            producer.Produce(topic, new AccountEventV1(account, sequence));
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        var records = RawTopicReader.ReadAll(kafka.BootstrapServers, "accounts", 3, accounts.Count);
        Assert.Equal(accounts.Count, records.Count);
        foreach (var record in records)
        {
            var value = AvroSerializer.Deserialize<AccountEventV1>(record.Message.Value);
            Assert.Equal(accounts[(int)value.Sequence], value.AccountId);
            Assert.Equal(value.AccountId, System.Text.Encoding.UTF8.GetString(record.Message.Key!));
            Assert.True(Guid.TryParseExact(record.Header(MessageHeaders.MessageId), "D", out var id) && id.Version == 7);
        }

        Assert.Equal(accounts.Count, records.Select(r => r.Header(MessageHeaders.MessageId)).Distinct().Count());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_failed_fire_and_forget_send_keeps_its_own_record_after_later_sends(bool direct)
    {
        // Fire-and-forget sends reuse per-thread arrays and records; a send that fails hands its record to the exception,
        // which must keep showing that message after later sends of the same shape (here: the queue stays full).
        var config = new KafkaProducerConfig { BootstrapServers = "127.0.0.1:1", QueueBufferingMaxMessages = 1, MessageTimeoutMs = 1000, DirectProduce = direct };
        await using var producer = new KafkaMessageProducer(config);
        Assert.Equal(direct, producer.ProducesDirectly);
        var queued = new PersonV1(Guid.NewGuid(), "queued");
        producer.Produce(People, queued);

        var first = Assert.Throws<MessageProduceException>(() => producer.Produce(People, new PersonV1(Guid.NewGuid(), "first")));
        var second = Assert.Throws<MessageProduceException>(() => producer.Produce(People, new PersonV1(Guid.NewGuid(), "other")));

        var firstRecord = Assert.IsType<ProduceException<byte[]?, byte[]>>(first.InnerException).DeliveryResult.Message;
        var secondRecord = Assert.IsType<ProduceException<byte[]?, byte[]>>(second.InnerException).DeliveryResult.Message;
        Assert.Equal(ErrorCode.Local_QueueFull, ((ProduceException<byte[]?, byte[]>)first.InnerException!).Error.Code);
        Assert.NotSame(firstRecord, secondRecord);
        Assert.Equal("first", AvroSerializer.Deserialize<PersonV1>(firstRecord.Value).Name);
        Assert.Equal(first.MessageId.ToString("D"), System.Text.Encoding.ASCII.GetString(firstRecord.Headers.GetLastBytes(MessageHeaders.MessageId)));
        Assert.Equal("other", AvroSerializer.Deserialize<PersonV1>(secondRecord.Value).Name);
        Assert.Equal(second.MessageId.ToString("D"), System.Text.Encoding.ASCII.GetString(secondRecord.Headers.GetLastBytes(MessageHeaders.MessageId)));
    }

    [Fact]
    public async Task Refuses_contracts_the_topic_does_not_declare_and_null_messages()
    {
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = "127.0.0.1:1" });

        var undeclared = await Assert.ThrowsAsync<ArgumentException>(async () => await producer.ProduceAsync(People, new HeartbeatV1(DateTimeOffset.UnixEpoch)));
        Assert.Contains("Topic 'people' does not declare heartbeat v1", undeclared.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => producer.Produce(People, new HeartbeatV1(DateTimeOffset.UnixEpoch)));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await producer.ProduceAsync(People, (PersonV1)null!));
    }

    [Fact]
    public async Task Invalid_values_fail_with_the_field_path_before_anything_is_sent()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("people") } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers });

        var error = await Assert.ThrowsAsync<ContractEncodeException>(async () => await producer.ProduceAsync(People, new PersonV1(Guid.NewGuid(), null!)));
        Assert.Equal("name", error.FieldPath);

        await producer.ProduceAsync(People, new PersonV1(Guid.NewGuid(), "after"));
        var records = RawTopicReader.ReadAll(kafka.BootstrapServers, "people", 1, 2, TimeSpan.FromSeconds(2));
        Assert.Equal("after", AvroSerializer.Deserialize<PersonV1>(Assert.Single(records).Message.Value).Name);
    }

    [Fact]
    public async Task Undeliverable_messages_raise_MessageProduceException_naming_the_message()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("people") } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers, EnableIdempotence = false, MessageTimeoutMs = 2000 });
        kafka.SetTopicError("people", ErrorCode.TopicAuthorizationFailed);

        var error = await Assert.ThrowsAsync<MessageProduceException>(async () => await producer.ProduceAsync(People, new PersonV1(Guid.NewGuid(), "denied")));
        Assert.Equal(("people", "person", 1), (error.Topic, error.MessageType, error.Version));
        Assert.Contains("TopicAuthorizationFailed", error.Message, StringComparison.Ordinal);
        Assert.IsType<ProduceException<byte[]?, byte[]>>(error.InnerException);
    }

    [Fact]
    public async Task Retriable_produce_errors_are_retried_transparently()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("people") } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers, RetryBackoffMs = 10 });
        await producer.ProduceAsync(People, new PersonV1(Guid.NewGuid(), "warm-up"));

        kafka.PushRequestErrors(KafkaApiKey.Produce, ErrorCode.NotEnoughReplicas, ErrorCode.LeaderNotAvailable, ErrorCode.RequestTimedOut);
        var result = await producer.ProduceAsync(People, new PersonV1(Guid.NewGuid(), "retried"));

        Assert.Equal(ProduceStatus.Persisted, result.Status);
        var names = RawTopicReader.ReadAll(kafka.BootstrapServers, "people", 1, 2).Select(r => AvroSerializer.Deserialize<PersonV1>(r.Message.Value).Name);
        Assert.Equal(["warm-up", "retried"], names);
    }

    private static T Decode<T>(WireFormat format, byte[] value)
        where T : IMessageContract<T> =>
        format == WireFormat.Avro ? AvroSerializer.Deserialize<T>(value) : JsonEnvelope.Deserialize<T>(value);
}
