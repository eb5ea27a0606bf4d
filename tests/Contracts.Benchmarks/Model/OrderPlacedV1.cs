using System;
using System.Collections.Generic;

namespace Contracts.Benchmarks.Model;

/// <summary>
/// The benchmark's message: twelve fields covering the shapes real order events carry (uuid, strings, ints, a long,
/// a timestamp, a decimal, a nested record, a list of records, a boolean, an enum and a nullable string).
/// </summary>
[Message("order-placed", 1, Key = nameof(OrderId))]
public partial record OrderPlacedV1(
    Guid OrderId,
    string CustomerId,
    string CustomerName,
    int ItemCount,
    long Sequence,
    DateTimeOffset PlacedAt,
    [AvroDecimal(18, 2)] decimal Total,
    Address ShippingAddress,
    IReadOnlyList<OrderLine> Lines,
    bool Express,
    OrderStatus Status,
    string? Note = null);

/// <summary>A postal address, nested in <see cref="OrderPlacedV1"/>.</summary>
public sealed record Address(string Street, string City, string PostalCode, string Country);

/// <summary>One line of an order.</summary>
public sealed record OrderLine(string Sku, int Quantity, double UnitPrice);

/// <summary>Where an order is in its life.</summary>
public enum OrderStatus
{
    /// <summary>Received, not paid.</summary>
    Placed,

    /// <summary>Paid.</summary>
    Paid,

    /// <summary>Handed to the carrier.</summary>
    Shipped,

    /// <summary>Delivered.</summary>
    Delivered,

    /// <summary>Cancelled before shipping.</summary>
    Cancelled,
}
