using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Kafka.Retries;

namespace Contracts.Kafka.Consuming;

/// <summary>What code registered for a consumer group: its handlers (with upcasts) and which exceptions are retried.</summary>
internal sealed class ConsumerGroupDefinition(string name)
{
    private readonly List<Func<ConsumerGroupOptions, IEnumerable<MessageRoute>>> _handlers = [];

    public string Name { get; } = name;

    public RetryPolicy RetryPolicy { get; } = new();

    public int HandlerCount => _handlers.Count;

    public void AddHandler(Func<ConsumerGroupOptions, IEnumerable<MessageRoute>> createRoutes) => _handlers.Add(createRoutes);

    /// <summary>Fresh handler targets and routes for one consumer; fails on two handlers for one (type, version).</summary>
    public DispatchTable CreateDispatchTable(ConsumerGroupOptions options) =>
        new(_handlers.SelectMany(create => create(options)));
}
