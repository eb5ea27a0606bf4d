using System;
using System.Collections.Generic;
using Avro;
using Avro.Specific;

namespace Contracts.Benchmarks.ApacheAvro;

// Written by hand in the shape avrogen gives Apache.Avro specific records (avrogen is not obtainable here):
// a static parsed schema, auto-properties named like the Avro fields, and boxed Get/Put switches by field position.
#pragma warning disable IDE1006 // avrogen keeps the Avro field names as property names.

/// <summary>Apache.Avro specific record for <c>OrderPlaced</c>.</summary>
public sealed class OrderPlaced : ISpecificRecord
{
    /// <summary>The parsed record schema, as avrogen exposes it.</summary>
    public static readonly global::Avro.Schema _SCHEMA = global::Avro.Schema.Parse(OrderSchema.Json);

    /// <inheritdoc/>
    public global::Avro.Schema Schema => _SCHEMA;

    public Guid orderId { get; set; }

    public string customerId { get; set; } = string.Empty;

    public string customerName { get; set; } = string.Empty;

    public int itemCount { get; set; }

    public long sequence { get; set; }

    public DateTime placedAt { get; set; }

    public AvroDecimal total { get; set; }

    public Address shippingAddress { get; set; } = new();

    public IList<OrderLine> lines { get; set; } = new List<OrderLine>();

    public bool express { get; set; }

    public OrderStatus status { get; set; }

    public string? note { get; set; }

    /// <inheritdoc/>
    public object? Get(int fieldPos) => fieldPos switch
    {
        0 => orderId,
        1 => customerId,
        2 => customerName,
        3 => itemCount,
        4 => sequence,
        5 => placedAt,
        6 => total,
        7 => shippingAddress,
        8 => lines,
        9 => express,
        10 => status,
        11 => note,
        _ => throw new AvroRuntimeException("Bad index " + fieldPos + " in Get()"),
    };

    /// <inheritdoc/>
    public void Put(int fieldPos, object? fieldValue)
    {
        switch (fieldPos)
        {
            case 0: orderId = (Guid)fieldValue!; break;
            case 1: customerId = (string)fieldValue!; break;
            case 2: customerName = (string)fieldValue!; break;
            case 3: itemCount = (int)fieldValue!; break;
            case 4: sequence = (long)fieldValue!; break;
            case 5: placedAt = (DateTime)fieldValue!; break;
            case 6: total = (AvroDecimal)fieldValue!; break;
            case 7: shippingAddress = (Address)fieldValue!; break;
            case 8: lines = (IList<OrderLine>)fieldValue!; break;
            case 9: express = (bool)fieldValue!; break;
            case 10: status = (OrderStatus)fieldValue!; break;
            case 11: note = (string?)fieldValue; break;
            default: throw new AvroRuntimeException("Bad index " + fieldPos + " in Put()");
        }
    }
}

/// <summary>Apache.Avro specific record for <c>Address</c>.</summary>
public sealed class Address : ISpecificRecord
{
    /// <summary>The parsed record schema, as avrogen exposes it.</summary>
    public static readonly global::Avro.Schema _SCHEMA = ((RecordSchema)OrderPlaced._SCHEMA)["shippingAddress"].Schema;

    /// <inheritdoc/>
    public global::Avro.Schema Schema => _SCHEMA;

    public string street { get; set; } = string.Empty;

    public string city { get; set; } = string.Empty;

    public string postalCode { get; set; } = string.Empty;

    public string country { get; set; } = string.Empty;

    /// <inheritdoc/>
    public object Get(int fieldPos) => fieldPos switch
    {
        0 => street,
        1 => city,
        2 => postalCode,
        3 => country,
        _ => throw new AvroRuntimeException("Bad index " + fieldPos + " in Get()"),
    };

    /// <inheritdoc/>
    public void Put(int fieldPos, object fieldValue)
    {
        switch (fieldPos)
        {
            case 0: street = (string)fieldValue; break;
            case 1: city = (string)fieldValue; break;
            case 2: postalCode = (string)fieldValue; break;
            case 3: country = (string)fieldValue; break;
            default: throw new AvroRuntimeException("Bad index " + fieldPos + " in Put()");
        }
    }
}

/// <summary>Apache.Avro specific record for <c>OrderLine</c>.</summary>
public sealed class OrderLine : ISpecificRecord
{
    /// <summary>The parsed record schema, as avrogen exposes it.</summary>
    public static readonly global::Avro.Schema _SCHEMA = ((ArraySchema)((RecordSchema)OrderPlaced._SCHEMA)["lines"].Schema).ItemSchema;

    /// <inheritdoc/>
    public global::Avro.Schema Schema => _SCHEMA;

    public string sku { get; set; } = string.Empty;

    public int quantity { get; set; }

    public double unitPrice { get; set; }

    /// <inheritdoc/>
    public object Get(int fieldPos) => fieldPos switch
    {
        0 => sku,
        1 => quantity,
        2 => unitPrice,
        _ => throw new AvroRuntimeException("Bad index " + fieldPos + " in Get()"),
    };

    /// <inheritdoc/>
    public void Put(int fieldPos, object fieldValue)
    {
        switch (fieldPos)
        {
            case 0: sku = (string)fieldValue; break;
            case 1: quantity = (int)fieldValue; break;
            case 2: unitPrice = (double)fieldValue; break;
            default: throw new AvroRuntimeException("Bad index " + fieldPos + " in Put()");
        }
    }
}

/// <summary>The Avro enum <c>OrderStatus</c>, as avrogen emits it.</summary>
public enum OrderStatus
{
    Placed,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}
