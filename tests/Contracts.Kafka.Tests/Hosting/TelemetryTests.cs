using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Kafka.Diagnostics;
using Contracts.Kafka.Tests.Consuming;
using Contracts.Kafka.Tests.Support;
using Xunit;

namespace Contracts.Kafka.Tests.Hosting;

public sealed class TelemetryTests
{
    private const string Group = "observed";

    [Fact]
    public async Task Handling_emits_consumer_spans_and_messaging_metrics_named_per_OpenTelemetry_conventions()
    {
        using var telemetry = new TelemetryRecorder("traced", "observed.traced.dlt");
        var measurements = telemetry.Measurements;

        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("traced", 1), new EmbeddedTopic("observed.traced.dlt", 1));
        var traceId = ActivityTraceId.CreateRandom();
        var parentSpan = ActivitySpanId.CreateRandom();
        await harness.ProduceRawAsync(
            "traced",
            null,
            Avro.AvroSerializer.Serialize(new OrderPlacedV2(Guid.NewGuid(), "traced", 1, "EUR")),
            ("message-type", "order-placed"),
            ("message-version", "2"),
            ("message-id", "id-1"),
            ("traceparent", $"00-{traceId}-{parentSpan}-01"));
        await harness.ProduceAsync("traced", new OrderPlacedV2(Guid.NewGuid(), "plain", 2, "EUR"));
        await harness.ProduceAsync("traced", new OrderPlacedV2(Guid.NewGuid(), "fails", 3, "EUR"));

        var handled = new Received<OrderPlacedV2>();
        await harness.StartConsumerAsync(Group, consumer => consumer
            .Subscribe("traced")
            .AddHandler<OrderPlacedV2>((order, context, token) =>
                order.Customer == "fails" ? throw new InvalidOperationException("no") : handled.Add(order, context, token)));

        await ConsumerHarness.WaitUntil(() => Processed().Count == 3 && measurements.Any(m => m.Instrument == KafkaTelemetry.FailedMessagesMetric), "three spans and the failure are recorded");

        var spans = Processed().OrderBy(a => (long)a.GetTagItem(MessagingAttributes.KafkaOffset)!).ToList();
        Assert.All(spans, span =>
        {
            Assert.Equal(("process traced", ActivityKind.Consumer), (span.DisplayName, span.Kind));
            Assert.Equal("kafka", span.GetTagItem(MessagingAttributes.System));
            Assert.Equal("traced", span.GetTagItem(MessagingAttributes.DestinationName));
            Assert.Equal("process", span.GetTagItem(MessagingAttributes.OperationType));
            Assert.Equal("0", span.GetTagItem(MessagingAttributes.PartitionId));
            Assert.Equal("order-placed", span.GetTagItem(MessagingAttributes.ContractMessageType));
        });
        Assert.Equal((traceId, parentSpan), (spans[0].TraceId, spans[0].ParentSpanId));
        Assert.Equal("id-1", spans[0].GetTagItem(MessagingAttributes.MessageId));
        Assert.NotEqual(traceId, spans[1].TraceId);
        Assert.Equal(ActivityStatusCode.Error, spans[2].Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, spans[2].GetTagItem(MessagingAttributes.ErrorType));

        var consumed = measurements.Where(m => m.Instrument == KafkaTelemetry.ConsumedMessagesMetric).ToList();
        Assert.Equal(2, consumed.Sum(m => m.Value));
        Assert.All(consumed, m => Assert.Equal(("kafka", "traced", "process"), ((string?)m.Tags[MessagingAttributes.System], (string?)m.Tags[MessagingAttributes.DestinationName], (string?)m.Tags[MessagingAttributes.OperationName])));
        var durations = measurements.Where(m => m.Instrument == KafkaTelemetry.ProcessDurationMetric).ToList();
        Assert.Equal(3, durations.Count);
        Assert.Single(durations, d => Equals(d.Tags.GetValueOrDefault(MessagingAttributes.ErrorType), typeof(InvalidOperationException).FullName));
        var failed = Assert.Single(measurements, m => m.Instrument == KafkaTelemetry.FailedMessagesMetric);
        Assert.Equal("dead_lettered", failed.Tags[MessagingAttributes.Outcome]);
        // The forward to the dead-letter topic is a send of the group's (the test's own sends to "traced" carry no group).
        var sent = Assert.Single(measurements, m => m.Instrument == KafkaTelemetry.SentMessagesMetric && m.Tags.ContainsKey(MessagingAttributes.ConsumerGroup));
        Assert.Equal(("observed.traced.dlt", Group), (sent.Tags[MessagingAttributes.DestinationName], sent.Tags[MessagingAttributes.ConsumerGroup]));

        // The lag gauge reports each assigned partition; everything was read, so it reaches 0.
        await ConsumerHarness.WaitUntil(
            () =>
            {
                telemetry.RecordObservableInstruments();
                return measurements.Any(m => m.Instrument == KafkaTelemetry.ConsumerLagMetric && m.Value == 0 && Equals(m.Tags[MessagingAttributes.PartitionId], "0"));
            },
            "the lag gauge reports partition 0 caught up");

        List<Activity> Processed() => telemetry.Spans.Where(s => s.Kind == ActivityKind.Consumer).ToList();
    }
}
