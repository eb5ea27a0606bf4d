using System;
using Confluent.Kafka;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// A consumed Kafka record as a consumer group works with it: where it came from, and its key, value and header values
/// in one array. Three objects per message (this, the array, the header table) instead of the dozen of a
/// Confluent.Kafka <see cref="ConsumeResult{TKey, TValue}"/> with its headers: on a busy group the polling thread's
/// allocations bound throughput. Confluent.Kafka's <see cref="Headers"/> are built only when asked for
/// (<see cref="ToHeaders"/>). Immutable once built, so it crosses from the polling thread to the processing thread
/// without copies.
/// </summary>
internal sealed class ConsumedRecord
{
    private readonly byte[] _data;
    private readonly Slice _key;
    private readonly Slice _value;
    private readonly HeaderSlice[] _headers;

    /// <summary>Creates a record over <paramref name="data"/>, which the record owns from now on.</summary>
    public ConsumedRecord(string topic, int partition, long offset, int? leaderEpoch, Timestamp timestamp, byte[] data, Slice key, Slice value, HeaderSlice[] headers)
    {
        Topic = topic;
        Partition = partition;
        Offset = offset;
        LeaderEpoch = leaderEpoch;
        Timestamp = timestamp;
        _data = data;
        _key = key;
        _value = value;
        _headers = headers;
    }

    public string Topic { get; }

    public int Partition { get; }

    public long Offset { get; }

    /// <summary>The partition leader's epoch when the record was fetched; null when the broker did not say.</summary>
    public int? LeaderEpoch { get; }

    public Timestamp Timestamp { get; }

    /// <summary>A new <see cref="Confluent.Kafka.TopicPartition"/> of the record (an object: callers keep it only where they must).</summary>
    public TopicPartition TopicPartition => new(Topic, Partition);

    /// <summary>The key bytes; null for a record without a key.</summary>
    public ReadOnlyMemory<byte>? Key => Memory(_key);

    /// <summary>The value bytes; null for a record with a null value (a tombstone).</summary>
    public ReadOnlyMemory<byte>? Value => Memory(_value);

    /// <summary>The value bytes; empty for a null value.</summary>
    public ReadOnlySpan<byte> ValueSpan => Bytes(_value);

    public int HeaderCount => _headers.Length;

    public string HeaderName(int index) => _headers[index].Name;

    /// <summary>The value of the header at <paramref name="index"/>; null for a header with a null value.</summary>
    public ReadOnlyMemory<byte>? HeaderValue(int index) => Memory(_headers[index].Value);

    /// <summary>
    /// The value of the last header named <paramref name="name"/> (Kafka allows repeats; the last one wins); false when
    /// there is none or the last one's value is null.
    /// </summary>
    public bool TryGetLastHeader(string name, out ReadOnlySpan<byte> value)
    {
        for (var i = _headers.Length - 1; i >= 0; i--)
        {
            ref readonly var header = ref _headers[i];
            if (string.Equals(header.Name, name, StringComparison.Ordinal))
            {
                value = Bytes(header.Value);
                return !header.Value.IsNull;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The headers as Confluent.Kafka's type, in order, each value in an array of its own.</summary>
    public Headers ToHeaders()
    {
        var headers = new Headers();
        foreach (var header in _headers)
        {
            headers.Add(header.Name, header.Value.IsNull ? null : Bytes(header.Value).ToArray());
        }

        return headers;
    }

    /// <summary>The key as a new array; null without a key.</summary>
    public byte[]? KeyArray() => _key.IsNull ? null : Bytes(_key).ToArray();

    /// <summary>The value as a new array; null for a null value.</summary>
    public byte[]? ValueArray() => _value.IsNull ? null : Bytes(_value).ToArray();

    /// <summary>The record of a message Confluent.Kafka's <c>Consume</c> returned.</summary>
    public static ConsumedRecord From(ConsumeResult<byte[]?, byte[]?> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var message = result.Message;
        var headerCount = message?.Headers?.Count ?? 0;
        var length = (message?.Key?.Length ?? 0) + (message?.Value?.Length ?? 0);
        for (var i = 0; i < headerCount; i++)
        {
            length += message!.Headers[i].GetValueBytes()?.Length ?? 0;
        }

        var data = new byte[length];
        var written = 0;
        var key = Append(data, message?.Key, ref written);
        var value = Append(data, message?.Value, ref written);
        var headers = headerCount == 0 ? [] : new HeaderSlice[headerCount];
        for (var i = 0; i < headerCount; i++)
        {
            var header = message!.Headers[i];
            headers[i] = new HeaderSlice(header.Key, Append(data, header.GetValueBytes(), ref written));
        }

        return new ConsumedRecord(result.Topic, result.Partition.Value, result.Offset.Value, result.LeaderEpoch, message?.Timestamp ?? default, data, key, value, headers);
    }

    /// <summary>Copies <paramref name="bytes"/> into <paramref name="data"/> at <paramref name="written"/> and moves it on; <see cref="Slice.Null"/> when <paramref name="isNull"/>.</summary>
    internal static Slice Append(byte[] data, ReadOnlySpan<byte> bytes, bool isNull, ref int written)
    {
        if (isNull)
        {
            return Slice.Null;
        }

        bytes.CopyTo(data.AsSpan(written));
        var slice = new Slice(written, bytes.Length);
        written += bytes.Length;
        return slice;
    }

    private static Slice Append(byte[] data, byte[]? bytes, ref int written) => Append(data, bytes, bytes is null, ref written);

    private ReadOnlySpan<byte> Bytes(Slice slice) => slice.IsNull ? default : _data.AsSpan(slice.Start, slice.Length);

    private ReadOnlyMemory<byte>? Memory(Slice slice) => slice.IsNull ? (ReadOnlyMemory<byte>?)null : new ReadOnlyMemory<byte>(_data, slice.Start, slice.Length);

    /// <summary>Where a key, value or header value lies in the record's array; <see cref="Null"/> for a null one.</summary>
    internal readonly record struct Slice(int Start, int Length)
    {
        public static Slice Null => new(0, -1);

        public bool IsNull => Length < 0;
    }

    /// <summary>A header's name and where its value lies.</summary>
    internal readonly record struct HeaderSlice(string Name, Slice Value);
}
