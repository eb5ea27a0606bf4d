using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.DeadLetters;
using Contracts.Kafka.Retries;
using Contracts.Kafka.Tests.Consuming;
using Contracts.Kafka.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Contracts.Kafka.Tests.Retries;

public sealed class BatchRetryTests
{
    private const int Messages = 12;

    [Fact]
    public async Task Blocking_a_failed_batch_is_handed_over_again_whole_after_the_backoff_and_nothing_behind_it_overtakes()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("parcels", 2));
        var clock = new ManualClock();
        var calls = new BatchCalls((_, contexts) => contexts.Any(c => c.Sequence == 2) && contexts[0].Attempt < 3);
        var produced = await ProduceShipments(harness, "parcels");

        await StartBatchConsumer(harness, "dispatch", "parcels", new RetryOptions { Mode = RetryMode.Blocking, MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(200) }, calls, clock);

        await ConsumerHarness.WaitUntil(
            () =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(50));
                return calls.Succeeded.Sum(c => c.Messages.Count) >= Messages;
            },
            "every shipment is handled as time passes");

        var withPoison = calls.All.Where(c => c.Messages.Any(m => m.Sequence == 2)).ToList();
        Assert.Equal([true, true, false], withPoison.Select(c => c.Failed));
        Assert.Equal([1, 2, 3], withPoison.Select(c => Assert.Single(c.Messages.Select(m => m.Attempt).Distinct())));
        Assert.All(withPoison, call => Assert.Equal(withPoison[0].Messages.Select(m => (m.Partition, m.Offset)), call.Messages.Select(m => (m.Partition, m.Offset))));

        // Every shipment was handled once, and per partition in offset order: nothing behind the held batch went first.
        var succeeded = calls.Succeeded.SelectMany(c => c.Messages).ToList();
        Assert.Equal(produced.Keys.Order(), succeeded.Select(m => m.Sequence).Order());
        foreach (var partition in succeeded.GroupBy(m => m.Partition))
        {
            Assert.Equal(partition.Select(m => m.Offset).Order(), partition.Select(m => m.Offset));
        }

        await ConsumerHarness.WaitUntil(
            () => harness.Committed("dispatch", "parcels", 2).SequenceEqual(produced.Values.GroupBy(p => p.Partition).OrderBy(g => g.Key).Select(g => g.Max(p => p.Offset) + 1)),
            "both partitions are committed to the end");
    }

    [Fact]
    public async Task Non_blocking_every_message_of_a_failed_batch_goes_to_the_retry_topic_and_on_its_last_attempt_to_the_dead_letter_topic()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("crates", 2));
        var calls = new BatchCalls((topic, contexts) => topic != "crates" || contexts.Any(c => c.Sequence == 2));
        var produced = await ProduceShipments(harness, "crates");

        await StartBatchConsumer(harness, "packing", "crates", new RetryOptions { Mode = RetryMode.NonBlocking, MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(100) }, calls, TimeProvider.System);

        await ConsumerHarness.WaitUntil(() => calls.All.Any(c => c.Failed && c.Topic == "crates"), "the batch with shipment 2 failed");
        var failed = calls.All.Single(c => c.Failed && c.Topic == "crates").Messages.Select(m => (m.Partition, m.Offset)).Order().ToList();

        var retried = harness.ReadAll("packing.crates.retry.1", 2, failed.Count);
        Assert.Equal(failed, retried.Select(r => (int.Parse(r.Header(RetryHeaders.OriginalPartition)!), long.Parse(r.Header(RetryHeaders.OriginalOffset)!))).Order());
        Assert.All(retried, r => Assert.Equal("2", r.Header(RetryHeaders.Attempt)));

        var letters = harness.ReadAll("packing.crates.dlt", 2, failed.Count);
        Assert.Equal(failed, letters.Select(l => (int.Parse(l.Header(DeadLetterHeaders.OriginalPartition)!), long.Parse(l.Header(DeadLetterHeaders.OriginalOffset)!))).Order());
        Assert.All(letters, l => Assert.Equal(("retries-exhausted", "2"), (l.Header(DeadLetterHeaders.Reason), l.Header(DeadLetterHeaders.Attempts))));
        Assert.All(calls.All.Where(c => c.Topic != "crates").SelectMany(c => c.Messages), m => Assert.Equal(2, m.Attempt));

        // The rest was handled once, on the main topic.
        var succeeded = calls.Succeeded.SelectMany(c => c.Messages).Select(m => (m.Partition, m.Offset)).Order();
        Assert.Equal(produced.Values.Select(p => (p.Partition, p.Offset)).Except(failed).Order(), succeeded);
        await ConsumerHarness.WaitUntil(
            () => harness.Committed("packing", "crates", 2).SequenceEqual(produced.Values.GroupBy(p => p.Partition).OrderBy(g => g.Key).Select(g => g.Max(p => p.Offset) + 1)),
            "the main topic is committed to the end");
    }

    [Fact]
    public async Task Non_blocking_failed_batches_reach_the_retry_topic_whole_and_in_order_and_are_committed_after_it()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("pallets", 2));
        var calls = new BatchCalls((topic, _) => topic == "pallets");
        var produced = await ProduceShipments(harness, "pallets");

        await StartBatchConsumer(harness, "loading", "pallets", new RetryOptions { Mode = RetryMode.NonBlocking, MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(100) }, calls, TimeProvider.System);

        // Every batch read from the main topic fails: all of its several messages go to the retry topic together.
        await ConsumerHarness.WaitUntil(() => calls.Succeeded.Sum(c => c.Messages.Count) >= Messages, "every shipment is handled from the retry topic");
        Assert.All(calls.All.Where(c => c.Topic == "pallets"), call => Assert.True(call.Failed));
        Assert.Contains(calls.All, call => call.Topic == "pallets" && call.Messages.Count > 1);

        var retried = harness.ReadAll("loading.pallets.retry.1", 2, Messages);
        Assert.Equal(produced.Values.Order(), retried.Select(r => (int.Parse(r.Header(RetryHeaders.OriginalPartition)!), long.Parse(r.Header(RetryHeaders.OriginalOffset)!))).Order());
        AssertInOriginalOrder(retried, RetryHeaders.OriginalPartition, RetryHeaders.OriginalOffset);

        var handled = calls.Succeeded.SelectMany(c => c.Messages).ToList();
        Assert.Equal(produced.Keys.Order(), handled.Select(m => m.Sequence).Order());
        Assert.All(handled, m => Assert.Equal(2, m.Attempt));
        await ConsumerHarness.WaitUntil(
            () => harness.Committed("loading", "pallets", 2).SequenceEqual(produced.Values.GroupBy(p => p.Partition).OrderBy(g => g.Key).Select(g => g.Max(p => p.Offset) + 1)),
            "the main topic is committed to the end once its batches were forwarded");
    }

    [Fact]
    public async Task Without_retries_every_message_of_a_failed_batch_is_dead_lettered_in_order_and_committed_after()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("boxes", 2));
        var calls = new BatchCalls((_, _) => true);
        var produced = await ProduceShipments(harness, "boxes");

        await StartBatchConsumer(harness, "sorting", "boxes", new RetryOptions { Mode = RetryMode.None }, calls, TimeProvider.System);

        var letters = harness.ReadAll("sorting.boxes.dlt", 2, Messages);
        Assert.Contains(calls.All, call => call.Messages.Count > 1);
        Assert.Equal(produced.Values.Order(), letters.Select(l => (int.Parse(l.Header(DeadLetterHeaders.OriginalPartition)!), long.Parse(l.Header(DeadLetterHeaders.OriginalOffset)!))).Order());
        Assert.All(letters, l => Assert.Equal(("handler-failed", "1"), (l.Header(DeadLetterHeaders.Reason), l.Header(DeadLetterHeaders.Attempts))));
        AssertInOriginalOrder(letters, DeadLetterHeaders.OriginalPartition, DeadLetterHeaders.OriginalOffset);
        await ConsumerHarness.WaitUntil(
            () => harness.Committed("sorting", "boxes", 2).SequenceEqual(produced.Values.GroupBy(p => p.Partition).OrderBy(g => g.Key).Select(g => g.Max(p => p.Offset) + 1)),
            "the topic is committed to the end once its batches were dead-lettered");
    }

    /// <summary>Within each partition of a forward topic, the messages of one original partition keep their offset order.</summary>
    private static void AssertInOriginalOrder(IEnumerable<Confluent.Kafka.ConsumeResult<byte[]?, byte[]?>> forwarded, string partitionHeader, string offsetHeader)
    {
        foreach (var partition in forwarded.GroupBy(r => r.Partition.Value))
        {
            foreach (var origin in partition.GroupBy(r => r.Header(partitionHeader)))
            {
                var offsets = origin.Select(r => long.Parse(r.Header(offsetHeader)!)).ToList();
                Assert.Equal(offsets.Order(), offsets);
            }
        }
    }

    private static Task StartBatchConsumer(ConsumerHarness harness, string group, string topic, RetryOptions retry, BatchCalls calls, TimeProvider clock) =>
        harness.StartConsumerAsync(
            group,
            consumer => consumer
                .Subscribe(topic)
                .Configure(options =>
                {
                    options.MaxBatchSize = 4;
                    options.Retry = retry;
                })
                .AddBatchHandler<ShipmentV1, RecordingShipmentBatchHandler>(),
            services => services.AddSingleton(calls).AddSingleton(clock));

    private static async Task<Dictionary<int, (int Partition, long Offset)>> ProduceShipments(ConsumerHarness harness, string topic)
    {
        var produced = new Dictionary<int, (int Partition, long Offset)>();
        for (var sequence = 1; sequence <= Messages; sequence++)
        {
            var result = await harness.ProduceAsync(topic, new ShipmentV1(Guid.NewGuid(), sequence));
            produced[sequence] = (result.Partition, result.Offset);
        }

        Assert.Equal(2, produced.Values.Select(p => p.Partition).Distinct().Count());
        return produced;
    }
}

