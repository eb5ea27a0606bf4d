using System;
using System.Collections.Generic;
using System.Linq;
using Avro;
using Avro.Generic;
using Contracts.Benchmarks.Model;
using Apache = Contracts.Benchmarks.ApacheAvro;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// One order, built once per side from the same values, so every serializer gets the same content: ASCII and
/// non-ASCII text, small and multi-byte varints, a millisecond timestamp, a two-place decimal and five order lines.
/// </summary>
internal static class SampleOrder
{
    private static readonly Guid OrderId = new("7d5c3a1e-9b2f-4c8e-a6d4-0f1e2d3c4b5a");
    private static readonly DateTimeOffset PlacedAt = new(2026, 11, 23, 10, 15, 30, 123, TimeSpan.Zero);
    private const decimal Total = 1289.45m;
    private const string Note = "Leave the parcel with the neighbour at no. 12 — ring twice.";

    private static readonly (string Sku, int Quantity, double UnitPrice)[] Lines =
    [
        ("SKU-100234-BLK-M", 2, 19.99),
        ("SKU-100871-WHT-L", 1, 249.5),
        ("SKU-203311-RED-S", 3, 7.25),
        ("SKU-550012-GRY-XL", 1, 899.0),
        ("SKU-781234-BLU-M", 4, 6.49),
    ];

    /// <summary>The order as our <c>[Message]</c> record.</summary>
    public static OrderPlacedV1 CreateContract() => new(
        OrderId,
        "customer-000184467",
        "Zoë Łukasiewicz-Ortega",
        Lines.Sum(l => l.Quantity),
        9_876_543_210L,
        PlacedAt,
        Total,
        new Address("Kurfürstendamm 195", "Berlin", "10707", "DE"),
        Lines.Select(l => new OrderLine(l.Sku, l.Quantity, l.UnitPrice)).ToArray(),
        Express: true,
        OrderStatus.Paid,
        Note);

    /// <summary>The order as an Apache.Avro specific record.</summary>
    public static Apache.OrderPlaced CreateSpecific() => new()
    {
        orderId = OrderId,
        customerId = "customer-000184467",
        customerName = "Zoë Łukasiewicz-Ortega",
        itemCount = Lines.Sum(l => l.Quantity),
        sequence = 9_876_543_210L,
        placedAt = PlacedAt.UtcDateTime,
        total = new AvroDecimal(Total),
        shippingAddress = new Apache.Address { street = "Kurfürstendamm 195", city = "Berlin", postalCode = "10707", country = "DE" },
        lines = Lines.Select(l => new Apache.OrderLine { sku = l.Sku, quantity = l.Quantity, unitPrice = l.UnitPrice }).ToList(),
        express = true,
        status = Apache.OrderStatus.Paid,
        note = Note,
    };

    /// <summary>The order as an Apache.Avro generic record.</summary>
    public static GenericRecord CreateGeneric(RecordSchema schema)
    {
        var addressSchema = (RecordSchema)schema["shippingAddress"].Schema;
        var lineSchema = (RecordSchema)((ArraySchema)schema["lines"].Schema).ItemSchema;
        var statusSchema = (EnumSchema)schema["status"].Schema;

        var address = new GenericRecord(addressSchema);
        address.Add("street", "Kurfürstendamm 195");
        address.Add("city", "Berlin");
        address.Add("postalCode", "10707");
        address.Add("country", "DE");

        var record = new GenericRecord(schema);
        record.Add("orderId", OrderId);
        record.Add("customerId", "customer-000184467");
        record.Add("customerName", "Zoë Łukasiewicz-Ortega");
        record.Add("itemCount", Lines.Sum(l => l.Quantity));
        record.Add("sequence", 9_876_543_210L);
        record.Add("placedAt", PlacedAt.UtcDateTime);
        record.Add("total", new AvroDecimal(Total));
        record.Add("shippingAddress", address);
        record.Add("lines", Lines.Select(l => (object)CreateLine(lineSchema, l)).ToArray());
        record.Add("express", true);
        record.Add("status", new GenericEnum(statusSchema, "Paid"));
        record.Add("note", Note);
        return record;
    }

    private static GenericRecord CreateLine(RecordSchema schema, (string Sku, int Quantity, double UnitPrice) line)
    {
        var record = new GenericRecord(schema);
        record.Add("sku", line.Sku);
        record.Add("quantity", line.Quantity);
        record.Add("unitPrice", line.UnitPrice);
        return record;
    }

