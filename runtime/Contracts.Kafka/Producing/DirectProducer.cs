using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using Contracts.Kafka.Native;
using Contracts.Messaging;

namespace Contracts.Kafka;

/// <summary>
/// Sends one message through librdkafka's <c>rd_kafka_produceva</c> on a Confluent.Kafka producer's own client:
/// key, value and header values straight from the caller's spans (librdkafka copies them before returning), topic and
/// header names as cached null-terminated UTF-8. What Confluent.Kafka's <c>Produce</c> does besides — pinning each
/// array, building a header list object by object, a delivery handler slot — is skipped, not the librdkafka work:
/// partitioning, queueing, idempotence and transactions are librdkafka's either way, and delivery reports go to the
/// Confluent.Kafka producer, which ignores those of messages sent without a handler, as it does for its own.
/// </summary>
internal sealed unsafe class DirectProducer
{
    private static readonly byte[] TypeHeaderName = NullTerminated(MessageHeaders.MessageType);
    private static readonly byte[] VersionHeaderName = NullTerminated(MessageHeaders.MessageVersion);
    private static readonly byte[] IdHeaderName = NullTerminated(MessageHeaders.MessageId);

    // librdkafka reads a null pointer with length 0 as a null key, value or header value: present but empty ones
    // point here.
    private static readonly byte* EmptyBytes = (byte*)NativeMemory.AllocZeroed(1);

    private readonly SafeHandle _client;
    private readonly ConcurrentDictionary<string, byte[]> _topicNames = new(StringComparer.Ordinal);
    private volatile TopicName? _lastTopic;

    private DirectProducer(SafeHandle client) => _client = client;

    /// <summary>The direct path for <paramref name="producer"/>, or null when its librdkafka client cannot be reached safely.</summary>
    public static DirectProducer? TryCreate(IClient producer) =>
        ClientHandle.TryGet(producer) is { } client ? new DirectProducer(client) : null;

    /// <summary>
    /// Queues one message on <paramref name="topic"/>, partitioned by librdkafka's partitioner. Returns null when queued,
    /// otherwise librdkafka's refusal (a full queue, a fatal or transactional error, an unknown topic or partition).
    /// </summary>
    /// <param name="topic">The topic's name.</param>
    /// <param name="key">The key bytes; ignored when <paramref name="hasKey"/> is false (a null key).</param>
    /// <param name="hasKey">Whether the message has a key (possibly empty).</param>
    /// <param name="value">The value bytes.</param>
    /// <param name="messageType">The <see cref="MessageHeaders.MessageType"/> header's value.</param>
    /// <param name="messageVersion">The <see cref="MessageHeaders.MessageVersion"/> header's value.</param>
    /// <param name="messageId">The <see cref="MessageHeaders.MessageId"/> header's value.</param>
    /// <exception cref="ObjectDisposedException">The producer was disposed.</exception>
    public Error? Produce(
        string topic,
        ReadOnlySpan<byte> key,
        bool hasKey,
        ReadOnlySpan<byte> value,
        ReadOnlySpan<byte> messageType,
        ReadOnlySpan<byte> messageVersion,
        ReadOnlySpan<byte> messageId)
    {
        var topicName = TopicNameOf(topic);
        var arguments = stackalloc ProduceArgument[7];
        var count = 0;
        fixed (byte* topicBytes = topicName)
        fixed (byte* keyBytes = key)
        fixed (byte* valueBytes = value)
        fixed (byte* typeName = TypeHeaderName)
        fixed (byte* typeBytes = messageType)
        fixed (byte* versionName = VersionHeaderName)
        fixed (byte* versionBytes = messageVersion)
        fixed (byte* idName = IdHeaderName)
        fixed (byte* idBytes = messageId)
        {
            arguments[count++] = ProduceArgument.Text(ProduceArgumentType.Topic, topicBytes);
            arguments[count++] = ProduceArgument.Integer(ProduceArgumentType.MessageFlags, ProduceNative.CopyPayload);
            if (hasKey)
            {
                arguments[count++] = ProduceArgument.Bytes(ProduceArgumentType.Key, Present(keyBytes), key.Length);
            }

            arguments[count++] = ProduceArgument.Bytes(ProduceArgumentType.Value, Present(valueBytes), value.Length);
            arguments[count++] = ProduceArgument.Header(typeName, Present(typeBytes), messageType.Length);
            arguments[count++] = ProduceArgument.Header(versionName, Present(versionBytes), messageVersion.Length);
            arguments[count++] = ProduceArgument.Header(idName, Present(idBytes), messageId.Length);
            return Send(arguments, count);
        }
    }

    private Error? Send(ProduceArgument* arguments, int count)
    {
        var added = false;
        try
        {
            _client.DangerousAddRef(ref added);
            var error = ProduceNative.ProduceVa(_client.DangerousGetHandle(), arguments, (nuint)count);
            return error == IntPtr.Zero ? null : Consume(error);
        }
        finally
        {
            if (added)
            {
                _client.DangerousRelease();
            }
        }
    }

    private static Error Consume(IntPtr error)
    {
        try
        {
            var code = (ErrorCode)ProduceNative.ErrorCode(error);
            var reason = Marshal.PtrToStringUTF8(ProduceNative.ErrorString(error));
            return new Error(code, string.IsNullOrEmpty(reason) ? code.GetReason() : reason);
        }
        finally
        {
            ProduceNative.ErrorDestroy(error);
        }
    }

    private static byte* Present(byte* bytes) => bytes is null ? EmptyBytes : bytes;

    private byte[] TopicNameOf(string topic)
    {
        var last = _lastTopic;
        if (last is not null && last.Name == topic)
        {
            return last.Bytes;
        }

        var bytes = _topicNames.GetOrAdd(topic, NullTerminated);
        _lastTopic = new TopicName(topic, bytes);
        return bytes;
    }

    private static byte[] NullTerminated(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private sealed record TopicName(string Name, byte[] Bytes);
}
