using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// Handles one message of contract <typeparamref name="T"/>. Register it with
/// <c>consumer.AddHandler&lt;T, THandler&gt;()</c>; it is resolved from a DI scope created for each message.
/// </summary>
/// <typeparam name="T">The contract this handler receives; older versions reach it through upcasts.</typeparam>
public interface IMessageHandler<in T>
    where T : IMessageContract<T>
{
    /// <summary>
    /// Applies <paramref name="message"/>. Returning marks the message done (its offset is committed); throwing hands it
    /// to the consumer's retry policy, and from there to the dead-letter topic.
    /// </summary>
    ValueTask HandleAsync(T message, MessageContext context, CancellationToken cancellationToken);
}
