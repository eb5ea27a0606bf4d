using System;
using System.Collections.Generic;

namespace Contracts.Kafka.Throughput;

/// <summary>A realistic order event (about 150 bytes of Avro): what the harness produces and consumes.</summary>
[Message("order-placed", 1, Key = nameof(OrderId))]
public partial record OrderPlacedV1(
    Guid OrderId,
    string CustomerEmail,
    DateTimeOffset PlacedAt,
    [property: AvroDecimal(12, 2)] decimal Total,
    string Currency,
    IReadOnlyList<OrderLine> Lines,
    string? Coupon = null);

/// <summary>One line of an order.</summary>
public sealed record OrderLine(string Sku, int Quantity, [property: AvroDecimal(10, 2)] decimal UnitPrice);

/// <summary>The topic the harness uses.</summary>
[Messaging.Topic("orders", typeof(OrderPlacedV1))]
public partial class OrdersTopic;
