using System;
using System.Runtime.InteropServices;

namespace Contracts.Kafka.Native;

/// <summary>
/// librdkafka's consume API (rdkafka.h of librdkafka 2.16.0) for reading a message where librdkafka keeps it.
/// Call <see cref="LibrdkafkaLibrary.EnsureBound"/> first. The accessors of a message's fields are marked
/// <see cref="SuppressGCTransitionAttribute"/>: each reads a few fields of the message, or parses its headers once,
/// without locks or callbacks, and the polling thread calls five of them per message.
/// </summary>
internal static unsafe partial class ConsumeNative
{
    /// <summary><c>RD_KAFKA_RESP_ERR__PARTITION_EOF</c>: not a message, the end of a partition.</summary>
    public const int PartitionEof = -191;

    /// <summary><c>RD_KAFKA_RESP_ERR__FATAL</c>.</summary>
    public const int Fatal = -150;

    /// <summary>A message (or an error event) the caller must destroy, or null when none arrived in time; serves rebalance and other callbacks.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_consumer_poll")]
    public static partial NativeMessage* ConsumerPoll(IntPtr client, int timeoutMs);

    /// <summary>A new reference to the consumer group's queue; null without a group. Destroy it before the consumer closes.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_queue_get_consumer")]
    public static partial IntPtr QueueGetConsumer(IntPtr client);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_queue_destroy")]
    public static partial void QueueDestroy(IntPtr queue);

    /// <summary>
    /// Up to <paramref name="size"/> messages (or error events) the caller must each destroy, waiting at most
    /// <paramref name="timeoutMs"/> to fill them; serves callbacks like <see cref="ConsumerPoll"/>, and leaves out
    /// messages of partitions revoked during the call. -1 on error.
    /// </summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_consume_batch_queue")]
    public static partial nint ConsumeBatchQueue(IntPtr queue, int timeoutMs, NativeMessage** messages, nuint size);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_message_destroy")]
    public static partial void MessageDestroy(NativeMessage* message);

    /// <summary>Returns a string owned by the topic.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_topic_name")]
    [SuppressGCTransition]
    public static partial byte* TopicName(IntPtr topic);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_message_timestamp")]
    [SuppressGCTransition]
    public static partial long MessageTimestamp(NativeMessage* message, int* timestampType);

    /// <summary>-1 when the broker gave no leader epoch.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_message_leader_epoch")]
    [SuppressGCTransition]
    public static partial int MessageLeaderEpoch(NativeMessage* message);

    /// <summary>The message's headers, owned by the message; a non-zero error (<c>__NOENT</c>) when it has none.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_message_headers")]
    [SuppressGCTransition]
    public static partial int MessageHeaders(NativeMessage* message, IntPtr* headers);

    /// <summary>The header at <paramref name="index"/>; a non-zero error past the last one.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_header_get_all")]
    [SuppressGCTransition]
    public static partial int HeaderGetAll(IntPtr headers, nuint index, byte** name, byte** value, nuint* size);

    /// <summary>Returns a static string.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_err2str")]
    public static partial byte* ErrorText(int error);
}

/// <summary><c>rd_kafka_message_t</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeMessage
{
    public int Error;
    public IntPtr Topic;
    public int Partition;
    public byte* Payload;
    public nuint Length;
    public byte* Key;
    public nuint KeyLength;
    public long Offset;
    public IntPtr Private;
}
