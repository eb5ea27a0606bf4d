using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Contracts.Avro;
using Contracts.Kafka.Consuming;
using Contracts.Messaging;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

/// <summary>A group that polls librdkafka directly hands its handlers the same messages and contexts as one that uses Confluent.Kafka's <c>Consume</c>.</summary>
public sealed class DirectConsumeGroupTests
{
    [Fact]
    public async Task Handlers_see_the_same_messages_and_contexts_on_both_ways_of_polling()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("notes", 2));
        var orderId = Guid.NewGuid();
        await harness.ProduceAsync("notes", new OrderPlacedV1(orderId, "Zoë", 3));
        await harness.ProduceAsync("notes", new AuditEntryV1("keyless"), WireFormat.JsonEnvelope);
        await harness.ProduceRawAsync(
            "notes",
            key: [],
            AvroSerializer.Serialize(new AuditEntryV1("raw")),
            ("trace", "abc"),
            (MessageHeaders.MessageType, "audit-entry"),
            (MessageHeaders.MessageVersion, "1"),
            (MessageHeaders.MessageType, "audit-entry"));

        string Describe(MessageContext context) => string.Join(
            ' ',
            context.Topic,
            context.Partition,
            context.Offset,
            context.Timestamp.ToUnixTimeMilliseconds(),
            context.Key is { } key ? Convert.ToHexString(key.Span) : "no key",
            context.MessageType,
            context.Version,
            context.Attempt,
            context.MessageId ?? "no id",
            string.Join(',', context.Headers.Select(h => h.Key + "=" + Encoding.UTF8.GetString(h.GetValueBytes()))));

        var seen = new string[2][];
        foreach (var direct in new[] { true, false })
        {
            var orders = new Received<OrderPlacedV1>();
            var audits = new Received<AuditEntryV1>();
            await harness.StartConsumerAsync(
                direct ? "direct" : "confluent",
                consumer => consumer
                    .Configure(options => options.DirectConsume = direct)
                    .Subscribe("notes")
                    .AddHandler<OrderPlacedV1>(orders.Add)
                    .AddHandler<AuditEntryV1>(audits.Add));
            await ConsumerHarness.WaitUntil(() => orders.Count == 1 && audits.Count == 2, "every message is handled");

            Assert.Equal(new OrderPlacedV1(orderId, "Zoë", 3), Assert.Single(orders.Items).Message);
            Assert.Equal(["keyless", "raw"], audits.Items.Select(i => i.Message.Text).Order());
            Assert.Null(Assert.Single(audits.Items, i => i.Message.Text == "keyless").Context.Key);
            Assert.Equal(0, Assert.Single(audits.Items, i => i.Message.Text == "raw").Context.Key!.Value.Length);
            seen[direct ? 0 : 1] = [.. orders.Items.Select(i => Describe(i.Context)).Concat(audits.Items.Select(i => Describe(i.Context))).Order()];
        }

        Assert.Equal(seen[1], seen[0]);
    }
}
