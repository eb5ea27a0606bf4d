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

public sealed class NonBlockingRetryTests
{
    [Fact]
    public async Task A_failing_message_walks_the_retry_topics_honouring_each_delay_then_lands_in_the_dead_letter_topic()
    {
        await using var harness = ConsumerHarness.Start(
            new EmbeddedTopic("payments", 1),
            new EmbeddedTopic("billing.payments.retry.1", 1),
            new EmbeddedTopic("billing.payments.retry.2", 1),
            new EmbeddedTopic("billing.payments.dlt", 1));
        var clock = new ManualClock();
        var handled = new ConcurrentQueue<(string Customer, MessageContext Context, DateTimeOffset At)>();
        await harness.ProduceAsync("payments", new OrderPlacedV2(Guid.NewGuid(), "good-1", 1, "EUR"));
        var poison = await harness.ProduceAsync("payments", new OrderPlacedV2(Guid.NewGuid(), "always-fails", 2, "EUR"));
        await harness.ProduceAsync("payments", new OrderPlacedV2(Guid.NewGuid(), "good-2", 3, "EUR"));
        await harness.ProduceAsync("payments", new OrderPlacedV2(Guid.NewGuid(), "bad-argument", 4, "EUR"));
        var original = harness.ReadAll("payments", 1, 2)[1];

        await harness.StartConsumerAsync(
            "billing",
            consumer => consumer
                .Subscribe("payments")
                .Configure(options => options.Retry = new RetryOptions { Mode = RetryMode.NonBlocking, MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(400), Multiplier = 2 })
                .NoRetryOn<ArgumentException>()
                .AddHandler<OrderPlacedV2>((order, context, _) =>
                {
                    handled.Enqueue((order.Customer, context, clock.GetUtcNow()));
                    return order.Customer switch
                    {
                        "always-fails" => throw new InvalidOperationException($"payment gateway down (attempt {context.Attempt})"),
                        "bad-argument" => throw new ArgumentException("amount is negative"),
                        _ => ValueTask.CompletedTask,
                    };
                }),
            services => services.AddSingleton<TimeProvider>(clock));

        // Non-blocking: with the clock standing still the retry is not due, and the main topic goes on without it.
        var firstRetry = Assert.Single(harness.ReadAll("billing.payments.retry.1", 1, 1));
        await ConsumerHarness.WaitUntil(() => handled.Count == 4, "the main topic is handled");
        Assert.Equal(
            [("good-1", 1, "payments"), ("always-fails", 1, "payments"), ("good-2", 1, "payments"), ("bad-argument", 1, "payments")],
            handled.Select(h => (h.Customer, h.Context.Attempt, h.Context.Topic)));

        await ConsumerHarness.WaitUntil(
            () =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
                return handled.Count == 6;
            },
            "both retries ran as time passed");
        var letters = harness.ReadAll("billing.payments.dlt", 1, 2);
        Assert.Equal(2, letters.Count);
        Assert.Equal(
            [("always-fails", 2, "billing.payments.retry.1"), ("always-fails", 3, "billing.payments.retry.2")],
            handled.Skip(4).Select(h => (h.Customer, h.Context.Attempt, h.Context.Topic)));
        var attempts = handled.Where(h => h.Customer == "always-fails").Select(h => h.At).ToList();
        Assert.True(attempts[1] - attempts[0] >= TimeSpan.FromMilliseconds(400), $"first retry after {attempts[1] - attempts[0]}");
        Assert.True(attempts[2] - attempts[1] >= TimeSpan.FromMilliseconds(800), $"second retry after {attempts[2] - attempts[1]}");

        var exhausted = letters.Single(l => l.Header(DeadLetterHeaders.Reason) == "retries-exhausted");
        Assert.Equal(original.Message.Value, exhausted.Message.Value);
        Assert.Equal(original.Message.Key, exhausted.Message.Key);
        Assert.Equal(
            ("payments", "0", poison.Offset.ToString(), "3", typeof(InvalidOperationException).FullName, "payment gateway down (attempt 3)"),
            (exhausted.Header(DeadLetterHeaders.OriginalTopic), exhausted.Header(DeadLetterHeaders.OriginalPartition), exhausted.Header(DeadLetterHeaders.OriginalOffset),
             exhausted.Header(DeadLetterHeaders.Attempts), exhausted.Header(DeadLetterHeaders.ExceptionType), exhausted.Header(DeadLetterHeaders.ExceptionMessage)));
        Assert.Null(exhausted.Header(RetryHeaders.Attempt));
        Assert.Equal("order-placed", exhausted.Header("message-type"));

        var refused = letters.Single(l => l.Header(DeadLetterHeaders.Reason) == "handler-failed");
        Assert.Equal(("1", typeof(ArgumentException).FullName, "amount is negative"), (refused.Header(DeadLetterHeaders.Attempts), refused.Header(DeadLetterHeaders.ExceptionType), refused.Header(DeadLetterHeaders.ExceptionMessage)));

        Assert.Equal(original.Message.Value, firstRetry.Message.Value);
        Assert.Equal(
            ("2", "payments", "0", poison.Offset.ToString(), typeof(InvalidOperationException).FullName, "payment gateway down (attempt 1)"),
            (firstRetry.Header(RetryHeaders.Attempt), firstRetry.Header(RetryHeaders.OriginalTopic), firstRetry.Header(RetryHeaders.OriginalPartition),
             firstRetry.Header(RetryHeaders.OriginalOffset), firstRetry.Header(RetryHeaders.ExceptionType), firstRetry.Header(RetryHeaders.ExceptionMessage)));
        var secondRetry = Assert.Single(harness.ReadAll("billing.payments.retry.2", 1, 1));
        Assert.Equal("3", secondRetry.Header(RetryHeaders.Attempt));
        Assert.Equal(poison.Offset.ToString(), secondRetry.Header(RetryHeaders.OriginalOffset));

        await ConsumerHarness.WaitUntil(() => harness.Committed("billing", "payments", 1)[0] == 4, "the main topic is fully committed");
    }
}
