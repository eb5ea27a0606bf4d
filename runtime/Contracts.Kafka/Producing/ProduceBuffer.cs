using System;
using System.Buffers;
using Confluent.Kafka;
using Contracts.Messaging;

namespace Contracts.Kafka;

/// <summary>
/// Per-thread scratch memory of the producer: one growable serialization buffer, and for the fire-and-forget path a
/// cache of exact-length arrays and one record (message and headers) per contract. Confluent.Kafka takes whole arrays
/// (no offset/length) and librdkafka copies them, and the headers, into its own queue before <c>Produce</c> returns, so
/// they can be reused by the next message on the same thread: steady-state producing then allocates no key, value or
/// message-id arrays, no message and no headers.
/// </summary>
internal static class ProduceBuffer
{
    private const int InitialCapacity = 1024;

    // Past this a buffer is not kept: one huge message should not pin its memory for the thread's lifetime.
    private const int MaxRetainedCapacity = 1024 * 1024;

    // Lengths above this are allocated per message; the cache then holds at most ~2 MiB per thread.
    private const int MaxCachedLength = 2048;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    // One cache per role: a key and a value of the same length must never share an array.
    [ThreadStatic]
    private static byte[]?[]? _keysByLength;

    [ThreadStatic]
    private static byte[]?[]? _valuesByLength;

    [ThreadStatic]
    private static byte[]? _messageId;

    public static ArrayBufferWriter<byte> Rent()
    {
        var buffer = _buffer ?? new ArrayBufferWriter<byte>(InitialCapacity);
        _buffer = null;
        return buffer;
    }

    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= MaxRetainedCapacity)
        {
            buffer.ResetWrittenCount();
            _buffer = buffer;
        }
    }

    /// <summary>
    /// Copies <paramref name="bytes"/> into an array of exactly its length. With <paramref name="reusable"/> the array comes
    /// from this thread's cache for <paramref name="role"/> and is overwritten by the next call of the same role and length
    /// on this thread: only for arrays the caller hands to a synchronous copy and never keeps.
    /// </summary>
    public static byte[] ExactArray(ReadOnlySpan<byte> bytes, ArrayRole role, bool reusable)
    {
        var array = !reusable || bytes.Length > MaxCachedLength ? new byte[bytes.Length]
            : bytes.Length == 0 ? []
            : role == ArrayRole.Key ? CachedArray(ref _keysByLength, bytes.Length)
            : CachedArray(ref _valuesByLength, bytes.Length);
        bytes.CopyTo(array);
        return array;
    }

    /// <summary>A message-id array: this thread's reusable one (same contract as <see cref="ExactArray"/>), or a new one.</summary>
    public static byte[] MessageIdArray(bool reusable) =>
        !reusable ? new byte[MessageEncoding.MessageIdLength]
        : _messageId ??= new byte[MessageEncoding.MessageIdLength];

    /// <summary>A new record with <typeparamref name="T"/>'s type and version headers and <paramref name="messageId"/> as its id header.</summary>
    public static Message<byte[]?, byte[]> NewRecord<T>(byte[] messageId)
        where T : IMessageContract<T> =>
        new()
        {
            Value = [],
            Headers = new Headers
            {
                { MessageHeaders.MessageType, KafkaHeaderValues<T>.MessageType },
                { MessageHeaders.MessageVersion, KafkaHeaderValues<T>.MessageVersion },
                { MessageHeaders.MessageId, messageId },
            },
        };

    /// <summary>
    /// This thread's record for <typeparamref name="T"/> and the id array its <see cref="MessageHeaders.MessageId"/>
    /// header holds; the caller writes the id and sets key and value. Same contract as <see cref="ExactArray"/>, and the
    /// caller adds no headers.
    /// </summary>
    public static Message<byte[]?, byte[]> Record<T>(out byte[] messageId)
        where T : IMessageContract<T>
    {
        if (Records<T>.Current is { } record)
        {
            messageId = Records<T>.MessageId!;
            return record;
        }

        messageId = new byte[MessageEncoding.MessageIdLength];
        Records<T>.MessageId = messageId;
        return Records<T>.Current = NewRecord<T>(messageId);
    }

    /// <summary>
    /// Gives up this thread's scratch that <paramref name="record"/> uses (the record, its id, key and value arrays),
    /// because something that outlives the send now holds it (a failed send's exception): later sends get new ones.
    /// </summary>
    public static void Release<T>(Message<byte[]?, byte[]> record, byte[] messageId)
        where T : IMessageContract<T>
    {
        if (ReferenceEquals(Records<T>.Current, record))
        {
            Records<T>.Current = null;
            Records<T>.MessageId = null;
        }

        if (ReferenceEquals(_messageId, messageId))
        {
            _messageId = null;
        }

        Release(_keysByLength, record.Key);
        Release(_valuesByLength, record.Value);
    }

    private static void Release(byte[]?[]? arraysByLength, byte[]? array)
    {
        if (arraysByLength is not null && array is { Length: > 0 and <= MaxCachedLength } && ReferenceEquals(arraysByLength[array.Length], array))
        {
            arraysByLength[array.Length] = null;
        }
    }

    private static class Records<T>
    {
        [ThreadStatic]
        public static Message<byte[]?, byte[]>? Current;

        [ThreadStatic]
        public static byte[]? MessageId;
    }

    private static byte[] CachedArray(ref byte[]?[]? arraysByLength, int length)
    {
        var arrays = arraysByLength ??= new byte[]?[MaxCachedLength + 1];
        return arrays[length] ??= new byte[length];
    }
}

/// <summary>What a cached array carries; each role has its own cache.</summary>
internal enum ArrayRole
{
    Key,
    Value,
}
