using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.DeadLetters;
using Contracts.Kafka.Retries;
using Contracts.Kafka.Tests.Consuming;
using Contracts.Kafka.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Contracts.Kafka.Tests.Retries;

public sealed class BlockingRetryTests
{
    [Fact]
    public async Task A_failing_message_holds_its_partition_with_exponential_backoff_while_other_partitions_go_on()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("ledger", 2), new EmbeddedTopic("accounts.ledger.dlt", 1));
        var clock = new ManualClock();
        var handled = new ConcurrentQueue<(string Customer, int Partition, int Attempt, DateTimeOffset At)>();
        var failuresLeft = new ConcurrentDictionary<string, int>(StringComparer.Ordinal) { ["flaky"] = 2, ["broken"] = int.MaxValue };
        var keyA = Guid.NewGuid();
        Guid keyB;
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

        await harness.StartConsumerAsync(
            "accounts",
            consumer => consumer
                .Subscribe("ledger")
                .Configure(options => options.Retry = new RetryOptions { Mode = RetryMode.Blocking, MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(300), Multiplier = 2 })
                .RetryOn<TimeoutException>()
                .AddHandler<OrderPlacedV2>((order, context, _) =>
                {
                    handled.Enqueue((order.Customer, context.Partition, context.Attempt, clock.GetUtcNow()));
                    if (failuresLeft.TryGetValue(order.Customer, out var left) && left > 0)
                    {
                        failuresLeft[order.Customer] = left - 1;
                        throw new TimeoutException($"{order.Customer} timed out");
                    }

                    return ValueTask.CompletedTask;
                }),
            services => services.AddSingleton<TimeProvider>(clock));

        // The clock stands still, so flaky's backoff never ends: partition A is held, and B must go on regardless.
        await ConsumerHarness.WaitUntil(() => handled.Any(h => h.Customer == "flaky"), "flaky's first attempt failed");
        await harness.ProduceAsync("ledger", new OrderPlacedV2(keyB, "b-2", 2, "EUR"));
        await ConsumerHarness.WaitUntil(() => handled.Any(h => h.Customer == "b-2"), "partition B goes on while A waits");
        Assert.Equal([("a-1", 1), ("flaky", 1)], OnA());

        await ConsumerHarness.WaitUntil(
            () =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(50));
                return handled.Any(h => h.Customer == "a-5");
            },
            "the partition gets past both failing messages as time passes");
        Assert.Equal(
            [("a-1", 1), ("flaky", 1), ("flaky", 2), ("flaky", 3), ("a-3", 1), ("broken", 1), ("broken", 2), ("broken", 3), ("a-5", 1)],
            OnA());

        // Exponential backoff: 300 ms, then 600 ms, on the consumer's clock.
        foreach (var customer in new[] { "flaky", "broken" })
        {
            var at = handled.Where(h => h.Customer == customer).Select(h => h.At).ToList();
            Assert.True(at[1] - at[0] >= TimeSpan.FromMilliseconds(300), $"{customer}: first retry after {at[1] - at[0]}");
            Assert.True(at[2] - at[1] >= TimeSpan.FromMilliseconds(600), $"{customer}: second retry after {at[2] - at[1]}");
        }

        var letter = Assert.Single(harness.ReadAll("accounts.ledger.dlt", 1, 1));
        Assert.Equal(("retries-exhausted", "3", "broken timed out", "3"), (letter.Header(DeadLetterHeaders.Reason), letter.Header(DeadLetterHeaders.Attempts), letter.Header(DeadLetterHeaders.ExceptionMessage), letter.Header(DeadLetterHeaders.OriginalOffset)));
        await ConsumerHarness.WaitUntil(() => harness.Committed("accounts", "ledger", 2)[partitionA] == producedToA, "partition A is fully committed");

        // Keys tried for partition B that hashed to A are not part of A's sequence.
        (string, int)[] OnA() => handled.Where(h => h.Partition == partitionA && !h.Customer.StartsWith("b-", StringComparison.Ordinal)).Select(h => (h.Customer, h.Attempt)).ToArray();
    }
}
