using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.Tests.Producing;
using Contracts.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

public sealed class DispatchTests
{
    [Fact]
    public async Task Many_types_and_versions_on_one_topic_reach_their_handlers_in_partition_order()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("mixed", 3), new EmbeddedTopic("mixed-json", 2));
        var orders = new Received<OrderPlacedV2>();
        var peopleV1 = new Received<PersonV1>();
        var peopleV2 = new Received<PersonV2>();
        var shipments = new ShipmentLog();

        var expectedOrders = new List<OrderPlacedV2>();
        var customers = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < 40; i++)
        {
            var id = Guid.NewGuid();
            switch (i % 4)
            {
                case 0:
                    await harness.ProduceAsync("mixed", new OrderPlacedV1(id, $"c{i}", i));
                    expectedOrders.Add(new OrderPlacedV2(id, $"c{i}", i, "EUR"));
                    break;
                case 1:
                    await harness.ProduceAsync("mixed", new OrderPlacedV2(id, $"c{i}", i, "USD"));
                    expectedOrders.Add(new OrderPlacedV2(id, $"c{i}", i, "USD"));
                    break;
                case 2:
                    await harness.ProduceAsync("mixed", new PersonV1(id, $"p{i}"));
                    break;
                default:
                    await harness.ProduceAsync("mixed", new PersonV2(id, $"p{i}", null, ["t"]));
                    break;
            }

            // Shipments of one order share a key, hence a partition: their sequence must arrive in order.
            await harness.ProduceAsync("mixed", new ShipmentV1(customers[i % customers.Length], i));
        }

        // The JSON envelope topic: an old version reaches the newest handler through the same upcast.
        var jsonId = Guid.NewGuid();
        await harness.ProduceAsync("mixed-json", new OrderPlacedV1(jsonId, "json", 7), WireFormat.JsonEnvelope);
        expectedOrders.Add(new OrderPlacedV2(jsonId, "json", 7, "EUR"));

        await harness.StartConsumerAsync(
            "dispatch",
            consumer => consumer
                .Subscribe("mixed")
                .Subscribe("mixed-json")
                .AddHandler<OrderPlacedV2>(orders.Add, older => older.From<OrderPlacedV1>(v1 => new OrderPlacedV2(v1.OrderId, v1.Customer, v1.Quantity, "EUR")))
                .AddHandler<PersonV1>(peopleV1.Add)
                .AddHandler<PersonV2>(peopleV2.Add)
                .AddBatchHandler<ShipmentV1, ShipmentBatchHandler>(),
            services => services.AddSingleton(shipments));

        await ConsumerHarness.WaitUntil(
            () => orders.Count == 21 && peopleV1.Count == 10 && peopleV2.Count == 10 && shipments.Count == 40,
            "every message is handled");

        Assert.Equal(expectedOrders.OrderBy(o => o.OrderId), orders.Items.Select(i => i.Message).OrderBy(o => o.OrderId));
        Assert.Equal(11, orders.Items.Count(i => i.Context.Version == 1));
        Assert.All(orders.Items, i => Assert.Equal(("order-placed", "dispatch", 1), (i.Context.MessageType, i.Context.ConsumerGroup, i.Context.Attempt)));
        Assert.Equal("mixed-json", Assert.Single(orders.Items, i => i.Message.OrderId == jsonId).Context.Topic);
        Assert.All(peopleV1.Items, i => Assert.Equal(1, i.Context.Version));
        Assert.All(peopleV2.Items, i => Assert.Equal(2, i.Context.Version));

        foreach (var customer in customers)
        {
            var sequence = shipments.Items.Where(s => s.Message.OrderId == customer).Select(s => s.Message.Sequence).ToList();
            Assert.Equal(sequence.Order(), sequence);
            Assert.Equal(10, sequence.Count);
        }

        Assert.Contains(shipments.BatchSizes, size => size > 1);
        Assert.All(shipments.BatchSizes, size => Assert.InRange(size, 1, 100));
    }

    [Fact]
    public async Task Two_handlers_for_one_type_and_version_fail_the_host_start_naming_both()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("dup", 1));
        var host = harness.BuildHost("dup", consumer => consumer
            .Subscribe("dup")
            .AddHandler<OrderPlacedV2>((_, _, _) => ValueTask.CompletedTask)
            .AddHandler<OrderPlacedV1>((_, _, _) => ValueTask.CompletedTask)
            .AddHandler<OrderPlacedV3>((_, _, _) => ValueTask.CompletedTask, older => older.From<OrderPlacedV1>(v1 => new OrderPlacedV3(v1.OrderId, v1.Customer, v1.Quantity, "EUR", "web"))));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Equal(
            "Message type 'order-placed' version 1 has two handlers in one consumer group: one for OrderPlacedV1 and one for OrderPlacedV3. Keep one handler per (type, version).",
            error.Message);
    }

    [Fact]
    public void An_upcast_from_another_type_or_a_newer_version_is_refused()
    {
        var older = new Contracts.Kafka.Consuming.OlderVersions<OrderPlacedV2>();
        var newer = Assert.Throws<ArgumentException>(() => older.From<OrderPlacedV3>(v3 => new OrderPlacedV2(v3.OrderId, v3.Customer, v3.Quantity, v3.Currency)));
        Assert.StartsWith("OrderPlacedV3 (order-placed v3 (OrderPlacedV3)) cannot be upcast to OrderPlacedV2 (order-placed v2 (OrderPlacedV2)): an upcast reads an older version of the same message type.", newer.Message, StringComparison.Ordinal);
        var otherType = Assert.Throws<ArgumentException>(() => older.From<ShipmentV1>(s => new OrderPlacedV2(s.OrderId, "", 0, "")));
        Assert.Contains("an upcast reads an older version of the same message type", otherType.Message, StringComparison.Ordinal);
    }
}

internal sealed class ShipmentLog
{
    private readonly Lock _gate = new();
    private readonly List<(ShipmentV1 Message, MessageContext Context)> _items = [];
    private readonly List<int> _batchSizes = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public IReadOnlyList<(ShipmentV1 Message, MessageContext Context)> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public IReadOnlyList<int> BatchSizes
    {
        get
        {
            lock (_gate)
            {
                return [.. _batchSizes];
            }
        }
    }

    public void Add(IReadOnlyList<ShipmentV1> messages, IReadOnlyList<MessageContext> contexts)
    {
        lock (_gate)
        {
            _batchSizes.Add(messages.Count);
            _items.AddRange(messages.Zip(contexts));
        }
    }
}

internal sealed class ShipmentBatchHandler(ShipmentLog log) : IBatchMessageHandler<ShipmentV1>
{
    public ValueTask HandleAsync(IReadOnlyList<ShipmentV1> messages, IReadOnlyList<MessageContext> contexts, CancellationToken cancellationToken)
    {
        Assert.Equal(messages.Count, contexts.Count);
        log.Add(messages, contexts);
        return ValueTask.CompletedTask;
    }
}
