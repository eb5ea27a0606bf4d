using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Kafka.Diagnostics;

namespace Contracts.Kafka.DeadLetters;

/// <summary>
/// Produces consumed messages, byte for byte, to retry and dead-letter topics with extra headers. Idempotent and
/// acknowledged by all replicas, so a forward the consumer has awaited is durable before it commits the offset.
/// </summary>
internal sealed class MessageForwarder : IDisposable
{
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly string _consumerGroup;

    public MessageForwarder(IEnumerable<KeyValuePair<string, string>> properties, string consumerGroup)
        : this(new ProducerBuilder<byte[]?, byte[]?>(Config(properties)).Build(), consumerGroup)
    {
    }

    /// <summary>Forwards through <paramref name="producer"/>, which the forwarder owns from now on.</summary>
    internal MessageForwarder(IProducer<byte[]?, byte[]?> producer, string consumerGroup)
    {
        _producer = producer;
        _consumerGroup = consumerGroup;
    }

    /// <summary>
    /// Sends every message in list order and then waits for all their acknowledgements together, instead of one round
    /// trip per message; completes only when every one is acknowledged (a caller may then store their offsets), and
    /// fails if any is not. The idempotent producer keeps the order of messages bound for one partition.
    /// </summary>
    public async Task ForwardAllAsync(IReadOnlyList<ForwardedMessage> messages, CancellationToken cancellationToken)
    {
        var acknowledgements = new Task[messages.Count];
        var started = 0;
        while (started < messages.Count)
        {
            var message = messages[started];
            var acknowledged = ForwardAsync(message, cancellationToken);
            acknowledgements[started++] = acknowledged;
            if (acknowledged.IsFaulted)
            {
                // Refused before it was queued (a full local queue, say): what follows must not overtake it.
                break;
            }
        }

        await Task.WhenAll(started == messages.Count ? acknowledgements : acknowledgements[..started]).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the consumed message to the forward's topic: same key, value and timestamp; its headers minus those a
    /// previous forward added, plus the forward's headers. Completes when the broker acknowledges it.
    /// </summary>
    public async Task ForwardAsync(ForwardedMessage forward, CancellationToken cancellationToken)
    {
        var (topic, original, headers) = forward;
        var forwarded = new Headers();
        for (var i = 0; i < original.HeaderCount; i++)
        {
            var name = original.HeaderName(i);
            if (!name.StartsWith("retry-", StringComparison.Ordinal) && !name.StartsWith("dlt-", StringComparison.Ordinal))
            {
                forwarded.Add(name, original.HeaderValue(i)?.ToArray());
            }
        }

        foreach (var (name, value) in headers)
        {
            forwarded.Add(name, System.Text.Encoding.UTF8.GetBytes(value));
        }

        var message = new Message<byte[]?, byte[]?>
        {
            Key = original.KeyArray(),
            Value = original.ValueArray(),
            Headers = forwarded,
            Timestamp = original.Timestamp,
        };

        await _producer.ProduceAsync(topic, message, cancellationToken).ConfigureAwait(false);
        KafkaTelemetry.SentMessages.Add(
            1,
            new TagList
            {
                { MessagingAttributes.System, MessagingAttributes.KafkaSystem },
                { MessagingAttributes.DestinationName, topic },
                { MessagingAttributes.ConsumerGroup, _consumerGroup },
            });
    }

    private static ProducerConfig Config(IEnumerable<KeyValuePair<string, string>> properties) =>
        new(new Dictionary<string, string>(properties))
        {
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 1,
        };

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
