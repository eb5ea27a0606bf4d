using System;

namespace Contracts.Messaging;

/// <summary>The outcome of producing one message.</summary>
/// <param name="Topic">The topic the message went to.</param>
/// <param name="Partition">The partition (or shard index) that stored it; -1 when none did.</param>
/// <param name="Offset">Its offset in the partition; -1 when not stored.</param>
/// <param name="MessageId">The <see cref="MessageHeaders.MessageId"/> the message carried.</param>
/// <param name="Timestamp">The message timestamp; <see cref="DateTimeOffset.UnixEpoch"/> when unknown.</param>
/// <param name="Status">Whether it was stored.</param>
/// <param name="Error">Why it was not stored, for the fire-and-forget <c>Produce</c> callback; null on success.</param>
public readonly record struct ProduceResult(
    string Topic,
    int Partition,
    long Offset,
    Guid MessageId,
    DateTimeOffset Timestamp,
    ProduceStatus Status,
    MessageProduceException? Error = null)
{
    /// <summary>A result for a message that was suppressed and never sent.</summary>
    public static ProduceResult Suppressed(string topic, Guid messageId) =>
        new(topic, -1, -1, messageId, DateTimeOffset.UnixEpoch, ProduceStatus.Suppressed);
}
