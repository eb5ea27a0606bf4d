using System;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Hosting;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.Tests.Consuming;
using Contracts.Kafka.Tests.Producing;
using Contracts.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Contracts.Kafka.Tests.Hosting;

public sealed class ProducerAndTopicTests
{
    [Fact]
    public async Task A_generated_topic_class_produces_through_the_registered_producer_to_a_consumer_subscribed_by_its_type()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("people-json", 2));
        var received = new Received<PersonV2>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["Contracts:Kafka:BootstrapServers"] = harness.Kafka.BootstrapServers;
        builder.Services.AddContracts(contracts => contracts.AddKafka(kafka => kafka
            .AddTopic<PeopleJsonTopic>()
            .AddConsumer("people-readers", consumer => consumer
                .Configure(ConsumerHarness.FastGroup)
                .Subscribe<PeopleJsonTopic>()
                .AddHandler<PersonV2>(received.Add, older => older.From<PersonV1>(v1 => new PersonV2(v1.Id, v1.Name, null, []))))));
        using var host = builder.Build();
        await host.StartAsync();

        var topic = host.Services.GetRequiredService<PeopleJsonTopic>();
        Assert.Same(host.Services.GetRequiredService<KafkaMessageProducer>(), host.Services.GetRequiredService<IMessageProducer>());
        await topic.ProduceAsync(new PersonV1(Guid.NewGuid(), "Ada"));
        await topic.ProduceAsync(new PersonV2(Guid.NewGuid(), "Grace", "grace@example.org", ["navy"]));

        await ConsumerHarness.WaitUntil(() => received.Count == 2, "both people are received");
        Assert.Equal(["Ada", "Grace"], received.Items.Select(i => i.Message.Name).Order());
        var options = host.Services.GetRequiredService<IOptionsMonitor<ConsumerGroupOptions>>().Get("people-readers");
        Assert.Equal(PayloadDetection.JsonEnvelope, options.Topics["people-json"].Format);
        await host.StopAsync();
    }

    [Fact]
    public void A_producer_without_bootstrap_servers_is_refused_with_the_key_to_set()
    {
        var services = new ServiceCollection();
        services.AddContracts(contracts => contracts.AddKafka(kafka => kafka.AddProducer()));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMessageProducer>());
        Assert.Equal(["Contracts:Kafka:BootstrapServers is required by the producer: the host:port list of the Kafka brokers."], error.Failures);
    }
}
