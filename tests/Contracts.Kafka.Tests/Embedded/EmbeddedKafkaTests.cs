using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Kafka.Native;
using Xunit;

namespace Contracts.Kafka.Tests.Embedded;

public sealed class EmbeddedKafkaTests
{
    [Fact]
    public async Task Starts_brokers_on_loopback_with_the_requested_topics()
    {
        var options = new EmbeddedKafkaOptions { Brokers = 3, Topics = { new EmbeddedTopic("orders", 6, 3), new EmbeddedTopic("people") } };
        await using var kafka = EmbeddedKafka.Start(options);

        var brokers = kafka.BootstrapServers.Split(',');
        Assert.Equal(3, brokers.Length);
        Assert.All(brokers, b => Assert.StartsWith("127.0.0.1:", b, StringComparison.Ordinal));

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        Assert.Equal(new[] { 1, 2, 3 }, metadata.Brokers.Select(b => b.BrokerId).OrderBy(id => id));
        Assert.Equal(6, metadata.Topics.Single(t => t.Topic == "orders").Partitions.Count);
        Assert.All(metadata.Topics.Single(t => t.Topic == "orders").Partitions, p => Assert.Equal(3, p.Replicas.Length));
        Assert.Single(metadata.Topics.Single(t => t.Topic == "people").Partitions);
    }

    [Fact]
    public void Binds_the_mock_api_to_the_native_file_Confluent_Kafka_loaded()
    {
        using var kafka = EmbeddedKafka.Start();

        var loaded = LibrdkafkaLibrary.LoadedPath;
        Assert.True(File.Exists(loaded), loaded);
        Assert.Contains("librdkafka", Path.GetFileName(loaded), StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            // Exactly one librdkafka file is mapped: the mock cluster and Confluent.Kafka's clients share it.
            var mapped = File.ReadLines("/proc/self/maps")
                .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var i and >= 0 ? line[i..] : null)
                .Where(path => path is not null && Path.GetFileName(path).Contains("librdkafka", StringComparison.Ordinal))
                .Distinct()
                .ToList();
            Assert.Equal([loaded], mapped);
        }
    }

    [Fact]
    public void Refuses_bad_topics_and_broker_ids_with_clear_errors()
    {
        using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Brokers = 2, Topics = { new EmbeddedTopic("taken") } });

        var exists = Assert.Throws<EmbeddedKafkaException>(() => kafka.CreateTopic("taken", 2));
        Assert.Equal(ErrorCode.TopicAlreadyExists, exists.ErrorCode);
        Assert.Contains("taken", exists.Message, StringComparison.Ordinal);

        var name = Assert.Throws<ArgumentException>(() => kafka.CreateTopic("no spaces"));
        Assert.Contains("' ' is not allowed", name.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => kafka.CreateTopic("zero", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => kafka.CreateTopic("wide", 1, replicationFactor: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => kafka.SetBrokerDown(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => kafka.SetBrokerRoundTripTime(1, TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentException>(() => kafka.PushRequestErrors(KafkaApiKey.Produce));
        Assert.Throws<ArgumentException>(() => EmbeddedKafka.Start(new EmbeddedKafkaOptions { Brokers = 0 }));

        var missing = Assert.Throws<EmbeddedKafkaException>(() => kafka.DeleteTopic("missing"));
        Assert.Equal(ErrorCode.UnknownTopicOrPart, missing.ErrorCode);
    }

    [Fact]
    public void Operations_after_dispose_throw_ObjectDisposedException()
    {
        var kafka = EmbeddedKafka.Start();
        kafka.Dispose();
        kafka.Dispose();

        Assert.Throws<ObjectDisposedException>(() => kafka.CreateTopic("late"));
        Assert.Throws<ObjectDisposedException>(() => kafka.SetBrokerDown(1));
    }

    [Fact]
    public async Task Deleted_topics_can_be_created_again_with_another_partition_count()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("recreated", 2) } });
        kafka.DeleteTopic("recreated");
        kafka.CreateTopic("recreated", 5);

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        Assert.Equal(5, admin.GetMetadata("recreated", TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count);
    }
}
