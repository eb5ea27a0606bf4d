using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using Contracts.Kafka.Native;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// Reads messages from a Confluent.Kafka consumer's own librdkafka client (<c>rd_kafka_consume_batch_queue</c> for what
/// is ready, <c>rd_kafka_consumer_poll</c> to wait) and copies each into a <see cref="ConsumedRecord"/>: key, value and
/// header values in one array, topic and header names from caches (compared with librdkafka's bytes each time, never
/// trusted by address). These are the calls under Confluent.Kafka's <c>Consume</c>, so rebalance, error, log and
/// statistics callbacks run as they do there (on the calling thread); what is skipped is Confluent.Kafka's marshalling
/// of each message into a dozen objects. One thread only.
/// </summary>
internal sealed unsafe class DirectConsumer
{
    // Names kept per consumer: header names an application uses are few; past these a name is decoded per message.
    private const int MaxCachedNames = 64;
    private const int StackHeaders = 16;

    // Messages taken per batch call, at most (pointers on the stack).
    private const int MaxBatch = 256;

    private readonly SafeHandle _client;
    private readonly List<CachedName> _topics = [];
    private readonly List<CachedName> _headerNames = [];

    private DirectConsumer(SafeHandle client) => _client = client;

    /// <summary>The direct path for <paramref name="consumer"/>, or null when its librdkafka client cannot be reached safely.</summary>
    public static DirectConsumer? TryCreate(IClient consumer) =>
        ClientHandle.TryGet(consumer) is { } client ? new DirectConsumer(client) : null;

    /// <summary>
    /// Fills <paramref name="into"/> with the messages librdkafka has ready, or else waits up to
    /// <paramref name="timeout"/> for the next one; returns how many. Errors the consumer reports instead of messages go
    /// to <paramref name="onError"/> (ends of partitions are skipped).
    /// </summary>
    /// <remarks>
    /// What is ready is taken in one <c>rd_kafka_consume_batch_queue</c> call that does not wait (per message it costs
    /// about a quarter less than a <c>rd_kafka_consumer_poll</c> call; librdkafka drops from the batch the messages of
    /// partitions revoked while it was filled); only an empty queue waits, in <c>rd_kafka_consumer_poll</c>, which
    /// returns as soon as a message arrives, so a quiet topic sees no added latency.
    /// </remarks>
    /// <exception cref="ObjectDisposedException">The consumer was disposed.</exception>
    public int Poll(TimeSpan timeout, Span<ConsumedRecord?> into, Action<Error> onError)
    {
        var added = false;
        try
        {
            _client.DangerousAddRef(ref added);
            var client = _client.DangerousGetHandle();
            var count = into.Length > 1 ? TakeReady(client, into, onError) : 0;
            if (count == 0)
            {
                var message = ConsumeNative.ConsumerPoll(client, (int)timeout.TotalMilliseconds);
                if (message is not null && Take(message, onError) is { } record)
                {
                    into[count++] = record;
                }
            }

            return count;
        }
        finally
        {
            if (added)
            {
                _client.DangerousRelease();
            }
        }
    }

    private int TakeReady(IntPtr client, Span<ConsumedRecord?> into, Action<Error> onError)
    {
        // A reference per call: librdkafka requires it to be given up before the consumer closes.
        var queue = ConsumeNative.QueueGetConsumer(client);
        if (queue == IntPtr.Zero)
        {
            return 0;
        }

        var size = Math.Min(into.Length, MaxBatch);
        var messages = stackalloc NativeMessage*[size];
        nint taken;
        try
        {
            taken = ConsumeNative.ConsumeBatchQueue(queue, 0, messages, (nuint)size);
        }
        finally
        {
            ConsumeNative.QueueDestroy(queue);
        }

        var count = 0;
        var next = 0;
        try
        {
            for (; next < taken; next++)
            {
                var message = messages[next];
                messages[next] = null;
                if (Take(message, onError) is { } record)
                {
                    into[count++] = record;
                }
            }
        }
        finally
        {
            // Whatever a failure left untaken is still librdkafka's memory.
            for (; next < taken; next++)
            {
                if (messages[next] is not null)
                {
                    ConsumeNative.MessageDestroy(messages[next]);
                }
            }
        }

        return count;
    }

