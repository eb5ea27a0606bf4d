using System.Collections.Generic;
using Confluent.Kafka;

namespace Contracts.Kafka.DeadLetters;

/// <summary>A consumed message to send on, byte for byte, to <paramref name="Topic"/> with <paramref name="Headers"/> added.</summary>
internal readonly record struct ForwardedMessage(string Topic, ConsumeResult<byte[]?, byte[]?> Original, IReadOnlyList<KeyValuePair<string, string>> Headers);
