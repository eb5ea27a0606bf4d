using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.DeadLetters;
using Xunit;

namespace Contracts.Kafka.Tests.Retries;

/// <summary>
/// <see cref="MessageForwarder.ForwardAllAsync"/> against a producer whose acknowledgements the test releases: a failed
/// batch is produced whole, in order, before any acknowledgement, and the call completes only when all are in.
/// </summary>
public sealed class MessageForwarderTests
{
    [Fact]
    public async Task A_batch_is_produced_in_order_before_any_acknowledgement_and_completes_when_the_last_arrives()
    {
        var producer = AcknowledgingProducer.Create();
        using var forwarder = new MessageForwarder(producer, "billing");
        var batch = Batch(4);

        var forwarded = forwarder.ForwardAllAsync(batch, CancellationToken.None);

        var sent = AcknowledgingProducer.Of(producer).Sent;
        Assert.Equal(batch.Select(m => (m.Topic, m.Original.Offset)), sent.Select(s => (s.Topic, Offset(s.Message))));
        Assert.All(sent, s => Assert.Equal("2", Header(s.Message, "retry-attempt")));

        // Acknowledged out of order: the call waits for every one of them.
        foreach (var index in new[] { 3, 0, 2 })
        {
            sent[index].Acknowledge(null);
            await Task.Yield();
            Assert.False(forwarded.IsCompleted);
        }

        sent[1].Acknowledge(null);
        await forwarded.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_refused_forward_fails_the_batch_even_when_the_others_are_acknowledged()
    {
        var producer = AcknowledgingProducer.Create();
        using var forwarder = new MessageForwarder(producer, "billing");

        var forwarded = forwarder.ForwardAllAsync(Batch(3), CancellationToken.None);
        var sent = AcknowledgingProducer.Of(producer).Sent;
        sent[0].Acknowledge(null);
        sent[1].Acknowledge(new ProduceException<byte[]?, byte[]?>(new Error(ErrorCode.Local_MsgTimedOut), new DeliveryResult<byte[]?, byte[]?>()));
        sent[2].Acknowledge(null);

        await Assert.ThrowsAsync<ProduceException<byte[]?, byte[]?>>(() => forwarded.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_forward_refused_at_once_stops_the_rest_of_the_batch_from_overtaking_it()
    {
        var producer = AcknowledgingProducer.Create();
        AcknowledgingProducer.Of(producer).RefuseAfter = 2;
        using var forwarder = new MessageForwarder(producer, "billing");

        var forwarded = forwarder.ForwardAllAsync(Batch(4), CancellationToken.None);
        var sent = AcknowledgingProducer.Of(producer).Sent;
        Assert.Equal(2, sent.Count);
        sent[0].Acknowledge(null);
        sent[1].Acknowledge(null);

        await Assert.ThrowsAsync<KafkaException>(() => forwarded.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task An_empty_batch_completes_at_once()
    {
        var producer = AcknowledgingProducer.Create();
        using var forwarder = new MessageForwarder(producer, "billing");

        await forwarder.ForwardAllAsync([], CancellationToken.None);

        Assert.Empty(AcknowledgingProducer.Of(producer).Sent);
    }

    private static List<ForwardedMessage> Batch(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ForwardedMessage(
            "billing.orders.retry.1",
            ConsumedRecord.From(new ConsumeResult<byte[]?, byte[]?>
            {
                Topic = "orders",
                Offset = 10 + i,
                Message = new Message<byte[]?, byte[]?> { Key = [(byte)i], Value = [(byte)(10 + i)], Headers = [] },
            }),
            [new("retry-attempt", "2")]))];

    private static long Offset(Message<byte[]?, byte[]?> message) => message.Value![0];

    private static string Header(Message<byte[]?, byte[]?> message, string name) =>
        System.Text.Encoding.UTF8.GetString(message.Headers.GetLastBytes(name));

    internal sealed record SentMessage(string Topic, Message<byte[]?, byte[]?> Message, TaskCompletionSource<DeliveryResult<byte[]?, byte[]?>> Ack)
    {
        public void Acknowledge(Exception? error)
        {
            if (error is null)
            {
                Ack.SetResult(new DeliveryResult<byte[]?, byte[]?> { Topic = Topic, Message = Message });
            }
            else
            {
                Ack.SetException(error);
            }
        }
    }

    /// <summary>An <see cref="IProducer{TKey, TValue}"/> that records each produce and acknowledges when the test says.</summary>
    public class AcknowledgingProducer : DispatchProxy
    {
        internal List<SentMessage> Sent { get; } = [];

        internal int RefuseAfter { get; set; } = int.MaxValue;

        public static IProducer<byte[]?, byte[]?> Create() => Create<IProducer<byte[]?, byte[]?>, AcknowledgingProducer>();

        internal static AcknowledgingProducer Of(IProducer<byte[]?, byte[]?> producer) => (AcknowledgingProducer)(object)producer;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case nameof(IProducer<byte[], byte[]>.ProduceAsync) when args![0] is string topic:
                    if (Sent.Count >= RefuseAfter)
                    {
                        throw new KafkaException(ErrorCode.Local_QueueFull);
                    }

                    var sent = new SentMessage(topic, (Message<byte[]?, byte[]?>)args[1]!, new TaskCompletionSource<DeliveryResult<byte[]?, byte[]?>>(TaskCreationOptions.RunContinuationsAsynchronously));
                    Sent.Add(sent);
                    return sent.Ack.Task;
                case nameof(IProducer<byte[], byte[]>.Flush):
                    return 0;
                case nameof(IDisposable.Dispose):
                    return null;
                default:
                    throw new NotSupportedException(targetMethod?.Name + " is not used by the forwarder");
            }
        }
    }
}
