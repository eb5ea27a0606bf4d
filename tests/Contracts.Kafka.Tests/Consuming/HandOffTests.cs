using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Hosting;
using Contracts.Kafka.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

/// <summary>
/// A group consumes on one thread and handles on another, with up to a few hundred consumed messages waiting in
/// between. Those waiting messages must never be handled by a consumer that no longer owns their partition, nor be
/// lost when the group stops or rebalances.
/// </summary>
public sealed class HandOffTests
{
    [Fact]
    public async Task A_member_handles_nothing_of_a_revoked_partition_that_waited_in_its_queue_and_nothing_is_lost()
    {
        const int Partitions = 4;
        const int Total = 1200;
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("handoff", Partitions));
        await ProduceShipmentsAsync(harness, "handoff", Total, keys: 16);

        var log = new RebalanceLog();
        Action<ConsumerGroupBuilder> member(string name) => consumer => consumer
            .Subscribe("handoff")
            .AddHandler<ShipmentV1>(async (_, context, cancellationToken) =>
            {
                // Slow enough that the hand-off queue is full of every partition's messages when the rebalance comes.
                await Task.Delay(2, cancellationToken);
                log.Handled(name, context.Partition, context.Offset);
            });
        Action<IServiceCollection> logTo(string name) => services => services.AddLogging(logging => logging.AddProvider(log.ProviderFor(name)));

        await harness.StartConsumerAsync("movers", member("first"), logTo("first"));
        await ConsumerHarness.WaitUntil(() => log.Events.Count(e => e.Kind == RebalanceLog.EventKind.Handled) >= 150, "the first member handled 150 messages");
        await harness.StartConsumerAsync("movers", member("second"), logTo("second"));
        await ConsumerHarness.WaitUntil(
            () => log.Events.Where(e => e.Kind == RebalanceLog.EventKind.Handled).Select(e => (e.Partitions[0], e.Offset)).Distinct().Count() == Total,
            "every message is handled",
            TimeSpan.FromSeconds(60));

        var events = log.Events.OrderBy(e => e.Order).ToList();
        var revocations = events.Where(e => e.Kind == RebalanceLog.EventKind.Revoked).ToList();
        Assert.NotEmpty(revocations);
        Assert.Contains(events, e => e.Kind == RebalanceLog.EventKind.Handled && e.Member == "second");

        // The rebalance shares the partitions: the first member lives through it (a commit the coordinator refuses
        // during the rebalance is logged, not fatal) and goes on handling what it was given back.
        Assert.Contains(events, e => e.Kind == RebalanceLog.EventKind.Handled && e.Member == "first" && e.Order > revocations[0].Order);
        foreach (var revoked in revocations)
        {
            foreach (var partition in revoked.Partitions)
            {
                // The revocation is logged once the message in the handler's hands is done: from then on what waited in
                // the queue is dropped, until the partition is assigned to this member again.
                var reassigned = events.FirstOrDefault(e => e.Order > revoked.Order && e.Member == revoked.Member && e.Kind == RebalanceLog.EventKind.Assigned && e.Partitions.Contains(partition))?.Order ?? long.MaxValue;
                var handledAfter = events.Count(e => e.Kind == RebalanceLog.EventKind.Handled && e.Member == revoked.Member && e.Partitions[0] == partition && e.Order > revoked.Order && e.Order < reassigned);
                Assert.True(handledAfter == 0, $"{revoked.Member} handled {handledAfter} messages of partition {partition} after it was revoked");
            }
        }

        foreach (var byMember in events.Where(e => e.Kind == RebalanceLog.EventKind.Handled).GroupBy(e => (e.Member, e.Partitions[0])))
        {
            // Within one owner's hold of a partition, strictly in offset order; it may start over from the last commit
            // when the partition comes back to it.
            var offsets = byMember.Select(e => e.Offset).ToList();
            for (var i = 1; i < offsets.Count; i++)
            {
                Assert.True(offsets[i] == offsets[i - 1] + 1 || offsets[i] <= offsets[i - 1], $"{byMember.Key.Member} skipped from {offsets[i - 1]} to {offsets[i]} on partition {byMember.Key.Item2}");
            }
        }
    }

    [Fact]
    public async Task Stopping_with_a_full_hand_off_queue_commits_exactly_what_was_handled_and_a_restart_handles_the_rest_once()
    {
        const int Partitions = 2;
        const int Total = 900;
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("backlog", Partitions));
        await ProduceShipmentsAsync(harness, "backlog", Total, keys: 8);

        var firstRun = new ConcurrentQueue<(int Partition, long Offset)>();
        var first = await harness.StartConsumerAsync("draining", consumer => consumer
            .Subscribe("backlog")
            .Configure(options => options.CommitInterval = TimeSpan.FromMinutes(5))
            .AddHandler<ShipmentV1>(async (_, context, cancellationToken) =>
            {
                await Task.Delay(2, cancellationToken);
                firstRun.Enqueue((context.Partition, context.Offset));
            }));
        await ConsumerHarness.WaitUntil(() => firstRun.Count >= 100, "100 messages are handled");
        await first.StopAsync();
        Assert.InRange(firstRun.Count, 100, Total - 300);

        // Neither the periodic commit (5 minutes) nor anything consumed and not handled: exactly the handled ones.
        var committed = harness.Committed("draining", "backlog", Partitions);
        for (var partition = 0; partition < Partitions; partition++)
        {
            var handledHere = firstRun.Where(h => h.Partition == partition).Select(h => h.Offset).ToList();
            Assert.Equal(Enumerable.Range(0, handledHere.Count).Select(i => (long)i), handledHere);
            Assert.Equal(handledHere.Count, Math.Max(committed[partition], 0));
        }

        var secondRun = new ConcurrentQueue<(int Partition, long Offset)>();
        await harness.StartConsumerAsync("draining", consumer => consumer
            .Subscribe("backlog")
            .AddHandler<ShipmentV1>((_, context, _) =>
            {
                secondRun.Enqueue((context.Partition, context.Offset));
                return ValueTask.CompletedTask;
            }));
        await ConsumerHarness.WaitUntil(() => firstRun.Count + secondRun.Count >= Total, "the restart handles the rest");
        await Task.Delay(300);

        var all = firstRun.Concat(secondRun).ToList();
        Assert.Equal(Total, all.Count);
        Assert.Equal(Total, all.Distinct().Count());
    }

    /// <summary>Shipments 0 to <paramref name="count"/> - 1 over <paramref name="keys"/> orders, so every partition gets some.</summary>
    private static async Task ProduceShipmentsAsync(ConsumerHarness harness, string topic, int count, int keys)
    {
        var orders = Enumerable.Range(0, keys).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < count; i++)
        {
            await harness.ProduceAsync(topic, new ShipmentV1(orders[i % orders.Length], i));
        }
    }
}
