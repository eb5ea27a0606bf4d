using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// Handles consecutive messages of contract <typeparamref name="T"/> together (deimos' batch consumers), e.g. to write
/// them to a database in one round trip. Register it with <c>consumer.AddBatchHandler&lt;T, THandler&gt;()</c>.
/// </summary>
/// <typeparam name="T">The contract this handler receives.</typeparam>
public interface IBatchMessageHandler<T>
    where T : IMessageContract<T>
{
    /// <summary>
    /// Applies <paramref name="messages"/>; <paramref name="contexts"/> holds, at the same index, where each came from.
    /// Returning commits every offset of the batch; throwing hands the whole batch to the retry policy.
    /// </summary>
    ValueTask HandleAsync(IReadOnlyList<T> messages, IReadOnlyList<MessageContext> contexts, CancellationToken cancellationToken);
}
