using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Messaging;

/// <summary>
/// Sends contracts to topics, whatever the transport. Generated topic classes call it; it adds the
/// <see cref="MessageHeaders"/>, encodes in the topic's <see cref="WireFormat"/>, takes the key from the contract's key
/// configuration, and honours <see cref="ProducerSuppression"/>.
/// </summary>
public interface IMessageProducer
{
    /// <summary>Sends <paramref name="message"/> and completes when the broker acknowledged it.</summary>
    /// <exception cref="ArgumentException">The topic does not declare <typeparamref name="T"/>.</exception>
    /// <exception cref="ContractEncodeException">The message holds a value its schema cannot carry.</exception>
    /// <exception cref="MessageProduceException">The message was not delivered.</exception>
    ValueTask<ProduceResult> ProduceAsync<T>(TopicDescriptor topic, T message, CancellationToken cancellationToken = default)
        where T : IMessageContract<T>;

    /// <summary>
    /// Queues <paramref name="message"/> without waiting, for throughput; <paramref name="onDelivered"/> (when given)
    /// receives the outcome, failures included, on the transport's delivery thread.
    /// </summary>
    /// <exception cref="ArgumentException">The topic does not declare <typeparamref name="T"/>.</exception>
    /// <exception cref="ContractEncodeException">The message holds a value its schema cannot carry.</exception>
    /// <exception cref="MessageProduceException">The message could not even be queued (e.g. the local queue is full).</exception>
    void Produce<T>(TopicDescriptor topic, T message, Action<ProduceResult>? onDelivered = null)
        where T : IMessageContract<T>;
}
