using System;
using System.Linq;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Hosting;
using Contracts.Kafka.Retries;
using Contracts.Kafka.Tests.Consuming;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Contracts.Kafka.Tests.Retries;

public sealed class TopicCreationTests
{
    [Fact]
    public async Task A_starting_group_creates_its_missing_retry_and_dead_letter_topics_like_the_subscribed_topic_and_leaves_existing_ones()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("invoices", 3), new EmbeddedTopic("billing.invoices.retry.2", 1));
        var handled = new Received<OrderPlacedV2>();
        void Billing(ConsumerGroupBuilder consumer) => consumer
            .Subscribe("invoices")
            .Configure(options => options.Retry = new RetryOptions { Mode = RetryMode.NonBlocking, MaxAttempts = 3 })
            .AddHandler<OrderPlacedV2>(handled.Add);

        var first = await harness.StartConsumerAsync("billing", Billing);
        Assert.Equal(
            [("billing.invoices.dlt", 3), ("billing.invoices.retry.1", 3), ("billing.invoices.retry.2", 1), ("invoices", 3)],
            Topics(harness.Kafka, "invoices"));

        // A restart (or a second member of the group) finds everything in place.
        await first.StopAsync();
        await harness.StartConsumerAsync("billing", Billing);
        await harness.ProduceAsync("invoices", new OrderPlacedV2(Guid.NewGuid(), "after-restart", 1, "EUR"));
        await ConsumerHarness.WaitUntil(() => handled.Count == 1, "the restarted group consumes");

        // Settings override the copied partition count; blocking retries need no retry topics.
        await harness.StartConsumerAsync("auditing", consumer => consumer
            .Subscribe("invoices")
            .Configure(options =>
            {
                options.Retry = new RetryOptions { Mode = RetryMode.Blocking, MaxAttempts = 3 };
                options.TopicCreation.Partitions = 2;
            })
            .AddHandler<OrderPlacedV2>(handled.Add));
        Assert.Equal([("auditing.invoices.dlt", 2)], Topics(harness.Kafka, "auditing."));
    }

    [Fact]
    public async Task With_creation_off_a_group_creates_nothing()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("invoices", 2));
        await harness.StartConsumerAsync("managed-elsewhere", consumer => consumer
            .Subscribe("invoices")
            .Configure(options =>
            {
                options.Retry = new RetryOptions { Mode = RetryMode.NonBlocking, MaxAttempts = 2 };
                options.TopicCreation.Enabled = false;
            })
            .AddHandler<OrderPlacedV2>(new Received<OrderPlacedV2>().Add));

        Assert.Empty(Topics(harness.Kafka, "managed-elsewhere."));
    }

    [Fact]
    public async Task A_cluster_that_refuses_topic_creation_fails_the_start_with_a_typed_error_naming_each_topic()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("invoices", 2));

        // The same broker under another address is not recognised as embedded: the admin API is used, which the mock refuses.
        var elsewhere = harness.Kafka.BootstrapServers.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        Assert.NotEqual(harness.Kafka.BootstrapServers, elsewhere);
        var host = harness.BuildHost("strict", consumer => consumer
            .Subscribe("invoices")
            .Configure(options =>
            {
                options.BootstrapServers = elsewhere;
                options.Retry = new RetryOptions { Mode = RetryMode.NonBlocking, MaxAttempts = 2 };
            })
            .AddHandler<OrderPlacedV2>(new Received<OrderPlacedV2>().Add));

        var error = await Assert.ThrowsAsync<TopicCreationException>(() => host.StartAsync());
        Assert.Equal("strict", error.ConsumerGroup);
        // The metadata request succeeded; the CreateTopics request is what the broker refused, for each topic.
        Assert.All(error.Refused, refused => Assert.Equal(ErrorCode.Local_UnsupportedFeature, refused.Value));
        Assert.Contains("'strict.invoices.dlt': Local_UnsupportedFeature (Topic Admin API (KIP-4) not supported by broker", error.Message, StringComparison.Ordinal);
        Assert.Equal(["strict.invoices.dlt", "strict.invoices.retry.1"], error.Refused.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Contains("Contracts:Kafka:Consumers:strict:TopicCreation:Enabled", error.Message, StringComparison.Ordinal);
        Assert.Empty(Topics(harness.Kafka, "strict."));
    }

    private static (string Name, int Partitions)[] Topics(EmbeddedKafka kafka, string prefix)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        return admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics
            .Where(t => t.Topic.StartsWith(prefix, StringComparison.Ordinal) || t.Topic.Contains("." + prefix, StringComparison.Ordinal))
            .Select(t => (t.Topic, t.Partitions.Count))
            .OrderBy(t => t.Topic, StringComparer.Ordinal)
            .ToArray();
    }
}
