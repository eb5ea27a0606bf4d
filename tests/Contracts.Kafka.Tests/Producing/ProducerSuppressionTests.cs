using System;
using System.Threading.Tasks;
using Contracts.Kafka.Tests.Support;
using Contracts.Messaging;
using Xunit;

namespace Contracts.Kafka.Tests.Producing;

public sealed class ProducerSuppressionTests
{
    private static readonly TopicDescriptor People = new("people", WireFormat.Avro, [PersonV1.Descriptor]);
    private static readonly TopicDescriptor Accounts = new("accounts", WireFormat.Avro, [AccountEventV1.Descriptor]);

    [Fact]
    public async Task Suppressed_scopes_send_nothing_and_report_Suppressed()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("people"), new EmbeddedTopic("accounts") } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers });

        ProduceResult? reported = null;
        using (ProducerSuppression.Suppress())
        {
            var result = await producer.ProduceAsync(People, new PersonV1(Guid.NewGuid(), "hidden"));
            Assert.Equal(ProduceStatus.Suppressed, result.Status);
            Assert.Equal((-1, -1L), (result.Partition, result.Offset));
            producer.Produce(People, new PersonV1(Guid.NewGuid(), "hidden too"), r => reported = r);
        }

        Assert.Equal(ProduceStatus.Suppressed, reported?.Status);
        using (ProducerSuppression.Suppress("accounts"))
        {
            Assert.Equal(ProduceStatus.Suppressed, (await producer.ProduceAsync(Accounts, new AccountEventV1("a", 1))).Status);
            Assert.Equal(ProduceStatus.Persisted, (await producer.ProduceAsync(People, new PersonV1(Guid.NewGuid(), "visible"))).Status);
        }

        Assert.Equal(ProduceStatus.Persisted, (await producer.ProduceAsync(Accounts, new AccountEventV1("a", 2))).Status);
        var people = RawTopicReader.ReadAll(kafka.BootstrapServers, "people", 1, 2, TimeSpan.FromSeconds(2));
        Assert.Equal("visible", Avro.AvroSerializer.Deserialize<PersonV1>(Assert.Single(people).Message.Value).Name);
        Assert.Single(RawTopicReader.ReadAll(kafka.BootstrapServers, "accounts", 1, 2, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Suppression_flows_into_awaited_calls_but_not_into_other_flows()
    {
        using (ProducerSuppression.Suppress("t"))
        {
            await Task.Yield();
            Assert.True(ProducerSuppression.IsSuppressed("t"));
            Assert.False(ProducerSuppression.IsSuppressed("other"));
            Assert.True(await Task.Run(() => ProducerSuppression.IsSuppressed("t")));
        }

        Assert.False(ProducerSuppression.IsSuppressed("t"));
        Assert.False(await Task.Run(() => ProducerSuppression.IsSuppressed("t")));
    }

    [Fact]
    public void Nested_scopes_unwind_in_any_order()
    {
        var outer = ProducerSuppression.Suppress("a");
        var inner = ProducerSuppression.Suppress("b");
        Assert.True(ProducerSuppression.IsSuppressed("a") && ProducerSuppression.IsSuppressed("b"));

        outer.Dispose();
        Assert.False(ProducerSuppression.IsSuppressed("a"));
        Assert.True(ProducerSuppression.IsSuppressed("b"));

        inner.Dispose();
        inner.Dispose();
        Assert.False(ProducerSuppression.IsSuppressed("b"));
        Assert.Throws<ArgumentException>(() => ProducerSuppression.Suppress(Array.Empty<string>()));
    }
}
