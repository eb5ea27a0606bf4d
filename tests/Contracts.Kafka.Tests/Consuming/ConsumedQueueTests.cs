using System;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Kafka.Consuming;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

/// <summary>The hand-off from the polling to the processing thread: order, bound, wake-ups, completion.</summary>
public sealed class ConsumedQueueTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-4)]
    public void The_capacity_must_be_a_positive_power_of_two(int capacity)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ConsumedQueue(capacity));
        Assert.Equal("capacity", error.ParamName);
    }

    [Fact]
    public void Messages_come_out_in_the_order_they_went_in_and_at_most_as_many_as_asked_for()
    {
        using var queue = new ConsumedQueue(8);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(queue.TryAdd(Message(i), TimeSpan.Zero));
        }

        var taken = new ConsumedMessage[3];
        Assert.Equal(3, queue.TakeAll(taken, TimeSpan.Zero));
        Assert.Equal([0L, 1L, 2L], Array.ConvertAll(taken, m => m.Record.Offset));
        Assert.Equal(2, queue.TakeAll(taken, TimeSpan.Zero));
        Assert.Equal([3L, 4L], Array.ConvertAll(taken[..2], m => m.Record.Offset));
    }

    [Fact]
    public void A_full_queue_refuses_after_the_timeout_and_takes_again_once_room_is_freed()
    {
        using var queue = new ConsumedQueue(4);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(queue.TryAdd(Message(i), TimeSpan.Zero));
        }

        Assert.False(queue.TryAdd(Message(4), TimeSpan.FromMilliseconds(20)));
        var taken = new ConsumedMessage[1];
        Assert.Equal(1, queue.TakeAll(taken, TimeSpan.Zero));
        Assert.True(queue.TryAdd(Message(4), TimeSpan.Zero));

        var rest = new ConsumedMessage[8];
        Assert.Equal(4, queue.TakeAll(rest, TimeSpan.Zero));
        Assert.Equal([1L, 2L, 3L, 4L], Array.ConvertAll(rest[..4], m => m.Record.Offset));
    }

    [Fact]
    public void An_empty_queue_gives_nothing_after_the_timeout()
    {
        using var queue = new ConsumedQueue(4);
        Assert.Equal(0, queue.TakeAll(new ConsumedMessage[4], TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public async Task A_sleeping_taker_wakes_for_a_message_long_before_its_timeout()
    {
        using var queue = new ConsumedQueue(4);
        var taking = Task.Run(() =>
        {
            var taken = new ConsumedMessage[4];
            return (Count: queue.TakeAll(taken, TimeSpan.FromMinutes(5)), First: taken[0]);
        });

        // Long enough for the taker to have stopped spinning and gone to sleep.
        await Task.Delay(200);
        Assert.True(queue.TryAdd(Message(7), TimeSpan.Zero));
        var (count, first) = await taking.WaitAsync(Long);
        Assert.Equal(1, count);
        Assert.Equal(7, first.Record.Offset);
    }

    [Fact]
    public async Task A_sleeping_adder_wakes_when_the_taker_frees_room()
    {
        using var queue = new ConsumedQueue(2);
        Assert.True(queue.TryAdd(Message(0), TimeSpan.Zero));
        Assert.True(queue.TryAdd(Message(1), TimeSpan.Zero));
        var adding = Task.Run(() => queue.TryAdd(Message(2), TimeSpan.FromMinutes(5)));

        await Task.Delay(200);
        Assert.False(adding.IsCompleted);
        Assert.Equal(2, queue.TakeAll(new ConsumedMessage[2], TimeSpan.Zero));
        Assert.True(await adding.WaitAsync(Long));
    }

    [Fact]
    public async Task Completing_wakes_a_sleeping_taker_and_an_empty_completed_queue_gives_nothing_at_once()
    {
        using var queue = new ConsumedQueue(4);
        var taking = Task.Run(() => queue.TakeAll(new ConsumedMessage[4], TimeSpan.FromMinutes(5)));
        await Task.Delay(200);
        queue.Complete();
        Assert.Equal(0, await taking.WaitAsync(Long));
        Assert.True(queue.IsCompleted);
        Assert.Equal(0, queue.TakeAll(new ConsumedMessage[4], TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Across_two_threads_every_message_arrives_once_and_in_order()
    {
        const int Count = 500_000;
        using var queue = new ConsumedQueue(16);
        var results = new ConsumedRecord[64];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Result(i);
        }

        var adder = Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < Count; i++)
                {
                    // The stamp carries the sequence; results are shared so the test measures the queue, not allocation.
                    while (!queue.TryAdd(new ConsumedMessage(results[i % results.Length], i), TimeSpan.FromMilliseconds(1)))
                    {
                    }

                    if (i % 50_000 == 0)
                    {
                        // Let the taker drain and fall asleep now and then, so the wake-up path is exercised too.
                        Thread.Sleep(5);
                    }
                }
            },
            TaskCreationOptions.LongRunning);

        var next = 0L;
        var taken = new ConsumedMessage[7];
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (next < Count && DateTime.UtcNow < deadline)
        {
            var count = queue.TakeAll(taken, TimeSpan.FromMilliseconds(50));
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(next, taken[i].Stamp);
                Assert.Same(results[next % results.Length], taken[i].Record);
                next++;
            }
        }

        await adder.WaitAsync(Long);
        Assert.Equal(Count, next);
        Assert.Equal(0, queue.TakeAll(taken, TimeSpan.Zero));
    }

    private static ConsumedMessage Message(long offset) => new(Result(offset), 0);

    private static ConsumedRecord Result(long offset) => ConsumedRecord.From(new ConsumeResult<byte[]?, byte[]?>
    {
        TopicPartitionOffset = new TopicPartitionOffset("t", 0, offset),
        Message = new Message<byte[]?, byte[]?>(),
    });
}
