using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Contracts.Analyzers.Compatibility;

/// <summary>
/// Finds the C# member a checker path names: <c>address.zip</c>, <c>addresses[].zip</c>, <c>scores{}</c> are Avro field
/// names from the contract's root record, matched against the members the generator mapped them from.
/// </summary>
internal static class MemberLocator
{
    /// <summary>The member and its display name (<c>PersonV3.Address.Zip</c>), or null when the path names no member of the contract.</summary>
    public static (ISymbol Member, string DisplayName)? Locate(DeclaredContract contract, string path)
    {
        if (path.Length == 0 || contract.Symbol is null)
        {
            return null;
        }

        var records = contract.Model.Records.ToDictionary(r => r.ClrTypeName, r => r, StringComparer.Ordinal);
        var currentType = (ITypeSymbol)contract.Symbol;
        ISymbol? found = null;
        var display = new List<string> { contract.Symbol.Name };
        foreach (var rawSegment in path.Split('.'))
        {
            var segment = rawSegment.Split('[', '{')[0];
            if (segment.Length == 0)
            {
                continue;
            }

            var record = records.TryGetValue(ClrName(currentType), out var r) ? r : null;
            var field = record?.Fields.FirstOrDefault(f => f.AvroName == segment);
            if (field is null)
            {
                break;
            }

            var member = FindMember(currentType, field.MemberName);
            if (member is null)
            {
                break;
            }

            found = member;
            display.Add(member.Name);
            var next = ElementType(member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type);
            if (next is null)
            {
                break;
            }

            currentType = next;
        }

        return found is null ? null : (found, string.Join(".", display));
    }

    /// <summary>The best location of a member: for a positional record's property, its constructor parameter.</summary>
    public static Location LocationOf(ISymbol member) => member.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;

    private static string ClrName(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static ISymbol? FindMember(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var member = current.GetMembers(name).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol);
            if (member is not null)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>The record type a field leads to: itself, or the element of a nullable, array, list or dictionary.</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol type)
    {
        for (var depth = 0; depth < 8; depth++)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    type = array.ElementType;
                    continue;
                case INamedTypeSymbol { IsGenericType: true } generic when generic.TypeArguments.Length > 0:
                    type = generic.TypeArguments[generic.TypeArguments.Length - 1];
                    continue;
                default:
                    return type;
            }
        }

        return null;
    }
}
