using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>Which kind of named type an .avsc defines.</summary>
internal enum AvscNamedKind
{
    Record,
    Enum,
    Fixed,
}

/// <summary>
/// A record, enum or fixed defined in an .avsc file, as written (references unresolved), with the C# type it becomes.
/// Two files defining the same full name with equal <see cref="Shape"/> define one type.
/// </summary>
/// <param name="Kind">Record, enum or fixed.</param>
/// <param name="FullName">Avro full name.</param>
/// <param name="ClrNamespace">The C# namespace of the generated type (empty for the global namespace).</param>
/// <param name="ClrName">The generated C# type's simple name (already escaped when it is a keyword).</param>
/// <param name="Doc">The Avro doc.</param>
/// <param name="Aliases">Aliases as full names.</param>
/// <param name="Fields">Record fields in schema order.</param>
/// <param name="Symbols">Enum symbols in order.</param>
/// <param name="EnumDefault">The enum's default symbol, or null.</param>
/// <param name="FixedSize">A fixed's size.</param>
/// <param name="FixedDecimal">A fixed's <c>decimal</c> logical type (precision and scale, already validated), or null.</param>
/// <param name="Shape">The definition's parsing canonical text (names, fields, types, symbols, size): equal shapes are the same type.</param>
/// <param name="Site">Where the definition is written (the whole object).</param>
/// <param name="NameSite">Where its <c>"name"</c> value is written: what clash and duplicate-name diagnostics point at.</param>
internal sealed record AvscNamedType(
    AvscNamedKind Kind,
    string FullName,
    string ClrNamespace,
    string ClrName,
    string? Doc,
    EquatableArray<string> Aliases,
    EquatableArray<AvscField> Fields,
    EquatableArray<string> Symbols,
    string? EnumDefault,
    int FixedSize,
    AvscDecimal? FixedDecimal,
    string Shape,
    AvscSite Site,
    AvscSite NameSite)
{
    /// <summary>The fully qualified C# name, <c>global::Ns.Name</c>.</summary>
    public string ClrTypeName => "global::" + (ClrNamespace.Length == 0 ? ClrName : ClrNamespace + "." + ClrName);
}

/// <summary>The precision and scale of a <c>decimal</c> logical type.</summary>
internal sealed record AvscDecimal(int Precision, int Scale);

/// <summary>A record field as written.</summary>
/// <param name="AvroName">The exact wire name.</param>
/// <param name="MemberName">The idiomatic C# property name (escaped when it is a keyword).</param>
/// <param name="Type">The field's schema.</param>
/// <param name="Doc">The Avro doc.</param>
/// <param name="Aliases">Field aliases.</param>
/// <param name="DefaultJson">The default as compact JSON, or null when the field has none.</param>
/// <param name="DefaultSite">Where the default is written.</param>
/// <param name="Site">Where the field is written.</param>
internal sealed record AvscField(
    string AvroName,
    string MemberName,
    AvscTypeRef Type,
    string? Doc,
    EquatableArray<string> Aliases,
    string? DefaultJson,
    AvscSite? DefaultSite,
    AvscSite Site);
