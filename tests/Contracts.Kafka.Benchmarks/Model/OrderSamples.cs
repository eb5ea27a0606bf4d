using System;
using System.Linq;
using Contracts.Benchmarks.Model;

namespace Contracts.Kafka.Benchmarks.Model;

/// <summary>
/// Distinct orders shaped like the codec benchmarks' sample (same field values apart from the id and sequence), so keys
/// spread over every partition as real traffic does.
/// </summary>
internal static class OrderSamples
{
    private static readonly DateTimeOffset PlacedAt = new(2026, 11, 23, 10, 15, 30, 123, TimeSpan.Zero);

    private static readonly OrderLine[] Lines =
    [
        new("SKU-100234-BLK-M", 2, 19.99),
        new("SKU-100871-WHT-L", 1, 249.5),
        new("SKU-203311-RED-S", 3, 7.25),
        new("SKU-550012-GRY-XL", 1, 899.0),
        new("SKU-781234-BLU-M", 4, 6.49),
    ];

    public static OrderPlacedV1[] Create(int count)
    {
        var random = new Random(20261123);
        return Enumerable.Range(0, count).Select(i =>
        {
            var id = new byte[16];
            random.NextBytes(id);
            return new OrderPlacedV1(
                new Guid(id),
                "customer-000184467",
                "Zoë Łukasiewicz-Ortega",
                Lines.Sum(l => l.Quantity),
                9_876_543_210L + i,
                PlacedAt,
                1289.45m,
                new Address("Kurfürstendamm 195", "Berlin", "10707", "DE"),
                Lines,
                Express: true,
                OrderStatus.Paid,
                "Leave the parcel with the neighbour at no. 12 — ring twice.");
        }).ToArray();
    }
}
