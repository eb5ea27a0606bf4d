using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.DeadLetters;
using Contracts.Kafka.Retries;
using Contracts.Kafka.Tests.Consuming;
using Contracts.Kafka.Tests.Support;
using Xunit;

namespace Contracts.Kafka.Tests.Retries;

public sealed class BlockingRetryTests
{
    [Fact]
    public async Task A_failing_message_holds_its_partition_with_exponential_backoff_while_other_partitions_go_on()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("ledger", 2), new EmbeddedTopic("accounts.ledger.dlt", 1));
        var handled = new ConcurrentQueue<(string Customer, int Partition, int Attempt, DateTime At)>();
        var failuresLeft = new ConcurrentDictionary<string, int>(StringComparer.Ordinal) { ["flaky"] = 2, ["broken"] = int.MaxValue };
        var keyA = Guid.NewGuid();
        var keyB = Guid.NewGuid();
        int partitionA = (await harness.ProduceAsync("ledger", new OrderPlacedV2(keyA, "a-1", 1, "EUR"))).Partition;
        await harness.ProduceAsync("ledger", new OrderPlacedV2(keyA, "flaky", 2, "EUR"));
        await harness.ProduceAsync("ledger", new OrderPlacedV2(keyA, "a-3", 3, "EUR"));
        await harness.ProduceAsync("ledger", new OrderPlacedV2(keyA, "broken", 4, "EUR"));
        await harness.ProduceAsync("ledger", new OrderPlacedV2(keyA, "a-5", 5, "EUR"));
        var producedToA = 5;
        int partitionB;
        while (true)
        {
            keyB = Guid.NewGuid();
            partitionB = (await harness.ProduceAsync("ledger", new OrderPlacedV2(keyB, "b-1", 1, "EUR"))).Partition;
            if (partitionB != partitionA)
            {
                break;
            }

            producedToA++;
        }

        await harness.StartConsumerAsync("accounts", consumer => consumer
            .Subscribe("ledger")
            .Configure(options => options.Retry = new RetryOptions { Mode = RetryMode.Blocking, MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(300), Multiplier = 2 })
            .RetryOn<TimeoutException>()
            .AddHandler<OrderPlacedV2>((order, context, _) =>
            {
                handled.Enqueue((order.Customer, context.Partition, context.Attempt, DateTime.UtcNow));
                if (failuresLeft.TryGetValue(order.Customer, out var left) && left > 0)
                {
                    failuresLeft[order.Customer] = left - 1;
                    throw new TimeoutException($"{order.Customer} timed out");
                }

                return ValueTask.CompletedTask;
            }));

        await ConsumerHarness.WaitUntil(() => handled.Any(h => h.Customer == "a-5"), "the partition gets past both failing messages", TimeSpan.FromSeconds(20));
        // Keys tried for the other partition that hashed to A are not part of A's sequence.
        var onA = handled.Where(h => h.Partition == partitionA && h.Customer != "b-1").Select(h => (h.Customer, h.Attempt)).ToList();
        Assert.Equal(
            [("a-1", 1), ("flaky", 1), ("flaky", 2), ("flaky", 3), ("a-3", 1), ("broken", 1), ("broken", 2), ("broken", 3), ("a-5", 1)],
            onA);

        // The other partition was not held up by the retries.
        var bAt = handled.Single(h => h.Customer == "b-1" && h.Partition == partitionB).At;
        Assert.True(bAt < handled.Single(h => h.Customer == "flaky" && h.Attempt == 3).At, "b-1 was handled while flaky waited");

        var flaky = handled.Where(h => h.Customer == "flaky").Select(h => h.At).ToList();
        Assert.True(flaky[1] - flaky[0] >= TimeSpan.FromMilliseconds(280), $"first retry after {flaky[1] - flaky[0]}");
        Assert.True(flaky[2] - flaky[1] >= TimeSpan.FromMilliseconds(580), $"second retry after {flaky[2] - flaky[1]}");

        var letter = Assert.Single(harness.ReadAll("accounts.ledger.dlt", 1, 1));
        Assert.Equal(("retries-exhausted", "3", "broken timed out", "3"), (letter.Header(DeadLetterHeaders.Reason), letter.Header(DeadLetterHeaders.Attempts), letter.Header(DeadLetterHeaders.ExceptionMessage), letter.Header(DeadLetterHeaders.OriginalOffset)));
        await ConsumerHarness.WaitUntil(() => harness.Committed("accounts", "ledger", 2)[partitionA] == producedToA, "partition A is fully committed");
    }
}
