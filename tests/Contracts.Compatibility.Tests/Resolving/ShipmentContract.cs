using System.Collections.Generic;

namespace Contracts.Compatibility.Tests.Resolving;

// Version 3 of 'shipment'. Versions 1 and 2 shipped and their C# types are gone: only the shipped baseline
// (Shipped/shipment/v1.avsc, v2.avsc) says how their data was written, and v3 still reads it.

/// <summary>v3 forgot Lost (read as Unknown, the default) and learned Returned.</summary>
[AvroName("Status")]
[AvroEnumDefault(nameof(Unknown))]
public enum ShipmentStatus
{
    Unknown,
    New,
    Sent,
    Returned,
}

[AvroName("Stop")]
public sealed record ShipmentStop(string City, long Minutes, int? Dock = null, string Kind = "road");

[Message("shipment", 3)]
public partial record ShipmentV3(
    string Id,
    double Weight,
    ShipmentStatus Status,
    IReadOnlyList<string> Tags,
    string? Note,
    IReadOnlyList<ShipmentStop> Stops,
    string Carrier = "unknown",
    IReadOnlyDictionary<string, double>? Metrics = null,
    int Priority = 1);
