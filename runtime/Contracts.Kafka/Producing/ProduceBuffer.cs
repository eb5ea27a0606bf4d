using System;
using System.Buffers;

namespace Contracts.Kafka;

/// <summary>
/// One reusable serialization buffer per thread: a message is encoded into it and copied out once, at its exact size,
/// into the array Confluent.Kafka hands to librdkafka (which copies it again into its own queue).
/// </summary>
internal static class ProduceBuffer
{
    private const int InitialCapacity = 1024;

    // Past this a buffer is not kept: one huge message should not pin its memory for the thread's lifetime.
    private const int MaxRetainedCapacity = 1024 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

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
}
