using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// A registered handler plus the messages decoded for it and not yet handled. A single-message handler holds at most
/// one; a batch handler collects up to its batch size. The consumer loop only sees this non-generic face.
/// </summary>
internal abstract class HandlerTarget
{
    private readonly List<MessageContext> _contexts = [];

    protected HandlerTarget(IMessageDescriptor descriptor, int maxPending)
    {
        Descriptor = descriptor;
        MaxPending = maxPending;
    }

    /// <summary>The contract the handler receives.</summary>
    public IMessageDescriptor Descriptor { get; }

    public int MaxPending { get; }

    public IReadOnlyList<MessageContext> Pending => _contexts;

    public bool IsFull => _contexts.Count >= MaxPending;

    /// <summary>Calls the handler with everything pending; the caller clears afterwards, whatever the outcome.</summary>
    public abstract ValueTask InvokeAsync(IServiceProvider services, CancellationToken cancellationToken);

    public virtual void Clear() => _contexts.Clear();

    /// <summary>
    /// A new target holding what is pending here, each message on <paramref name="attempt"/>: a failed batch kept for
    /// its blocking retry while this target collects the next one.
    /// </summary>
    public abstract HandlerTarget Detach(int attempt);

    protected void AddContext(MessageContext context) => _contexts.Add(context);
}

/// <summary>A handler target that knows the contract type.</summary>
internal abstract class HandlerTarget<T> : HandlerTarget
    where T : IMessageContract<T>
{
    protected HandlerTarget(int maxPending)
        : base(T.Descriptor, maxPending)
    {
    }

    public abstract void Add(T message, MessageContext context);
}

/// <summary>One message at a time to <see cref="IMessageHandler{T}"/> (or a delegate), resolved from a fresh DI scope.</summary>
internal sealed class SingleHandlerTarget<T> : HandlerTarget<T>
    where T : IMessageContract<T>
{
    private readonly Func<IServiceProvider, IMessageHandler<T>>? _resolve;
    private readonly IMessageHandler<T>? _instance;
    private T? _message;

    /// <summary>A handler resolved from a new DI scope per message.</summary>
    public SingleHandlerTarget(Func<IServiceProvider, IMessageHandler<T>> resolve)
        : base(maxPending: 1) => _resolve = resolve;

    /// <summary>A handler that needs no services (a delegate): no scope is created for it.</summary>
    public SingleHandlerTarget(IMessageHandler<T> instance)
        : base(maxPending: 1) => _instance = instance;

    public override void Add(T message, MessageContext context)
    {
        _message = message;
        AddContext(context);
    }

    public override HandlerTarget Detach(int attempt)
    {
        var copy = _instance is not null ? new SingleHandlerTarget<T>(_instance) : new SingleHandlerTarget<T>(_resolve!);
        copy.Add(_message!, Pending[0].WithAttempt(attempt));
        return copy;
    }

    public override ValueTask InvokeAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        _instance is not null ? _instance.HandleAsync(_message!, Pending[0], cancellationToken) : InvokeScopedAsync(services, cancellationToken);

    private async ValueTask InvokeScopedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await _resolve!(scope.ServiceProvider).HandleAsync(_message!, Pending[0], cancellationToken).ConfigureAwait(false);
    }

    public override void Clear()
    {
        _message = default;
        base.Clear();
    }
}

/// <summary>Consecutive messages of one contract to <see cref="IBatchMessageHandler{T}"/>.</summary>
internal sealed class BatchHandlerTarget<T> : HandlerTarget<T>
    where T : IMessageContract<T>
{
    private readonly Func<IServiceProvider, IBatchMessageHandler<T>> _resolve;
    private readonly List<T> _messages = [];

    public BatchHandlerTarget(Func<IServiceProvider, IBatchMessageHandler<T>> resolve, int maxBatchSize)
        : base(maxBatchSize) => _resolve = resolve;

    public override void Add(T message, MessageContext context)
    {
        _messages.Add(message);
        AddContext(context);
    }

    public override HandlerTarget Detach(int attempt)
    {
        var copy = new BatchHandlerTarget<T>(_resolve, MaxPending);
        for (var i = 0; i < _messages.Count; i++)
        {
            copy.Add(_messages[i], Pending[i].WithAttempt(attempt));
        }

        return copy;
    }

    public override async ValueTask InvokeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();

        // The handler may keep the lists; it gets copies so that the next batch does not change them under it.
        await _resolve(scope.ServiceProvider).HandleAsync(_messages.ToArray(), [.. Pending], cancellationToken).ConfigureAwait(false);
    }

    public override void Clear()
    {
        _messages.Clear();
        base.Clear();
    }
}

/// <summary>Adapts a delegate to <see cref="IMessageHandler{T}"/>.</summary>
internal sealed class DelegateMessageHandler<T>(Func<T, MessageContext, CancellationToken, ValueTask> handle) : IMessageHandler<T>
    where T : IMessageContract<T>
{
    public ValueTask HandleAsync(T message, MessageContext context, CancellationToken cancellationToken) =>
        handle(message, context, cancellationToken);
}
