using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Kafka.Consuming;
using Contracts.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Contracts.Hosting;

/// <summary>Registers the topics, handlers and retry rules of one consumer group.</summary>
public sealed class ConsumerGroupBuilder
{
    private readonly ConsumerGroupDefinition _definition;

    internal ConsumerGroupBuilder(IServiceCollection services, ConsumerGroupDefinition definition)
    {
        Services = services;
        _definition = definition;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The consumer group's registration name.</summary>
    public string Name => _definition.Name;

    /// <summary>Subscribes to <paramref name="topic"/> (in addition to topics from configuration).</summary>
    public ConsumerGroupBuilder Subscribe(string topic, UnknownMessagePolicy unknownMessages = UnknownMessagePolicy.Fail, PayloadDetection format = PayloadDetection.Auto)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        return Configure(options => options.Topics[topic] = new TopicOptions { UnknownMessages = unknownMessages, Format = format });
    }

    /// <summary>
    /// Subscribes to the topic of the generated topic class <typeparamref name="TTopic"/>, reading its declared wire
    /// format.
    /// </summary>
    public ConsumerGroupBuilder Subscribe<TTopic>(UnknownMessagePolicy unknownMessages = UnknownMessagePolicy.Fail)
        where TTopic : IMessageTopic
    {
        var topic = TTopic.Descriptor;
        return Subscribe(topic.Name, unknownMessages, topic.WireFormat == WireFormat.JsonEnvelope ? PayloadDetection.JsonEnvelope : PayloadDetection.Avro);
    }

    /// <summary>Adjusts the group's settings in code, after configuration was bound.</summary>
    public ConsumerGroupBuilder Configure(Action<ConsumerGroupOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(_definition.Name, configure);
        return this;
    }

    /// <summary>
    /// Sends every <typeparamref name="T"/> (and each older version <paramref name="olderVersions"/> lists) to
    /// <typeparamref name="THandler"/>, resolved from a new DI scope per message: its scoped dependencies (a DbContext)
    /// live for that message and are disposed after it.
    /// </summary>
    /// <remarks>
    /// Unless the application registered <typeparamref name="THandler"/> itself, it is registered as transient: resolved
    /// once per scope, it is a new instance per message just as a scoped one would be, and the scope need not cache it
    /// (which cost ~180 B per message).
    /// </remarks>
    public ConsumerGroupBuilder AddHandler<T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(Action<OlderVersions<T>>? olderVersions = null)
        where T : IMessageContract<T>
        where THandler : class, IMessageHandler<T>
    {
        Services.TryAddTransient<THandler>();
        return AddHandler(static provider => provider.GetRequiredService<THandler>(), olderVersions);
    }

    /// <summary>Sends every <typeparamref name="T"/> to <paramref name="handle"/>.</summary>
    public ConsumerGroupBuilder AddHandler<T>(Func<T, MessageContext, CancellationToken, ValueTask> handle, Action<OlderVersions<T>>? olderVersions = null)
        where T : IMessageContract<T>
    {
        ArgumentNullException.ThrowIfNull(handle);
        var handler = new DelegateMessageHandler<T>(handle);
        var older = Older(olderVersions);
        _definition.AddHandler(_ => Routes(new SingleHandlerTarget<T>(handler), older));
        return this;
    }

    /// <summary>
    /// Sends consecutive <typeparamref name="T"/> messages, up to <see cref="ConsumerGroupOptions.MaxBatchSize"/> at a
    /// time, to <typeparamref name="THandler"/>, resolved from a new DI scope per batch (transient unless the application
    /// registered it, as for <see cref="AddHandler{T, THandler}(Action{OlderVersions{T}}?)"/>).
    /// </summary>
    public ConsumerGroupBuilder AddBatchHandler<T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(Action<OlderVersions<T>>? olderVersions = null)
        where T : IMessageContract<T>
        where THandler : class, IBatchMessageHandler<T>
    {
        Services.TryAddTransient<THandler>();
        var older = Older(olderVersions);
        _definition.AddHandler(options =>
        {
            var target = new BatchHandlerTarget<T>(static provider => provider.GetRequiredService<THandler>(), options.MaxBatchSize);
            return Routes(target, older);
        });
        return this;
    }

    /// <summary>Retries only <typeparamref name="TException"/> (and other included types); without any, every exception is retried.</summary>
    public ConsumerGroupBuilder RetryOn<TException>()
        where TException : Exception
    {
        _definition.RetryPolicy.Include<TException>();
        return this;
    }

    /// <summary>Never retries <typeparamref name="TException"/>: such a message goes to the dead-letter topic at once.</summary>
    public ConsumerGroupBuilder NoRetryOn<TException>()
        where TException : Exception
    {
        _definition.RetryPolicy.Exclude<TException>();
        return this;
    }

    private ConsumerGroupBuilder AddHandler<T>(Func<IServiceProvider, IMessageHandler<T>> resolve, Action<OlderVersions<T>>? olderVersions)
        where T : IMessageContract<T>
    {
        var older = Older(olderVersions);
        _definition.AddHandler(_ => Routes(new SingleHandlerTarget<T>(resolve), older));
        return this;
    }

    private static OlderVersions<T> Older<T>(Action<OlderVersions<T>>? configure)
        where T : IMessageContract<T>
    {
        var older = new OlderVersions<T>();
        configure?.Invoke(older);
        return older;
    }

    private static MessageRoute[] Routes<T>(HandlerTarget<T> target, OlderVersions<T> older)
        where T : IMessageContract<T>
    {
        var routes = new System.Collections.Generic.List<MessageRoute> { MessageRoute<T>.Exact(target) };
        foreach (var route in older.Routes)
        {
            routes.Add(route(target));
        }

        // Earlier versions the build can resolve into T reach this handler too, unless code routes them elsewhere.
        foreach (var reader in T.Descriptor.ResolvingReaders)
        {
            routes.Add(MessageRoute<T>.Resolving(target, reader));
        }

        return [.. routes];
    }
}
