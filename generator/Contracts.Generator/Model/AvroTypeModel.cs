using System;

namespace Contracts.Generator.Model;

/// <summary>
/// One schema node and its .NET representation. Named types (records, enums) are referenced by
/// <see cref="NamedTypeFullName"/>, never nested by value, so recursive types stay finite and equatable;
/// their definitions are in <see cref="ContractModel.Records"/> and <see cref="ContractModel.Enums"/>.
/// </summary>
/// <param name="Kind">The Avro type.</param>
/// <param name="Clr">The .NET representation.</param>
/// <param name="ClrTypeName">The fully qualified C# type as generated code spells it (<c>global::...</c>, with <c>?</c> for nullables).</param>
/// <param name="LogicalType">The Avro logical type (<c>uuid</c>, <c>date</c>, <c>time-micros</c>, <c>timestamp-millis</c>,
/// <c>timestamp-micros</c>, <c>local-timestamp-millis</c>, <c>local-timestamp-micros</c>, <c>decimal</c>), or null.</param>
/// <param name="Items">Array item type, map value type, or the non-null branch of a <see cref="AvroKind.Nullable"/>.</param>
/// <param name="NamedTypeFullName">Avro full name of a record, enum or fixed (namespace-qualified, no leading dot).</param>
/// <param name="Precision">Decimal precision.</param>
/// <param name="Scale">Decimal scale.</param>
/// <param name="FixedSize">Size of a <see cref="AvroKind.Fixed"/>.</param>
/// <param name="Branches">The branches of a <see cref="AvroKind.Union"/> in schema order, <c>"null"</c> included as a
/// <see cref="AvroKind.Null"/> node; empty for every other kind.</param>
/// <param name="Aliases">The aliases of a <see cref="AvroKind.Fixed"/>, as full names (records and enums carry theirs in
/// their definitions); empty for every other kind.</param>
internal sealed record AvroTypeModel(
    AvroKind Kind,
    ClrShape Clr,
    string ClrTypeName,
    string? LogicalType = null,
    AvroTypeModel? Items = null,
    string? NamedTypeFullName = null,
    int Precision = 0,
    int Scale = 0,
    int FixedSize = 0,
    EquatableArray<AvroTypeModel> Branches = default,
    EquatableArray<string> Aliases = default)
{
    /// <summary>
    /// The <c>"null"</c> branch of a <see cref="AvroKind.Union"/>. It has no .NET representation of its own (C# null
    /// stands for it), so its <see cref="Clr"/> and <see cref="ClrTypeName"/> are placeholders no emitter reads; parsers
    /// use this one instance so equal unions compare equal.
    /// </summary>
    public static AvroTypeModel NullBranch { get; } = new(AvroKind.Null, ClrShape.Boolean, "object");

    /// <summary>The union branches; never a default (uninitialised) array, so walking the model never throws.</summary>
    public EquatableArray<AvroTypeModel> Branches { get; init; } = new(Branches.Items);

    /// <summary>A fixed's aliases; never a default (uninitialised) array.</summary>
    public EquatableArray<string> Aliases { get; init; } = new(Aliases.Items);

    /// <summary>The Avro name of a fixed (its part after the last dot of <see cref="NamedTypeFullName"/>).</summary>
    public string? NamedTypeShortName => NamedTypeFullName is null ? null : NamedTypeFullName.Substring(NamedTypeFullName.LastIndexOf('.') + 1);

    /// <summary>The Avro namespace of a named type, empty for the null namespace.</summary>
    public string NamedTypeNamespace => NamedTypeFullName is null || NamedTypeFullName.LastIndexOf('.') < 0
        ? string.Empty
        : NamedTypeFullName.Substring(0, NamedTypeFullName.LastIndexOf('.'));
}
