using System;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Avro;
using Contracts.Json;
using Contracts.Kafka.Tests.Support;
using Contracts.Messaging;
using Xunit;

namespace Contracts.Kafka.Tests.Producing;

public sealed class GeneratedTopicTests
{
    [Fact]
    public void Descriptors_carry_name_wire_format_and_contracts()
    {
        Assert.Equal("people", PeopleTopic.TopicName);
        Assert.Equal(WireFormat.Avro, PeopleTopic.Descriptor.WireFormat);
        Assert.Equal(WireFormat.JsonEnvelope, PeopleJsonTopic.Descriptor.WireFormat);
        Assert.Equal([typeof(PersonV1), typeof(PersonV2)], PeopleTopic.Descriptor.Contracts.Select(c => c.ClrType));
        Assert.Same(PeopleTopic.Descriptor, DescriptorOf<PeopleTopic>());
        Assert.Throws<ArgumentNullException>(() => new PeopleTopic(null!));
    }

    [Fact]
    public async Task Typed_produce_methods_send_each_contract_in_the_topic_format()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("people", 2), new EmbeddedTopic("people-json", 2) } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers });
        var people = new PeopleTopic(producer);
        var peopleJson = new PeopleJsonTopic(producer);

        var ada = new PersonV1(Guid.NewGuid(), "Ada");
        var grace = new PersonV2(Guid.NewGuid(), "Grace", null, []);
        await people.ProduceAsync(ada);
        var delivered = new TaskCompletionSource<ProduceResult>();
        people.Produce(grace, delivered.SetResult);
        await peopleJson.ProduceAsync(grace);
        var report = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ProduceStatus.Persisted, report.Status);
        var avro = RawTopicReader.ReadAll(kafka.BootstrapServers, "people", 2, 2).OrderBy(r => r.Header(MessageHeaders.MessageVersion)).ToList();
        Assert.Equal(ada, AvroSerializer.Deserialize<PersonV1>(avro[0].Message.Value));
        Assert.Equal(grace.Name, AvroSerializer.Deserialize<PersonV2>(avro[1].Message.Value).Name);
        var json = Assert.Single(RawTopicReader.ReadAll(kafka.BootstrapServers, "people-json", 2, 1));
        Assert.Equal(grace.Id, JsonEnvelope.Deserialize<PersonV2>(json.Message.Value).Id);
    }

    private static TopicDescriptor DescriptorOf<TTopic>()
        where TTopic : IMessageTopic => TTopic.Descriptor;
}
