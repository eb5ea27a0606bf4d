using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Parsing;

internal sealed partial class ContractParser
{
    private const string AvroEnumDefaultAttribute = "Contracts.AvroEnumDefaultAttribute";

    /// <summary>
    /// Builds the Avro enum for a C# enum once and returns its full name, or null after reporting why it cannot map.
    /// Symbols follow declaration order; the generated code switches between symbol and member, never casting values.
    /// </summary>
    private string? EnsureEnum(INamedTypeSymbol type, MemberSite site)
    {
        if (_enumNames.TryGetValue(type, out var existing))
        {
            return existing;
        }

        if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute"))
        {
            Unsupported(site, type, "a [Flags] enum combines values, which one Avro enum symbol cannot carry");
            return null;
        }

        var members = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsStatic && f.HasConstantValue).ToList();
        if (members.Count == 0)
        {
            Unsupported(site, type, "an Avro enum needs at least one symbol");
            return null;
        }

        var byValue = new Dictionary<object, IFieldSymbol>();
        foreach (var member in members)
        {
            if (byValue.TryGetValue(member.ConstantValue!, out var first))
            {
                Unsupported(site, type, "members '" + first.Name + "' and '" + member.Name + "' have the same value, so a value cannot name one symbol");
                return null;
            }

            byValue[member.ConstantValue!] = member;
        }

        var typeLocation = SourceLocation(type) ?? site.Location;
        var description = "'" + type.ToDisplayString() + "'";
        var clrTypeName = type.ToDisplayString(TypeNameFormat);
        var fullName = AvroNaming.FullName(AvroNameOf(type) ?? type.Name, CSharpNamespace(type));
        ValidateNamedTypeName(fullName, description, typeLocation);
        ClaimName(fullName, clrTypeName, description, typeLocation);
        _enumNames[type] = fullName;

        var symbols = new List<EnumSymbolModel>();
        var owners = new Dictionary<string, IFieldSymbol>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            var symbol = AvroNameOf(member) ?? member.Name;
            var memberLocation = SourceLocation(member) ?? typeLocation;
            if (!AvroNaming.IsValidName(symbol))
            {
                Report(DiagnosticDescriptors.InvalidAvroName, memberLocation, symbol, "enum symbol", "'" + type.ToDisplayString() + "." + member.Name + "'");
            }

            if (owners.TryGetValue(symbol, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateFieldName, memberLocation, first.Name, member.Name, type.ToDisplayString(), symbol);
                continue;
            }

            owners[symbol] = member;
            symbols.Add(new EnumSymbolModel(symbol, EscapeIdentifier(member.Name)));
        }

        string? defaultSymbol = null;
        var defaultAttribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AvroEnumDefaultAttribute);
        if (defaultAttribute is { ConstructorArguments.Length: 1 } && defaultAttribute.ConstructorArguments[0].Value is string requested)
        {
            // nameof(Status.Unknown) gives the member name; the Avro symbol is accepted too.
            defaultSymbol = symbols.FirstOrDefault(s => s.MemberName.TrimStart('@') == requested)?.Symbol ??
                symbols.FirstOrDefault(s => s.Symbol == requested)?.Symbol;
            if (defaultSymbol is null)
            {
                Report(DiagnosticDescriptors.InvalidEnumDefault, AttributeLocation(defaultAttribute) ?? typeLocation, requested, type.ToDisplayString());
            }
        }

        _enums[fullName] = new EnumModel(
            fullName,
            clrTypeName,
            DocComments.Summary(type, _cancellationToken),
            ReadAliases(type.GetAttributes(), description, typeLocation),
            symbols.ToEquatableArray(),
            defaultSymbol);
        return fullName;
    }
}
