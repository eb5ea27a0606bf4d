using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.Diagnostics;
using Contracts.Kafka.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

public sealed class RestartAndShutdownTests
{
    [Fact]
    public async Task A_consumer_killed_mid_stream_loses_nothing_and_repeats_only_what_was_not_committed()
    {
        const int Total = 300;
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("stream", 2));
        for (var i = 0; i < Total; i++)
        {
            await harness.ProduceAsync("stream", new OrderPlacedV2(Guid.NewGuid(), "c", i, "EUR"));
        }

        // First run: handles 60 messages, waits until they are committed, handles 60 more, then hangs in the handler
        // and is killed (the shutdown timeout expires at once) before the next periodic commit.
        var firstRun = new ConcurrentQueue<(int Quantity, int Partition, long Offset)>();
        var hung = new TaskCompletionSource();
        var first = await harness.StartConsumerAsync("resilient", consumer => consumer
            .Subscribe("stream")
            .Configure(options => options.CommitInterval = TimeSpan.FromMilliseconds(700))
            .AddHandler<OrderPlacedV2>(async (order, context, cancellationToken) =>
            {
                if (firstRun.Count == 60)
                {
                    await ConsumerHarness.WaitUntil(() => harness.Committed("resilient", "stream", 2).Sum(c => Math.Max(c, 0)) == 60, "the first 60 are committed");
                }

                if (firstRun.Count == 120)
                {
                    hung.TrySetResult();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                firstRun.Enqueue((order.Quantity, context.Partition, context.Offset));
            }));
        await hung.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await first.StopAsync(new CancellationToken(canceled: true));
        var service = (BackgroundService)first.Services.GetServices<IHostedService>().Single();
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        var committed = harness.Committed("resilient", "stream", 2);

        // Second run, same group: must resume at the committed offsets.
        var secondRun = new ConcurrentQueue<(int Quantity, int Partition, long Offset)>();
        await harness.StartConsumerAsync("resilient", consumer => consumer
            .Subscribe("stream")
            .AddHandler<OrderPlacedV2>((order, context, _) =>
            {
                secondRun.Enqueue((order.Quantity, context.Partition, context.Offset));
                return ValueTask.CompletedTask;
            }));
        await ConsumerHarness.WaitUntil(
            () => firstRun.Select(r => r.Quantity).Union(secondRun.Select(r => r.Quantity)).Count() == Total,
            "every message is handled by one run or the other");

        Assert.Equal(Total, secondRun.Count + firstRun.Count - firstRun.Select(r => r.Quantity).Intersect(secondRun.Select(r => r.Quantity)).Count());
        Assert.Equal(120, firstRun.Count);
        foreach (var partition in new[] { 0, 1 })
        {
            var start = committed[partition] < 0 ? 0 : committed[partition];
            var repeated = secondRun.Where(r => r.Partition == partition && firstRun.Contains(r)).Select(r => r.Offset).Order().ToList();
            var expectedRepeats = firstRun.Where(r => r.Partition == partition && r.Offset >= start).Select(r => r.Offset).Order().ToList();

            // Duplicates are exactly the messages the first run handled after its last commit: the uncommitted window.
            Assert.Equal(expectedRepeats, repeated);
            Assert.Equal(start, secondRun.Where(r => r.Partition == partition).Min(r => r.Offset));
        }

        Assert.InRange(committed.Sum(c => Math.Max(c, 0)), 60, 119);
    }

    [Fact]
    public async Task Graceful_shutdown_hands_the_pending_batch_to_its_handler_and_commits()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("deliveries", 2));
        using var telemetry = new TelemetryRecorder("deliveries");
        var log = new ShipmentLog();
        var order = Guid.NewGuid();
        var partitionId = string.Empty;
        for (var i = 0; i < 25; i++)
        {
            // One key, so one partition.
            partitionId = (await harness.ProduceAsync("deliveries", new ShipmentV1(order, i))).Partition.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var host = await harness.StartConsumerAsync(
            "couriers",
            consumer => consumer
                .Subscribe("deliveries")
                .Configure(options =>
                {
                    // Neither a full batch nor the linger nor the periodic commit can be what hands the batch over.
                    options.MaxBatchSize = 1000;
                    options.BatchLinger = TimeSpan.FromMinutes(5);
                    options.CommitInterval = TimeSpan.FromMinutes(5);
                })
                .AddBatchHandler<ShipmentV1, ShipmentBatchHandler>(),
            services => services.AddSingleton(log));

        // Every message was polled (the group's lag on the partition is 0) and is waiting in the batch, unhandled.
        await ConsumerHarness.WaitUntil(
            () =>
            {
                telemetry.RecordObservableInstruments();
                return telemetry.Of(KafkaTelemetry.ConsumerLagMetric).Any(m => m.Value == 0 && Equals(m.Tags[MessagingAttributes.ConsumerGroup], "couriers") && Equals(m.Tags[MessagingAttributes.PartitionId], partitionId));
            },
            "the consumer polled all 25 messages");
        Assert.Equal(0, log.Count);
        await host.StopAsync();

        Assert.Equal(Enumerable.Range(0, 25), log.Items.Select(i => i.Message.Sequence));
        Assert.Equal([25], log.BatchSizes);
        var partition = log.Items[0].Context.Partition;
        Assert.Equal(25, harness.Committed("couriers", "deliveries", 2)[partition]);
    }
}
