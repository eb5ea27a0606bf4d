using System.Collections.Generic;
using Contracts.Kafka.Consuming;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

public sealed class ConsumerConfigTests
{
    [Fact]
    public void A_group_refetches_after_50_ms_when_its_prefetch_queue_was_full_unless_configured()
    {
        var properties = new Dictionary<string, string> { ["bootstrap.servers"] = "127.0.0.1:9092" };

        var config = ConsumerGroupWorker.ConsumerConfigFor("orders", new ConsumerGroupOptions(), properties);

        Assert.Equal(50, config.FetchQueueBackoffMs);
        Assert.Equal("orders", config.GroupId);
        Assert.False(properties.ContainsKey("fetch.queue.backoff.ms"), "the caller's dictionary also configures the dead-letter producer");
        Assert.False(properties.ContainsKey("group.id"));
    }

    [Fact]
    public void Configured_settings_are_kept_but_offsets_are_always_stored_by_the_loop()
    {
        var properties = new Dictionary<string, string>
        {
            ["fetch.queue.backoff.ms"] = "1000",
            ["enable.auto.offset.store"] = "true",
            ["queued.max.messages.kbytes"] = "1024",
        };

        var config = ConsumerGroupWorker.ConsumerConfigFor("orders", new ConsumerGroupOptions(), properties);

        Assert.Equal(1000, config.FetchQueueBackoffMs);
        Assert.Equal(1024, config.QueuedMaxMessagesKbytes);
        Assert.False(config.EnableAutoOffsetStore);
        Assert.True(config.EnableAutoCommit);
    }
}
