using System;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Avro;
using Contracts.Kafka.Tests.Support;
using Xunit;

namespace Contracts.Kafka.Tests.Producing;

/// <summary>
/// Transactions run against the mock cluster; it does not enforce <c>read_committed</c> (DESIGN.md), so these tests
/// prove the commit and abort paths work and surface errors, not that aborted messages stay invisible.
/// </summary>
public sealed class ProducerTransactionTests
{
    [Fact]
    public async Task Committed_transactions_deliver_their_messages()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("people") } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers, TransactionalId = "people-writer" });
        var people = new PeopleTopic(producer);

        await producer.InTransactionAsync(async ct =>
        {
            await people.ProduceAsync(new PersonV1(Guid.NewGuid(), "one"), ct);
            people.Produce(new PersonV1(Guid.NewGuid(), "two"));
        });

        var names = RawTopicReader.ReadAll(kafka.BootstrapServers, "people", 1, 2).Select(r => AvroSerializer.Deserialize<PersonV1>(r.Message.Value).Name);
        Assert.Equal(["one", "two"], names);
    }

    [Fact]
    public async Task A_failing_transaction_is_aborted_and_its_exception_surfaces()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("people") } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers, TransactionalId = "people-writer" });
        var people = new PeopleTopic(producer);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => producer.InTransactionAsync(async ct =>
        {
            await people.ProduceAsync(new PersonV1(Guid.NewGuid(), "aborted"), ct);
            throw new InvalidOperationException("handler failed");
        }));
        Assert.Equal("handler failed", error.Message);

        // The producer is usable again: the abort ended the transaction.
        await producer.InTransactionAsync(ct => people.ProduceAsync(new PersonV1(Guid.NewGuid(), "committed"), ct).AsTask());
        var names = RawTopicReader.ReadAll(kafka.BootstrapServers, "people", 1, 2).Select(r => AvroSerializer.Deserialize<PersonV1>(r.Message.Value).Name).ToList();
        Assert.Contains("committed", names);
    }

    [Fact]
    public async Task Transactions_need_a_transactional_id()
    {
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = "127.0.0.1:1" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => producer.InTransactionAsync(_ => Task.CompletedTask));
        Assert.Contains("TransactionalId", error.Message, StringComparison.Ordinal);
    }
}
