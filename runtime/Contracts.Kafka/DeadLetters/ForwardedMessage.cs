using System.Collections.Generic;
using Contracts.Kafka.Consuming;

namespace Contracts.Kafka.DeadLetters;

/// <summary>A consumed message to send on, byte for byte, to <paramref name="Topic"/> with <paramref name="Headers"/> added.</summary>
internal readonly record struct ForwardedMessage(string Topic, ConsumedRecord Original, IReadOnlyList<KeyValuePair<string, string>> Headers);
