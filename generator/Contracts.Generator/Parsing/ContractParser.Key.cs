using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Parsing;

internal sealed partial class ContractParser
{
    private const int KeyFormatNone = 0;
    private const int KeyFormatRecord = 1;

    /// <summary>Reads <c>Key</c> and <c>KeyFormat</c>: the key fields must exist and be non-null scalars.</summary>
    private (int KeyFormat, List<FieldModel> KeyFields) ParseKey(
        INamedTypeSymbol type, AttributeData attribute, Dictionary<string, TypedConstant> named, RecordModel root)
    {
        var typeName = type.ToDisplayString();
        var key = named.TryGetValue("Key", out var keyArg) ? keyArg.Value as string : null;
        var keyLocation = NamedArgumentLocation(attribute, "Key") ?? type.Locations.FirstOrDefault();
        var hasFormat = named.TryGetValue("KeyFormat", out var formatArg) && formatArg.Value is int;
        var format = hasFormat ? (int)formatArg.Value! : KeyFormatRecord;
        var fields = new List<FieldModel>();
        if (key is null)
        {
            if (hasFormat && format != KeyFormatNone)
            {
                Report(DiagnosticDescriptors.InvalidKey, NamedArgumentLocation(attribute, "KeyFormat"), typeName, "KeyFormat is set but Key names no member");
            }

            return (KeyFormatNone, fields);
        }

        if (hasFormat && format == KeyFormatNone)
        {
            Report(DiagnosticDescriptors.InvalidKey, NamedArgumentLocation(attribute, "KeyFormat"), typeName, "Key names members but KeyFormat is None");
            return (KeyFormatNone, fields);
        }

        if (format is < KeyFormatNone or > 2)
        {
            Report(DiagnosticDescriptors.InvalidKey, NamedArgumentLocation(attribute, "KeyFormat"), typeName, "KeyFormat must be None, Record or Plain");
            return (KeyFormatNone, fields);
        }

        var names = key.Split(',').Select(n => n.Trim()).ToList();
        if (names.Any(n => n.Length == 0))
        {
            Report(DiagnosticDescriptors.InvalidKey, keyLocation, typeName, "Key is empty or has an empty entry; name members like nameof(Id) or \"TenantId, Id\"");
            return (format, fields);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                Report(DiagnosticDescriptors.InvalidKey, keyLocation, typeName, "'" + name + "' appears more than once in Key");
                continue;
            }

            var field = root.Fields.FirstOrDefault(f => f.MemberName.TrimStart('@') == name);
            if (field is null)
            {
                Report(DiagnosticDescriptors.KeyMemberNotFound, keyLocation, typeName, name);
                continue;
            }

            if (!IsKeyScalar(field.Type))
            {
                Report(DiagnosticDescriptors.KeyMemberTypeNotAllowed, keyLocation, name, typeName, field.Type.ClrTypeName.Replace("global::", string.Empty));
                continue;
            }

            fields.Add(field);
        }

        return (format, fields);
    }

    private static bool IsKeyScalar(AvroTypeModel type) => type.Kind != AvroKind.Nullable && type.Clr switch
    {
        ClrShape.Boolean or ClrShape.Int32 or ClrShape.Int64 or ClrShape.String or ClrShape.Guid or ClrShape.DateTime or
            ClrShape.DateTimeOffset or ClrShape.DateOnly or ClrShape.TimeOnly or ClrShape.Decimal or ClrShape.Enum => true,
        _ => false,
    };
}
