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
    {
        var config = new ProducerConfig(new Dictionary<string, string>(properties))
        {
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 1,
        };
        _producer = new ProducerBuilder<byte[]?, byte[]?>(config).Build();
        _consumerGroup = consumerGroup;
    }

    /// <summary>
    /// Sends <paramref name="original"/> to <paramref name="topic"/>: same key, value and timestamp; its headers minus
    /// those a previous forward added, plus <paramref name="headers"/>.
    /// </summary>
    public async Task ForwardAsync(string topic, ConsumeResult<byte[]?, byte[]?> original, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var forwarded = new Headers();
        if (original.Message.Headers is { } originalHeaders)
        {
            foreach (var header in originalHeaders)
            {
                if (!header.Key.StartsWith("retry-", StringComparison.Ordinal) && !header.Key.StartsWith("dlt-", StringComparison.Ordinal))
                {
                    forwarded.Add(header.Key, header.GetValueBytes());
                }
            }
        }

        foreach (var (name, value) in headers)
        {
            forwarded.Add(name, System.Text.Encoding.UTF8.GetBytes(value));
        }

        var message = new Message<byte[]?, byte[]?>
        {
            Key = original.Message.Key,
            Value = original.Message.Value,
            Headers = forwarded,
            Timestamp = original.Message.Timestamp,
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

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
