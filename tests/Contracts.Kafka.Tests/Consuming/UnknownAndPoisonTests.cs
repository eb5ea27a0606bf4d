using System;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Avro;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.DeadLetters;
using Contracts.Kafka.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

public sealed class UnknownAndPoisonTests
{
    [Fact]
    public async Task Skip_policy_logs_commits_and_goes_on()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("skip", 1));
        var handled = new Received<OrderPlacedV2>();
        await harness.ProduceAsync("skip", new OrderPlacedV1(Guid.NewGuid(), "old", 1));
        await harness.ProduceAsync("skip", new AuditEntryV1("nobody handles me"));
        var wanted = new OrderPlacedV2(Guid.NewGuid(), "new", 2, "EUR");
        await harness.ProduceAsync("skip", wanted);

        await harness.StartConsumerAsync("skipper", consumer => consumer
            .Subscribe("skip", UnknownMessagePolicy.Skip)
            .AddHandler<OrderPlacedV2>(handled.Add));

        await ConsumerHarness.WaitUntil(() => handled.Count == 1, "the known message is handled");
        await ConsumerHarness.WaitUntil(() => harness.Committed("skipper", "skip", 1)[0] == 3, "all three offsets are committed");
        Assert.Equal(wanted, handled.Items.Single().Message);
    }

    [Fact]
    public async Task DeadLetter_policy_forwards_unknown_types_and_versions_unchanged_with_the_reason()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("dl", 2), new EmbeddedTopic("letters.dl.dlt", 1));
        var handled = new Received<OrderPlacedV2>();
        var oldVersion = await harness.ProduceAsync("dl", new OrderPlacedV1(Guid.NewGuid(), "old", 1));
        var unknownType = await harness.ProduceAsync("dl", new AuditEntryV1("nobody handles me"));
        await harness.ProduceAsync("dl", new OrderPlacedV2(Guid.NewGuid(), "new", 2, "EUR"));
        var originals = harness.ReadAll("dl", 2, 3);

        await harness.StartConsumerAsync("letters", consumer => consumer
            .Subscribe("dl", UnknownMessagePolicy.DeadLetter)
            .AddHandler<OrderPlacedV2>(handled.Add));

        var letters = harness.ReadAll("letters.dl.dlt", 1, 2);
        Assert.Equal(2, letters.Count);
        await ConsumerHarness.WaitUntil(() => handled.Count == 1, "the known message is handled");

        foreach (var (produced, reason, exceptionMessage) in new[]
        {
            (oldVersion, "unknown-version", "unknown version of a handled type"),
            (unknownType, "unknown-type", "unknown message type"),
        })
        {
            var letter = Assert.Single(letters, l => l.Header(DeadLetterHeaders.OriginalOffset) == produced.Offset.ToString() && l.Header(DeadLetterHeaders.OriginalPartition) == produced.Partition.ToString());
            var original = originals.Single(o => o.Partition.Value == produced.Partition && o.Offset.Value == produced.Offset);
            Assert.Equal(original.Message.Value, letter.Message.Value);
            Assert.Equal(original.Message.Key, letter.Message.Key);
            Assert.Equal(original.Header("message-id"), letter.Header("message-id"));
            Assert.Equal(reason, letter.Header(DeadLetterHeaders.Reason));
            Assert.Equal("dl", letter.Header(DeadLetterHeaders.OriginalTopic));
            Assert.Equal("letters", letter.Header(DeadLetterHeaders.ConsumerGroup));
            Assert.Equal("0", letter.Header(DeadLetterHeaders.Attempts));
            Assert.Equal(typeof(UnknownMessageException).FullName, letter.Header(DeadLetterHeaders.ExceptionType));
            Assert.Contains(exceptionMessage, letter.Header(DeadLetterHeaders.ExceptionMessage), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Fail_policy_stops_the_consumer_with_UnknownMessageException_and_leaves_the_message_uncommitted()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("strict", 1));
        var handled = new Received<OrderPlacedV2>();
        await harness.ProduceAsync("strict", new OrderPlacedV2(Guid.NewGuid(), "first", 1, "EUR"));
        await harness.ProduceAsync("strict", new OrderPlacedV3(Guid.NewGuid(), "from the future", 2, "EUR", "app"));
        await harness.ProduceAsync("strict", new OrderPlacedV2(Guid.NewGuid(), "after", 3, "EUR"));

        var host = await harness.StartConsumerAsync("strict-group", consumer => consumer
            .Subscribe("strict")
            .AddHandler<OrderPlacedV2>(handled.Add));

        var service = Assert.IsAssignableFrom<BackgroundService>(host.Services.GetServices<IHostedService>().Single());
        await ConsumerHarness.WaitUntil(() => service.ExecuteTask!.IsCompleted, "the consumer stops");
        var error = Assert.IsType<UnknownMessageException>(service.ExecuteTask!.Exception!.InnerException);
        Assert.Equal(("strict-group", "order-placed", 3, true, "strict", 0, 1L), (error.ConsumerGroup, error.MessageType, error.Version, error.IsTypeKnown, error.Topic, error.Partition, error.Offset));
        Assert.Equal(
            "Consumer group 'strict-group' has no handler for message type 'order-placed' version 3 (unknown version of a handled type) at strict[0]@1. Register a handler for it, an upcast from it to a handled version, or set the topic's UnknownMessages policy to Skip or DeadLetter.",
            error.Message);
        Assert.Equal("first", handled.Items.Single().Message.Customer);
        Assert.Equal(1, harness.Committed("strict-group", "strict", 1)[0]);
    }

    [Fact]
    public async Task Poison_messages_go_to_the_dead_letter_topic_with_the_decode_error_and_the_rest_is_handled()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("poisoned", 1), new EmbeddedTopic("antidote.poisoned.dlt", 1));
        var handled = new Received<OrderPlacedV2>();
        var good = new OrderPlacedV2(Guid.NewGuid(), "good", 1, "EUR");
        var valid = AvroSerializer.Serialize(good);
        var truncated = valid.AsSpan(0, valid.Length - 2).ToArray();

        await harness.ProduceRawAsync("poisoned", [1, 2], truncated, ("message-type", "order-placed"), ("message-version", "2"));
        await harness.ProduceRawAsync("poisoned", null, valid);
        await harness.ProduceRawAsync("poisoned", null, "json:{\"type\":\"order-placed\",\"version\":2,\"message\":{\"orderId\":"u8.ToArray());
        await harness.ProduceAsync("poisoned", good);

        await harness.StartConsumerAsync("antidote", consumer => consumer
            .Subscribe("poisoned", UnknownMessagePolicy.Fail)
            .AddHandler<OrderPlacedV2>(handled.Add));

        var letters = harness.ReadAll("antidote.poisoned.dlt", 1, 3);
        await ConsumerHarness.WaitUntil(() => handled.Count == 1, "the good message is handled");
        await ConsumerHarness.WaitUntil(() => harness.Committed("antidote", "poisoned", 1)[0] == 4, "every offset is committed");
        Assert.Equal(good, handled.Items.Single().Message);
        Assert.Equal(3, letters.Count);
        Assert.All(letters, l => Assert.Equal(("undecodable", typeof(ContractDecodeException).FullName, "poisoned", "0"), (l.Header(DeadLetterHeaders.Reason), l.Header(DeadLetterHeaders.ExceptionType), l.Header(DeadLetterHeaders.OriginalTopic), l.Header(DeadLetterHeaders.Attempts))));
        Assert.Equal(["0", "1", "2"], letters.Select(l => l.Header(DeadLetterHeaders.OriginalOffset)));

        var cut = letters[0];
        Assert.Equal(truncated, cut.Message.Value);
        Assert.Equal([1, 2], cut.Message.Key);
        Assert.Equal("order-placed", cut.Header("message-type"));
        Assert.Equal("currency", cut.Header(DeadLetterHeaders.FieldPath));
        Assert.Equal((valid.Length - 4).ToString(), cut.Header(DeadLetterHeaders.ByteOffset)); // where "EUR" (length byte + 3) starts

        Assert.Contains("has no valid 'message-type' and 'message-version' headers", letters[1].Header(DeadLetterHeaders.ExceptionMessage), StringComparison.Ordinal);
        Assert.Equal(valid, letters[1].Message.Value);
        Assert.NotNull(letters[2].Header(DeadLetterHeaders.ByteOffset));
    }
}
