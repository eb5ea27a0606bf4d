using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Avro;
using Contracts.Kafka.Diagnostics;
using Contracts.Kafka.Tests.Consuming;
using Contracts.Kafka.Tests.Support;
using Contracts.Messaging;
using Xunit;

namespace Contracts.Kafka.Tests.Producing;

public sealed class ProducerTelemetryTests
{
    private static readonly ActivitySource Caller = new("Contracts.Kafka.Tests.Caller");

    [Fact]
    public async Task A_send_is_a_producer_span_whose_trace_context_travels_in_the_headers_and_the_consumer_continues_it()
    {
        using var telemetry = new TelemetryRecorder("traced-orders");
        using var callerListener = ListenTo(Caller);
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("traced-orders", 2));
        var topic = new TopicDescriptor("traced-orders", WireFormat.Avro, [OrderPlacedV2.Descriptor]);

        using var request = Caller.StartActivity("handle request")!;
        request.TraceStateString = "vendor=42";
        var sent = await harness.Producer.ProduceAsync(topic, new OrderPlacedV2(Guid.NewGuid(), "awaited", 1, "EUR"));
        var queued = new TaskCompletionSource<ProduceResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Producer.Produce(topic, new OrderPlacedV2(Guid.NewGuid(), "fire-and-forget", 2, "EUR"), queued.SetResult);
        Assert.Same(request, Activity.Current);
        var delivered = await queued.Task.WaitAsync(TimeSpan.FromSeconds(30));
        request.Stop();

        await ConsumerHarness.WaitUntil(() => telemetry.Spans.Count(s => s.Kind == ActivityKind.Producer) == 2, "both send spans ended");
        var sends = telemetry.Spans.Where(s => s.Kind == ActivityKind.Producer).OrderBy(s => (long)s.GetTagItem(MessagingAttributes.KafkaOffset)! + (10 * int.Parse((string)s.GetTagItem(MessagingAttributes.PartitionId)!))).ToList();
        Assert.All(sends, send =>
        {
            Assert.Equal("send traced-orders", send.DisplayName);
            Assert.Equal((request.TraceId, request.SpanId), (send.TraceId, send.ParentSpanId));
            Assert.Equal(ActivityStatusCode.Unset, send.Status);
            Assert.Equal(("kafka", "send", "send", "traced-orders", "order-placed", 2), (
                send.GetTagItem(MessagingAttributes.System), send.GetTagItem(MessagingAttributes.OperationName), send.GetTagItem(MessagingAttributes.OperationType),
                send.GetTagItem(MessagingAttributes.DestinationName), send.GetTagItem(MessagingAttributes.ContractMessageType), send.GetTagItem(MessagingAttributes.ContractMessageVersion)));
        });
        var awaitedSend = sends.Single(s => (string?)s.GetTagItem(MessagingAttributes.MessageId) == sent.MessageId.ToString());
        Assert.Equal((sent.Partition.ToString(), sent.Offset), ((string?)awaitedSend.GetTagItem(MessagingAttributes.PartitionId), (long?)awaitedSend.GetTagItem(MessagingAttributes.KafkaOffset)));
        var queuedSend = sends.Single(s => (string?)s.GetTagItem(MessagingAttributes.MessageId) == delivered.MessageId.ToString());

        // W3C headers on the broker name the send span, so the trace survives however the consumer is built.
        var records = harness.ReadAll("traced-orders", 2, 2);
        foreach (var (record, send) in new[] { (records.Single(r => r.Header("message-id") == sent.MessageId.ToString()), awaitedSend), (records.Single(r => r.Header("message-id") == delivered.MessageId.ToString()), queuedSend) })
        {
            Assert.Equal($"00-{send.TraceId}-{send.SpanId}-01", record.Header(TraceHeaders.TraceParent));
            Assert.Equal("vendor=42", record.Header(TraceHeaders.TraceState));
        }

        var handled = new Received<OrderPlacedV2>();
        await harness.StartConsumerAsync("trace-followers", consumer => consumer.Subscribe("traced-orders").AddHandler<OrderPlacedV2>(handled.Add));
        await ConsumerHarness.WaitUntil(() => telemetry.Spans.Count(s => s.Kind == ActivityKind.Consumer) == 2, "both messages were processed");
        foreach (var process in telemetry.Spans.Where(s => s.Kind == ActivityKind.Consumer))
        {
            var send = (string?)process.GetTagItem(MessagingAttributes.MessageId) == sent.MessageId.ToString() ? awaitedSend : queuedSend;
            Assert.Equal((send.TraceId, send.SpanId), (process.TraceId, process.ParentSpanId));
        }

