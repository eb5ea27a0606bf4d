using System;
using System.Collections.Generic;
using Confluent.Kafka;
using Contracts.Kafka.Consuming;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

/// <summary>
/// Pause, seek and resume requests made by the processing thread and carried out by the polling thread, and which
/// consumed messages a seek or a revocation made stale.
/// </summary>
public sealed class PartitionRequestsTests
{
    private static readonly TopicPartition P0 = new("t", 0);
    private static readonly TopicPartition P1 = new("t", 1);

    [Fact]
    public void Requests_wait_until_the_polling_thread_carries_them_out_in_the_order_they_were_made()
    {
        var consumer = new RecordingControl();
        var requests = new PartitionRequests(consumer, (_, _) => Assert.Fail("no request fails here"));
        requests.PauseAndSeek(P0, 5);
        requests.Resume(P1);
        requests.SeekAndResume(P1, 9);
        Assert.Empty(consumer.Calls);

        requests.CarryOut();
        Assert.Equal(["pause t [[0]]", "seek t [[0]] @5", "resume t [[1]]", "seek t [[1]] @9", "resume t [[1]]"], consumer.Calls);

        consumer.Calls.Clear();
        requests.CarryOut();
        Assert.Empty(consumer.Calls);
    }

    [Fact]
    public void Messages_of_a_sought_partition_consumed_before_the_seek_was_carried_out_are_stale_and_later_ones_are_not()
    {
        var consumer = new RecordingControl();
        var requests = new PartitionRequests(consumer, (_, _) => Assert.Fail("no request fails here"));
        var before = requests.Stamp;
        requests.PauseAndSeek(P0, 5);

        // Consumed while the request waited: the seek delivers these again.
        Assert.True(requests.IsStale(new ConsumedMessage(Result(P0, 6), before)));
        Assert.False(requests.IsStale(new ConsumedMessage(Result(P1, 3), before)));

        requests.CarryOut();
        var after = requests.Stamp;
        Assert.True(after > before);
        Assert.True(requests.IsStale(new ConsumedMessage(Result(P0, 7), before)));
        Assert.False(requests.IsStale(new ConsumedMessage(Result(P0, 5), after)));

        // Every seek so far has been seen through: nothing is stale any more.
        Assert.False(requests.IsStale(new ConsumedMessage(Result(P0, 6), before)));
    }

    [Fact]
    public void A_resume_alone_makes_nothing_stale()
    {
        var requests = new PartitionRequests(new RecordingControl(), (_, _) => Assert.Fail("no request fails here"));
        var before = requests.Stamp;
        requests.Resume(P0);
        Assert.False(requests.IsStale(new ConsumedMessage(Result(P0, 1), before)));
    }

    [Fact]
    public void A_later_seek_of_the_same_partition_moves_the_line_between_stale_and_fresh()
    {
        var consumer = new RecordingControl();
        var requests = new PartitionRequests(consumer, (_, _) => Assert.Fail("no request fails here"));
        requests.PauseAndSeek(P0, 5);
        requests.CarryOut();
        var afterFirst = requests.Stamp;
        requests.SeekAndResume(P0, 5);

        Assert.True(requests.IsStale(new ConsumedMessage(Result(P0, 5), afterFirst)));
        requests.CarryOut();
        Assert.False(requests.IsStale(new ConsumedMessage(Result(P0, 5), requests.Stamp)));
    }

    [Fact]
    public void Revocation_drops_the_revoked_partitions_requests_carries_out_the_others_and_stales_everything_consumed_of_them()
    {
        var consumer = new RecordingControl();
        var requests = new PartitionRequests(consumer, (_, _) => Assert.Fail("no request fails here"));
        var before = requests.Stamp;
        requests.PauseAndSeek(P0, 5);
        requests.SeekAndResume(P1, 2);

        requests.Revoked([P0]);

        Assert.Equal(["seek t [[1]] @2", "resume t [[1]]"], consumer.Calls);
        Assert.True(requests.IsStale(new ConsumedMessage(Result(P0, 9), before)));
        Assert.True(requests.IsStale(new ConsumedMessage(Result(P1, 9), before)));

        // Assigned again later: what is consumed after the revocation is fresh.
        Assert.False(requests.IsStale(new ConsumedMessage(Result(P0, 3), requests.Stamp)));
        consumer.Calls.Clear();
        requests.CarryOut();
        Assert.Empty(consumer.Calls);
    }

    [Fact]
    public void A_request_the_consumer_refuses_is_reported_and_the_rest_still_carried_out()
    {
        var consumer = new RecordingControl { Refuse = P0 };
        var failures = new List<(TopicPartition, ErrorCode)>();
        var requests = new PartitionRequests(consumer, (partition, error) => failures.Add((partition, error.Error.Code)));
        requests.Resume(P0);
        requests.Resume(P1);

        requests.CarryOut();

        Assert.Equal([(P0, ErrorCode.Local_State)], failures);
        Assert.Equal(["resume t [[1]]"], consumer.Calls);
    }

    private static ConsumedRecord Result(TopicPartition partition, long offset) => ConsumedRecord.From(new ConsumeResult<byte[]?, byte[]?>
    {
        TopicPartitionOffset = new TopicPartitionOffset(partition, offset),
        Message = new Message<byte[]?, byte[]?>(),
    });

    private sealed class RecordingControl : IPartitionControl
    {
        public List<string> Calls { get; } = [];

        public TopicPartition? Refuse { get; init; }

        public void Pause(IEnumerable<TopicPartition> partitions) => Record("pause", partitions);

        public void Resume(IEnumerable<TopicPartition> partitions) => Record("resume", partitions);

        public void Seek(TopicPartitionOffset tpo)
        {
            ThrowIfRefused(tpo.TopicPartition);
            Calls.Add($"seek {tpo.TopicPartition} @{tpo.Offset.Value}");
        }

        private void Record(string call, IEnumerable<TopicPartition> partitions)
        {
            foreach (var partition in partitions)
            {
                ThrowIfRefused(partition);
                Calls.Add($"{call} {partition}");
            }
        }

        private void ThrowIfRefused(TopicPartition partition)
        {
            if (partition == Refuse)
            {
                throw new KafkaException(ErrorCode.Local_State);
            }
        }
    }
}
