using System.Threading;
using System.Threading.Tasks;
using Contracts.Benchmarks.Model;
using Contracts.Kafka.Consuming;

namespace Contracts.Kafka.Benchmarks.Consuming;

/// <summary>What a consume round's handler does per message: touch the decoded order and tick the round's clock.</summary>
internal sealed class OrderProbe(RoundClock clock)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _checksum;

    public RoundClock Clock { get; } = clock;

    /// <summary>Completes when the round's last message was handled.</summary>
    public Task Done => _done.Task;

    public long Checksum => _checksum;

    public ValueTask Handle(OrderPlacedV1 order)
    {
        _checksum += order.Lines.Count;
        Clock.Message();
        if (Clock.Finished)
        {
            _done.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A handler class resolved from a DI scope per message, as most applications write them.</summary>
internal sealed class ScopedOrderHandler(OrderProbe probe) : IMessageHandler<OrderPlacedV1>
{
    public ValueTask HandleAsync(OrderPlacedV1 message, MessageContext context, CancellationToken cancellationToken) =>
        probe.Handle(message);
}