        var counted = telemetry.Of(KafkaTelemetry.SentMessagesMetric);
        Assert.Equal(2, counted.Sum(m => m.Value));
        Assert.All(counted, m => Assert.Equal(("kafka", "send", "order-placed", false), (m.Tags[MessagingAttributes.System], m.Tags[MessagingAttributes.OperationName], m.Tags[MessagingAttributes.ContractMessageType], m.Tags.ContainsKey(MessagingAttributes.ErrorType))));
        var durations = telemetry.Of(KafkaTelemetry.OperationDurationMetric);
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.True(d.Value > 0, "a send takes time"));
    }

    [Fact]
    public async Task A_failed_send_ends_its_span_in_error_and_is_counted_with_its_error_type()
    {
        using var telemetry = new TelemetryRecorder("denied-orders");
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("denied-orders") } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers, EnableIdempotence = false, MessageTimeoutMs = 2000 });
        var topic = new TopicDescriptor("denied-orders", WireFormat.Avro, [OrderPlacedV2.Descriptor]);
        kafka.SetTopicError("denied-orders", ErrorCode.TopicAuthorizationFailed);

        await Assert.ThrowsAsync<MessageProduceException>(async () => await producer.ProduceAsync(topic, new OrderPlacedV2(Guid.NewGuid(), "awaited", 1, "EUR")));

        // The topic's error is known now, so the fire-and-forget send fails before it is queued.
        Assert.Throws<MessageProduceException>(() => producer.Produce(topic, new OrderPlacedV2(Guid.NewGuid(), "fire-and-forget", 2, "EUR")));

        await ConsumerHarness.WaitUntil(() => telemetry.Spans.Count == 2 && telemetry.Of(KafkaTelemetry.SentMessagesMetric).Count == 2, "both failures are recorded");
        Assert.All(telemetry.Spans, span =>
        {
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.Equal(nameof(ErrorCode.TopicAuthorizationFailed), span.GetTagItem(MessagingAttributes.ErrorType));
        });
        Assert.All(telemetry.Of(KafkaTelemetry.SentMessagesMetric), m => Assert.Equal(nameof(ErrorCode.TopicAuthorizationFailed), m.Tags[MessagingAttributes.ErrorType]));
        Assert.All(telemetry.Of(KafkaTelemetry.OperationDurationMetric), m => Assert.Equal(nameof(ErrorCode.TopicAuthorizationFailed), m.Tags[MessagingAttributes.ErrorType]));
    }

    [Fact]
    public async Task Without_listeners_or_an_ambient_activity_a_send_writes_no_trace_headers()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("untraced-orders") } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers });
        var topic = new TopicDescriptor("untraced-orders", WireFormat.Avro, [OrderPlacedV2.Descriptor]);
        Activity.Current = null;

        await producer.ProduceAsync(topic, new OrderPlacedV2(Guid.NewGuid(), "quiet", 1, "EUR"));

        var record = Assert.Single(RawTopicReader.ReadAll(kafka.BootstrapServers, "untraced-orders", 1, 1));
        Assert.Equal(["message-type", "message-version", "message-id"], record.Message.Headers.Select(h => h.Key));
    }

    [Fact]
    public async Task Fire_and_forget_sends_with_and_without_an_ambient_activity_each_carry_only_their_own_headers()
    {
        // Untraced fire-and-forget sends reuse one record per thread: a traced send in between must not leave its trace
        // headers in it, nor take the untraced sends' message ids.
        using var callerListener = ListenTo(Caller);
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("mixed-trace-orders") } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers });
        var topic = new TopicDescriptor("mixed-trace-orders", WireFormat.Avro, [OrderPlacedV2.Descriptor]);
        Activity.Current = null;
        var ids = new Guid[4];

        producer.Produce(topic, new OrderPlacedV2(Guid.NewGuid(), "untraced-1", 1, "EUR"), r => ids[0] = r.MessageId);
        string traceParent;
        using (var request = Caller.StartActivity("handle request")!)
        {
            traceParent = $"00-{request.TraceId}-{request.SpanId}-01";
            producer.Produce(topic, new OrderPlacedV2(Guid.NewGuid(), "traced", 2, "EUR"), r => ids[1] = r.MessageId);
        }

        producer.Produce(topic, new OrderPlacedV2(Guid.NewGuid(), "untraced-2", 3, "EUR"), r => ids[2] = r.MessageId);
        producer.Produce(topic, new OrderPlacedV2(Guid.NewGuid(), "untraced-3", 4, "EUR"), r => ids[3] = r.MessageId);
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));

        var records = RawTopicReader.ReadAll(kafka.BootstrapServers, "mixed-trace-orders", 1, 4);
        Assert.Equal(["untraced-1", "traced", "untraced-2", "untraced-3"], records.Select(r => AvroSerializer.Deserialize<OrderPlacedV2>(r.Message.Value).Customer));
        Assert.Equal(ids.Select(id => id.ToString("D")), records.Select(r => r.Header(MessageHeaders.MessageId)));
        Assert.Equal(4, ids.Distinct().Count());
        Assert.Equal(traceParent, records[1].Header(TraceHeaders.TraceParent));
        foreach (var untraced in new[] { records[0], records[2], records[3] })
        {
            Assert.Equal(["message-type", "message-version", "message-id"], untraced.Message.Headers.Select(h => h.Key));
        }
    }

    [Fact]
    public async Task An_ambient_activity_is_propagated_even_when_Contracts_spans_are_not_collected()
    {
        using var callerListener = ListenTo(Caller);
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("ambient-orders") } });
        await using var producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers });
        var topic = new TopicDescriptor("ambient-orders", WireFormat.Avro, [OrderPlacedV2.Descriptor]);

        using (var request = Caller.StartActivity("handle request")!)
        {
            await producer.ProduceAsync(topic, new OrderPlacedV2(Guid.NewGuid(), "ambient", 1, "EUR"));
            var record = Assert.Single(RawTopicReader.ReadAll(kafka.BootstrapServers, "ambient-orders", 1, 1));
            Assert.Equal($"00-{request.TraceId}-{request.SpanId}-01", record.Header(TraceHeaders.TraceParent));
        }
    }

    private static ActivityListener ListenTo(ActivitySource source)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = candidate => ReferenceEquals(candidate, source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