    /// <summary>The record of <paramref name="message"/>, or null for an event; destroys the message either way.</summary>
    private ConsumedRecord? Take(NativeMessage* message, Action<Error> onError)
    {
        try
        {
            if (message->Error == 0)
            {
                return Read(message);
            }

            if (message->Error != ConsumeNative.PartitionEof)
            {
                onError(ErrorOf(message));
            }

            return null;
        }
        finally
        {
            ConsumeNative.MessageDestroy(message);
        }
    }

    private ConsumedRecord Read(NativeMessage* message)
    {
        var topic = Cached(_topics, ConsumeNative.TopicName(message->Topic), hint: 0);
        int timestampType;
        var timestamp = ConsumeNative.MessageTimestamp(message, &timestampType);
        var leaderEpoch = ConsumeNative.MessageLeaderEpoch(message);

        var stackHeaders = stackalloc NativeHeader[StackHeaders];
        var headers = new Span<NativeHeader>(stackHeaders, StackHeaders);
        var headerCount = 0;
        IntPtr headerList;
        if (ConsumeNative.MessageHeaders(message, &headerList) == 0)
        {
            byte* name;
            byte* value;
            nuint size;
            while (ConsumeNative.HeaderGetAll(headerList, (nuint)headerCount, &name, &value, &size) == 0)
            {
                if (headerCount == headers.Length)
                {
                    var larger = new NativeHeader[headers.Length * 2];
                    headers.CopyTo(larger);
                    headers = larger;
                }

                headers[headerCount++] = new NativeHeader(name, value, size);
            }
        }

        var length = checked((int)message->KeyLength + (int)message->Length);
        for (var i = 0; i < headerCount; i++)
        {
            length = checked(length + (int)headers[i].Size);
        }

        var data = GC.AllocateUninitializedArray<byte>(length);
        var written = 0;
        var key = Append(data, message->Key, message->KeyLength, ref written);
        var payload = Append(data, message->Payload, message->Length, ref written);
        var slices = headerCount == 0 ? [] : new ConsumedRecord.HeaderSlice[headerCount];
        for (var i = 0; i < headerCount; i++)
        {
            var header = headers[i];
            slices[i] = new ConsumedRecord.HeaderSlice(Cached(_headerNames, header.Name, hint: i), Append(data, header.Value, header.Size, ref written));
        }

        return new ConsumedRecord(
            topic,
            message->Partition,
            message->Offset,
            leaderEpoch < 0 ? null : leaderEpoch,
            new Timestamp(timestamp, (TimestampType)timestampType),
            data,
            key,
            payload,
            slices);
    }

    private static ConsumedRecord.Slice Append(byte[] data, byte* bytes, nuint length, ref int written) =>
        ConsumedRecord.Append(data, new ReadOnlySpan<byte>(bytes, (int)length), bytes is null, ref written);

    /// <summary>The string of a null-terminated UTF-8 name, from <paramref name="cache"/> when seen before (trying <paramref name="hint"/>'s entry first).</summary>
    private static string Cached(List<CachedName> cache, byte* name, int hint)
    {
        var bytes = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name);
        if (hint < cache.Count && cache[hint].Utf8.AsSpan().SequenceEqual(bytes))
        {
            return cache[hint].Text;
        }

        foreach (var cached in cache)
        {
            if (cached.Utf8.AsSpan().SequenceEqual(bytes))
            {
                return cached.Text;
            }
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (cache.Count < MaxCachedNames)
        {
            cache.Add(new CachedName(bytes.ToArray(), text));
        }

        return text;
    }

    private static Error ErrorOf(NativeMessage* message)
    {
        var code = message->Error;
        var reason = message->Payload is not null && message->Length > 0
            ? Encoding.UTF8.GetString(message->Payload, (int)message->Length)
            : Marshal.PtrToStringUTF8((IntPtr)ConsumeNative.ErrorText(code)) ?? ((ErrorCode)code).GetReason();
        var topic = message->Topic == IntPtr.Zero ? null : Marshal.PtrToStringUTF8((IntPtr)ConsumeNative.TopicName(message->Topic));
        if (topic is not null)
        {
            reason = $"{reason} ({topic} [{message->Partition}])";
        }

        return new Error((ErrorCode)code, reason, isFatal: code == ConsumeNative.Fatal);
    }

    private readonly struct NativeHeader(byte* name, byte* value, nuint size)
    {
        public byte* Name { get; } = name;

        public byte* Value { get; } = value;

        public nuint Size { get; } = size;
    }

    private sealed record CachedName(byte[] Utf8, string Text);
}