internal sealed record ShipmentSeen(int Sequence, int Partition, long Offset, int Attempt);

internal sealed record BatchCall(string Topic, IReadOnlyList<ShipmentSeen> Messages, bool Failed);

/// <summary>Every batch handler call, and which to fail: by the topic read and what the batch holds.</summary>
internal sealed class BatchCalls(Func<string, IReadOnlyList<ShipmentSeen>, bool> shouldFail)
{
    private readonly ConcurrentQueue<BatchCall> _calls = new();

    public IReadOnlyList<BatchCall> All => [.. _calls];

    public IReadOnlyList<BatchCall> Succeeded => [.. _calls.Where(c => !c.Failed)];

    public bool Record(string topic, IReadOnlyList<ShipmentSeen> messages)
    {
        var fail = shouldFail(topic, messages);
        _calls.Enqueue(new BatchCall(topic, messages, fail));
        return fail;
    }
}

internal sealed class RecordingShipmentBatchHandler(BatchCalls calls) : IBatchMessageHandler<ShipmentV1>
{
    public ValueTask HandleAsync(IReadOnlyList<ShipmentV1> messages, IReadOnlyList<MessageContext> contexts, CancellationToken cancellationToken)
    {
        var seen = messages.Select((m, i) => new ShipmentSeen(m.Sequence, (int)Original(contexts[i], RetryHeaders.OriginalPartition, contexts[i].Partition), Original(contexts[i], RetryHeaders.OriginalOffset, contexts[i].Offset), contexts[i].Attempt)).ToList();
        return calls.Record(contexts[0].Topic, seen) ? throw new InvalidOperationException("the carrier is down") : ValueTask.CompletedTask;
    }

    // On a retry topic, where the message first was: tests compare batches by their original place.
    private static long Original(MessageContext context, string header, long here) =>
        context.Headers?.TryGetLastBytes(header, out var bytes) == true ? long.Parse(System.Text.Encoding.UTF8.GetString(bytes)) : here;
}
