namespace Contracts.Kafka.Consuming;

/// <summary>
/// A message the polling thread consumed, on its way to the processing thread. <see cref="Stamp"/> is the number of
/// partition requests the polling thread had carried out when it consumed the message: a message stamped before the
/// seek of its partition was carried out is stale (the seek delivers it again).
/// </summary>
internal readonly record struct ConsumedMessage(ConsumedRecord Record, long Stamp);