    /// <summary>
    /// Builds a copy of <paramref name="order"/> sharing nothing with it (every string copied): exactly the objects a
    /// reader must allocate to return the order, used to show that our reader allocates nothing else.
    /// </summary>
    public static OrderPlacedV1 CopyDeep(OrderPlacedV1 order)
    {
        var lines = new OrderLine[order.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = order.Lines[i];
            lines[i] = new OrderLine(Copy(line.Sku), line.Quantity, line.UnitPrice);
        }

        var address = order.ShippingAddress;
        return new OrderPlacedV1(
            order.OrderId,
            Copy(order.CustomerId),
            Copy(order.CustomerName),
            order.ItemCount,
            order.Sequence,
            order.PlacedAt,
            order.Total,
            new Address(Copy(address.Street), Copy(address.City), Copy(address.PostalCode), Copy(address.Country)),
            lines,
            order.Express,
            order.Status,
            order.Note is null ? null : Copy(order.Note));
    }

    private static string Copy(string text) => new(text.AsSpan());

    /// <summary>Describes how <paramref name="actual"/> differs from <see cref="CreateContract"/>, or returns null when it does not.</summary>
    public static string? Difference(OrderPlacedV1 actual)
    {
        var expected = CreateContract();
        var differences = new List<string>();
        Compare(differences, "orderId", expected.OrderId, actual.OrderId);
        Compare(differences, "customerId", expected.CustomerId, actual.CustomerId);
        Compare(differences, "customerName", expected.CustomerName, actual.CustomerName);
        Compare(differences, "itemCount", expected.ItemCount, actual.ItemCount);
        Compare(differences, "sequence", expected.Sequence, actual.Sequence);
        Compare(differences, "placedAt", expected.PlacedAt, actual.PlacedAt);
        Compare(differences, "total", expected.Total, actual.Total);
        Compare(differences, "shippingAddress", expected.ShippingAddress, actual.ShippingAddress);
        Compare(differences, "lines", string.Join(" | ", expected.Lines), string.Join(" | ", actual.Lines));
        Compare(differences, "express", expected.Express, actual.Express);
        Compare(differences, "status", expected.Status, actual.Status);
        Compare(differences, "note", expected.Note, actual.Note);
        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    /// <summary>Describes how <paramref name="actual"/> differs from <see cref="CreateSpecific"/>, or returns null when it does not.</summary>
    public static string? Difference(Apache.OrderPlaced actual)
    {
        var expected = CreateSpecific();
        var differences = new List<string>();
        Compare(differences, "orderId", expected.orderId, actual.orderId);
        Compare(differences, "customerId", expected.customerId, actual.customerId);
        Compare(differences, "customerName", expected.customerName, actual.customerName);
        Compare(differences, "itemCount", expected.itemCount, actual.itemCount);
        Compare(differences, "sequence", expected.sequence, actual.sequence);
        Compare(differences, "placedAt", expected.placedAt, actual.placedAt);
        Compare(differences, "total", expected.total.ToString(), actual.total.ToString());
        Compare(differences, "shippingAddress", Describe(expected.shippingAddress), Describe(actual.shippingAddress));
        Compare(differences, "lines", string.Join(" | ", expected.lines.Select(Describe)), string.Join(" | ", actual.lines.Select(Describe)));
        Compare(differences, "express", expected.express, actual.express);
        Compare(differences, "status", expected.status, actual.status);
        Compare(differences, "note", expected.note, actual.note);
        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    /// <summary>Describes how <paramref name="actual"/> differs from <see cref="CreateGeneric"/>, or returns null when it does not.</summary>
    public static string? Difference(GenericRecord actual)
    {
        var expected = CreateGeneric(actual.Schema);
        return expected.Equals(actual) ? null : "the generic record read back differs from the one written";
    }

    private static string Describe(Apache.Address a) => $"{a.street}/{a.city}/{a.postalCode}/{a.country}";

    private static string Describe(Apache.OrderLine l) => $"{l.sku}/{l.quantity}/{l.unitPrice}";

    private static void Compare<T>(List<string> differences, string field, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            differences.Add($"{field}: expected {expected}, got {actual}");
        }
    }
}
