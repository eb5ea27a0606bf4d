namespace Contracts.Generator.Model;

/// <summary>One Avro field of a record and the C# member it maps to.</summary>
/// <param name="MemberName">The C# property (or field) name.</param>
/// <param name="AvroName">The exact Avro field name on the wire (after naming policy and <c>[AvroName]</c>).</param>
/// <param name="Type">The field's schema and .NET representation.</param>
/// <param name="Doc">The Avro doc (from the XML doc comment summary), or null.</param>
/// <param name="Aliases">Avro aliases from <c>[AvroAliases]</c>.</param>
/// <param name="DefaultJson">The Avro default as compact JSON text, or null when the field has none.</param>
/// <param name="DefaultExpression">A C# expression for the default value (used when a JSON envelope omits the field), or null.</param>
/// <param name="ConstructorParameterIndex">The position of the matching constructor parameter, or -1 when the member is set by an object initializer.</param>
/// <param name="IsKey">Whether the field is part of the message key.</param>
internal sealed record FieldModel(
    string MemberName,
    string AvroName,
    AvroTypeModel Type,
    string? Doc,
    EquatableArray<string> Aliases,
    string? DefaultJson,
    string? DefaultExpression,
    int ConstructorParameterIndex,
    bool IsKey);
