using System;
using System.Linq;
using System.Text;
using Confluent.Kafka;
using Contracts.Kafka.Consuming;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

public sealed class ConsumedRecordTests
{
    [Fact]
    public void Keeps_null_and_empty_apart_for_key_value_and_header_values()
    {
        var record = ConsumedRecord.From(Result(key: [], value: null, ("empty", []), ("null", null), ("text", "abc"u8.ToArray())));

        Assert.Equal(0, record.Key!.Value.Length);
        Assert.Null(record.Value);
        Assert.True(record.ValueSpan.IsEmpty);
        Assert.Equal(3, record.HeaderCount);
        Assert.Equal(0, record.HeaderValue(0)!.Value.Length);
        Assert.Null(record.HeaderValue(1));
        Assert.True(record.TryGetLastHeader("empty", out var empty) && empty.IsEmpty);
        Assert.False(record.TryGetLastHeader("null", out _));
        Assert.False(record.TryGetLastHeader("absent", out _));

        var noKey = ConsumedRecord.From(Result(key: null, value: [1, 2]));
        Assert.Null(noKey.Key);
        Assert.Null(noKey.KeyArray());
        Assert.Equal([1, 2], noKey.ValueArray());
    }

    [Fact]
    public void The_last_header_of_a_name_wins_and_headers_convert_back_in_order()
    {
        var record = ConsumedRecord.From(Result([9], [8], ("a", "1"u8.ToArray()), ("b", "2"u8.ToArray()), ("a", "3"u8.ToArray()), ("a", null)));

        Assert.False(record.TryGetLastHeader("a", out _));
        Assert.True(record.TryGetLastHeader("b", out var b));
        Assert.Equal("2", Encoding.UTF8.GetString(b));

        var headers = record.ToHeaders();
        Assert.Equal(["a", "b", "a", "a"], headers.Select(h => h.Key));
        Assert.Equal(["1", "2", "3", null], headers.Select(h => h.GetValueBytes() is { } v ? Encoding.UTF8.GetString(v) : null));
        Assert.NotSame(headers, record.ToHeaders());
    }

    [Fact]
    public void Keeps_where_the_message_came_from()
    {
        var result = Result([1], [2]);
        result.TopicPartitionOffset = new TopicPartitionOffset("orders", 3, 42, 7);
        result.Message.Timestamp = new Timestamp(1_700_000_000_123, TimestampType.LogAppendTime);

        var record = ConsumedRecord.From(result);

        Assert.Equal(("orders", 3, 42L, (int?)7), (record.Topic, record.Partition, record.Offset, record.LeaderEpoch));
        Assert.Equal(new TopicPartition("orders", 3), record.TopicPartition);
        Assert.Equal(result.Message.Timestamp, record.Timestamp);
    }

    private static ConsumeResult<byte[]?, byte[]?> Result(byte[]? key, byte[]? value, params (string Name, byte[]? Value)[] headers)
    {
        var message = new Message<byte[]?, byte[]?> { Key = key, Value = value, Headers = [] };
        foreach (var (name, header) in headers)
        {
            message.Headers.Add(name, header);
        }

        return new ConsumeResult<byte[]?, byte[]?> { TopicPartitionOffset = new TopicPartitionOffset("t", 0, 0), Message = message };
    }
}
