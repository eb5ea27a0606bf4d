using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Contracts.Kafka.Tests.Producing;

public sealed class KafkaProducerConfigTests
{
    [Fact]
    public void Idempotence_is_on_unless_configured_otherwise()
    {
        Assert.True(new KafkaProducerConfig().EnableIdempotence);
        Assert.True(new KafkaProducerConfig(new Dictionary<string, string> { ["bootstrap.servers"] = "b:9092" }).EnableIdempotence);
        Assert.False(new KafkaProducerConfig(new Dictionary<string, string> { ["enable.idempotence"] = "false" }).EnableIdempotence);
        Assert.False(new KafkaProducerConfig { EnableIdempotence = false }.EnableIdempotence);
    }

    [Fact]
    public void Contracts_settings_are_named_and_kept_away_from_librdkafka()
    {
        var config = new KafkaProducerConfig(new Dictionary<string, string> { [KafkaProducerConfig.PropertyNames.ProducerName] = "billing", ["linger.ms"] = "5" });
        Assert.Equal("billing", config.ProducerName);
        Assert.DoesNotContain(config.ClientSettings(), s => s.Key.StartsWith("contracts.", StringComparison.Ordinal));
        Assert.Contains(config.ClientSettings(), s => s.Key == "linger.ms");

        config.ProducerName = null;
        Assert.DoesNotContain(config, s => s.Key == KafkaProducerConfig.PropertyNames.ProducerName);

        // librdkafka would refuse an unknown property: building proves the contracts.* keys never reach it.
        using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = "127.0.0.1:1", ProducerName = "billing" });
    }

    [Fact]
    public void Settings_librdkafka_rejects_fail_with_ArgumentException()
    {
        var config = new KafkaProducerConfig(new Dictionary<string, string> { ["bootstrap.servers"] = "127.0.0.1:1", ["no.such.setting"] = "1" });

        var error = Assert.Throws<ArgumentException>(() => new KafkaMessageProducer(config));
        Assert.Contains("no.such.setting", error.Message, StringComparison.Ordinal);
    }
}
