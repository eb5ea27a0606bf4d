using System;
using System.Buffers;

namespace Contracts.Kafka;

/// <summary>
/// Per-thread scratch memory of the producer: one growable serialization buffer, and for the fire-and-forget path a
/// cache of exact-length arrays. Confluent.Kafka takes whole arrays (no offset/length) and librdkafka copies them into
/// its own queue before <c>Produce</c> returns, so an array can be reused by the next message of the same length on the
/// same thread: steady-state producing then allocates no key, value or message-id arrays.
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
    public static byte[] MessageIdArray(int length, bool reusable) =>
        !reusable ? new byte[length]
        : _messageId is { } cached && cached.Length == length ? cached
        : _messageId = new byte[length];

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
