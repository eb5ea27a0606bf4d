namespace Contracts.Generator.Model;

/// <summary>An Avro enum and the C# enum it maps to. Symbol order is C# declaration order, not numeric value.</summary>
internal sealed record EnumModel(
    string AvroFullName,
    string ClrTypeName,
    string? Doc,
    EquatableArray<string> Aliases,
    EquatableArray<EnumSymbolModel> Symbols,
    string? DefaultSymbol)
{
    public string AvroName => AvroFullName.Substring(AvroFullName.LastIndexOf('.') + 1);

    public string AvroNamespace => AvroFullName.LastIndexOf('.') < 0 ? string.Empty : AvroFullName.Substring(0, AvroFullName.LastIndexOf('.'));
}

/// <summary>One enum symbol and the C# enum member it maps to.</summary>
internal sealed record EnumSymbolModel(string Symbol, string MemberName);
