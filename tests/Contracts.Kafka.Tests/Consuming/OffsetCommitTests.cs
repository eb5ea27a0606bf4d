using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

public sealed class OffsetCommitTests
{
    [Fact]
    public async Task A_handler_blocked_on_one_partition_does_not_hold_back_the_commit_of_messages_handled_before_it()
    {
        const int Total = 40;
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("ledger", 2));
        for (var i = 0; i < Total; i++)
        {
            await harness.ProduceAsync("ledger", new OrderPlacedV2(Guid.NewGuid(), "c", i, "EUR"));
        }

        // Blocks on the first message that finds both partitions handled before it, one of them its own partition:
        // the work done before it then spans another partition and earlier offsets of the blocked one.
        var handled = new ConcurrentQueue<(int Partition, long Offset)>();
        var blocked = new TaskCompletionSource<(int Partition, long Offset)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await harness.StartConsumerAsync("bookkeepers", consumer => consumer
            .Subscribe("ledger")
            .AddHandler<OrderPlacedV2>(async (_, context, cancellationToken) =>
            {
                var seen = handled.Select(h => h.Partition).Distinct().ToList();
                if (!blocked.Task.IsCompleted && seen.Count == 2 && seen.Contains(context.Partition))
                {
                    blocked.SetResult((context.Partition, context.Offset));
                    await release.Task.WaitAsync(cancellationToken);
                }

                handled.Enqueue((context.Partition, context.Offset));
            }));

        var (blockedPartition, blockedOffset) = await blocked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var before = handled.ToList();
        var expected = new long[2];
        foreach (var (partition, offset) in before)
        {
            expected[partition] = Math.Max(expected[partition], offset + 1);
        }

        Assert.True(expected[blockedPartition] > 0, "the blocked partition had messages handled before the blocked one");
        Assert.Equal(blockedOffset, expected[blockedPartition]);

        // While the handler still blocks: everything handled is committed, and nothing from the blocked message on.
        await ConsumerHarness.WaitUntil(
            () => harness.Committed("bookkeepers", "ledger", 2).SequenceEqual(expected),
            $"offsets {string.Join(", ", expected)} are committed while the handler blocks");
        Assert.False(release.Task.IsCompleted);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(expected, harness.Committed("bookkeepers", "ledger", 2));

        release.SetResult();
        await ConsumerHarness.WaitUntil(() => handled.Count == Total, "every message is handled");
        var ends = Enumerable.Range(0, 2).Select(p => handled.Where(h => h.Partition == p).Select(h => h.Offset + 1).DefaultIfEmpty(0).Max()).ToArray();
        await ConsumerHarness.WaitUntil(() => harness.Committed("bookkeepers", "ledger", 2).SequenceEqual(ends), "the rest is committed once the handler returns");
        Assert.Equal(Total, handled.Distinct().Count());
        Assert.Equal(Total, ends.Sum());
    }
}
