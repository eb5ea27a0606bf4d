using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>How a schema node is written in an .avsc file, before named references are resolved.</summary>
internal enum AvscTypeKind
{
    /// <summary>A primitive (<see cref="AvscTypeRef.Primitive"/>), possibly with a logical type.</summary>
    Primitive,

    /// <summary>A record, enum or fixed, defined here or elsewhere, named by <see cref="AvscTypeRef.FullName"/>.</summary>
    Named,

    Array,
    Map,

    /// <summary>A union; <see cref="AvscTypeRef.Branches"/> in schema order.</summary>
    Union,
}

/// <summary>
/// One schema node as an .avsc file writes it: named types are references by full name (the definition may be in another
/// file), so each file parses on its own and the resolver joins them. Carries where it was written for diagnostics.
/// </summary>
/// <param name="Kind">What the node is.</param>
/// <param name="Primitive">The primitive's Avro kind (only with <see cref="AvscTypeKind.Primitive"/>).</param>
/// <param name="LogicalType">A logical type this generator maps (already validated), or null.</param>
/// <param name="Precision">Decimal precision.</param>
/// <param name="Scale">Decimal scale.</param>
/// <param name="FullName">The referenced named type (with <see cref="AvscTypeKind.Named"/>).</param>
/// <param name="Items">Array items or map values.</param>
/// <param name="Branches">Union branches.</param>
/// <param name="Site">Where the node is written: the file location and JSON path.</param>
internal sealed record AvscTypeRef(
    AvscTypeKind Kind,
    AvroKind Primitive,
    string? LogicalType,
    int Precision,
    int Scale,
    string? FullName,
    AvscTypeRef? Items,
    EquatableArray<AvscTypeRef> Branches,
    AvscSite Site);

/// <summary>A place in an .avsc file: its location and the JSON path of the value (<c>$.fields[2].type</c>).</summary>
internal sealed record AvscSite(LocationInfo? Location, string JsonPath);
