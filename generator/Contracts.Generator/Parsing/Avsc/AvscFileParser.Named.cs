using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing.Avsc;

internal sealed partial class AvscFileParser
{
    /// <summary>Member names the generated partial record already has (or that C# synthesizes for records).</summary>
    private static readonly string[] ReservedMemberNames = ["EqualityContract", "Descriptor", "Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "GetType", "MemberwiseClone", "Finalize"];

    private AvscTypeRef? ParseNamed(JsonNode node, AvscNamedKind kind, string enclosingNamespace, string path)
    {
        var nameNode = Property(node, "name");
        if (nameNode is not { Kind: JsonNodeKind.String })
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidSchema, nameNode ?? node, nameNode is null ? path : path + ".name", path,
                "a " + KindName(kind) + " needs a \"name\" string");
            return null;
        }

        var namespaceNode = Property(node, "namespace");
        var ns = enclosingNamespace;
        if (namespaceNode is not null)
        {
            if (namespaceNode.Kind == JsonNodeKind.String && AvroNaming.IsValidNamespace(namespaceNode.Text!))
            {
                ns = namespaceNode.Text!;
            }
            else if (namespaceNode.Kind != JsonNodeKind.Null)
            {
                ReportAt(DiagnosticDescriptors.AvscInvalidName, namespaceNode, path + ".namespace", namespaceNode.ToCompactJson(), path + ".namespace", "namespace",
                    "a namespace is names joined by '.', each starting with an ASCII letter or '_' and continuing with ASCII letters, digits or '_'");
                return null;
            }
        }

        var name = nameNode.Text!;
        var fullName = AvroNaming.FullName(name, ns);
        var shortName = AvroNaming.ShortNameOf(fullName);
        if (!IsValidFullName(fullName) || AvroNaming.IsPrimitiveTypeName(shortName))
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidName, nameNode, path + ".name", name, path + ".name", KindName(kind) + " name",
                AvroNaming.IsPrimitiveTypeName(shortName) ? "primitive type names are reserved"
                    : "a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'");
            return null;
        }

        var site = Site(node, path);
        var reference = new AvscTypeRef(AvscTypeKind.Named, AvroKind.Null, null, 0, 0, fullName, null, EquatableArray<AvscTypeRef>.Empty, site);
        if (_definedHere.ContainsKey(fullName))
        {
            ReportAt(DiagnosticDescriptors.AvscDuplicateName, nameNode, path + ".name", "'" + fullName + "'", path + ".name",
                "a schema may define a name only once; refer to the earlier definition by its name");
            return reference;
        }

        var typeNamespace = AvroNaming.NamespaceOf(fullName);
        var doc = Property(node, "doc") is { Kind: JsonNodeKind.String } docNode ? docNode.Text : null;
        var aliases = ParseAliases(node, path, typeNamespace, qualify: true);
        var (clrNamespace, clrName) = ClrNames(node, fullName, path);

        // Registered before the fields are read so a field of a record may refer to the record itself.
        var placeholder = new AvscNamedType(kind, fullName, clrNamespace, clrName, doc, aliases, EquatableArray<AvscField>.Empty,
            EquatableArray<string>.Empty, null, 0, null, string.Empty, site, Site(nameNode, path + ".name"));
        _definedHere[fullName] = placeholder;
        var definitionIndex = _definitions.Count;
        _definitions.Add(placeholder);

        var definition = kind switch
        {
            AvscNamedKind.Record => ParseRecordBody(node, placeholder, typeNamespace, path),
            AvscNamedKind.Enum => ParseEnumBody(node, placeholder, path),
            _ => ParseFixedBody(node, placeholder, path),
        };
        if (definition is null)
        {
            _definitions.RemoveAt(definitionIndex);
            return null;
        }

        definition = definition with { Shape = ShapeOf(definition) };
        _definedHere[fullName] = definition;
        _definitions[definitionIndex] = definition;
        return reference;
    }

    private (string Namespace, string Name) ClrNames(JsonNode node, string fullName, string path)
    {
        var avroNamespace = AvroNaming.NamespaceOf(fullName);
        var clrNamespace = _clrNamespaceOverride is not null ? AvscNames.EscapeNamespace(_clrNamespaceOverride)
            : avroNamespace.Length == 0 ? AvscNames.EscapeNamespace(_options.RootNamespace ?? string.Empty)
            : AvscNames.ToClrNamespace(avroNamespace);
        var clrName = AvscNames.ToTypeName(AvroNaming.ShortNameOf(fullName));
        var typeNameNode = Property(node, TypeNameProperty);
        if (typeNameNode is not null)
        {
            if (typeNameNode.Kind == JsonNodeKind.String && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(typeNameNode.Text!))
            {
                clrName = ContractParser.EscapeIdentifier(typeNameNode.Text!);
            }
            else
            {
                ReportAt(DiagnosticDescriptors.AvscInvalidContractSetting, typeNameNode, path + "." + TypeNameProperty,
                    "\"" + TypeNameProperty + "\" at " + path + "." + TypeNameProperty, "expected a string that is a C# identifier");
            }
        }
        else if (path == "$" && _options.TypeName is { } typeName)
        {
            if (Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(typeName.Trim()))
            {
                clrName = ContractParser.EscapeIdentifier(typeName.Trim());
            }
            else
            {
                Report(DiagnosticDescriptors.AvscInvalidContractSetting, Site(node, path), "ContractsTypeName (item metadata)", "'" + typeName + "' is not a C# identifier");
            }
        }

        return (clrNamespace, clrName);
    }

    private AvscNamedType? ParseRecordBody(JsonNode node, AvscNamedType record, string recordNamespace, string path)
    {
        var fieldsNode = Property(node, "fields");
        if (fieldsNode is not { Kind: JsonNodeKind.Array })
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidSchema, fieldsNode ?? node, fieldsNode is null ? path : path + ".fields", path,
                "a record needs a \"fields\" array");
            return null;
        }

        var fields = new List<AvscField>();
        var avroNames = new HashSet<string>(System.StringComparer.Ordinal);
        var memberNames = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < fieldsNode.Items.Count; i++)
        {
            var fieldPath = path + ".fields[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var field = ParseField(fieldsNode.Items[i], recordNamespace, fieldPath);
            if (field is null)
            {
                ok = false;
                continue;
            }

            if (!avroNames.Add(field.AvroName))
            {
                Report(DiagnosticDescriptors.AvscDuplicateName, field.Site, "Field '" + field.AvroName + "'", fieldPath,
                    "a record's field names must be unique");
                ok = false;
                continue;
            }

            var bareMember = field.MemberName;
            if (memberNames.TryGetValue(bareMember, out var other))
            {
                Report(DiagnosticDescriptors.AvscNameClash, field.Site, "The C# property '" + bareMember + "' of field '" + field.AvroName + "'", fieldPath,
                    "the property of field '" + other + "'", "set \"" + MemberNameProperty + "\" on one of the fields to choose another property name");
                ok = false;
                continue;
            }

            if (bareMember == record.ClrName.TrimStart('@') || ReservedMemberNames.Contains(bareMember))
            {
                Report(DiagnosticDescriptors.AvscNameClash, field.Site, "The C# property '" + bareMember + "' of field '" + field.AvroName + "'", fieldPath,
                    bareMember == record.ClrName.TrimStart('@') ? "its enclosing type's name (CS0542)" : "a member every generated record has",
                    "set \"" + MemberNameProperty + "\" on the field to choose another property name");
                ok = false;
                continue;
            }

            memberNames[bareMember] = field.AvroName;
            fields.Add(field);
        }

        return ok ? record with { Fields = fields.ToEquatableArray() } : null;
    }

    private AvscField? ParseField(JsonNode node, string recordNamespace, string path)
    {
        if (node.Kind != JsonNodeKind.Object)
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidSchema, node, path, path, "a field is an object with \"name\" and \"type\"");
            return null;
        }

        var nameNode = Property(node, "name");
        if (nameNode is not { Kind: JsonNodeKind.String })
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidSchema, nameNode ?? node, nameNode is null ? path : path + ".name", path, "a field needs a \"name\" string");
            return null;
        }

        var name = nameNode.Text!;
        if (!AvroNaming.IsValidName(name))
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidName, nameNode, path + ".name", name, path + ".name", "field name",
                "a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'");
            return null;
        }

        var typeNode = Property(node, "type");
        if (typeNode is null)
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidSchema, node, path, path, "field '" + name + "' needs a \"type\"");
            return null;
        }

        var type = ParseType(typeNode, recordNamespace, path + ".type");
        if (type is null)
        {
            return null;
        }

        var memberName = AvscNames.ToPascalCase(name);
        var memberNode = Property(node, MemberNameProperty);
        if (memberNode is not null)
        {
            if (memberNode.Kind == JsonNodeKind.String && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(memberNode.Text!))
            {
                memberName = memberNode.Text!;
            }
            else
            {
                ReportAt(DiagnosticDescriptors.AvscInvalidContractSetting, memberNode, path + "." + MemberNameProperty,
                    "\"" + MemberNameProperty + "\" at " + path + "." + MemberNameProperty, "expected a string that is a C# identifier");
                return null;
            }
        }

        var doc = Property(node, "doc") is { Kind: JsonNodeKind.String } docNode ? docNode.Text : null;
        var defaultNode = Property(node, "default");
        return new AvscField(
            name,
            memberName,
            type,
            doc,
            ParseAliases(node, path, string.Empty, qualify: false),
            defaultNode?.ToCompactJson(),
            defaultNode is null ? null : Site(defaultNode, path + ".default"),
            Site(nameNode, path));
    }

    private AvscNamedType? ParseEnumBody(JsonNode node, AvscNamedType enumType, string path)
    {
        var symbolsNode = Property(node, "symbols");
        if (symbolsNode is not { Kind: JsonNodeKind.Array })
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidSchema, symbolsNode ?? node, symbolsNode is null ? path : path + ".symbols", path, "an enum needs a \"symbols\" array");
            return null;
        }

        var symbols = new List<string>();
        var members = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < symbolsNode.Items.Count; i++)
        {
            var symbolNode = symbolsNode.Items[i];
            var symbolPath = path + ".symbols[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (symbolNode.Kind != JsonNodeKind.String || !AvroNaming.IsValidName(symbolNode.Text!))
            {
                ReportAt(DiagnosticDescriptors.AvscInvalidName, symbolNode, symbolPath, symbolNode.Kind == JsonNodeKind.String ? symbolNode.Text! : symbolNode.ToCompactJson(),
                    symbolPath, "enum symbol", "a symbol starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'");
                ok = false;
                continue;
            }

            var symbol = symbolNode.Text!;
            if (symbols.Contains(symbol))
            {
                ReportAt(DiagnosticDescriptors.AvscDuplicateName, symbolNode, symbolPath, "Symbol '" + symbol + "'", symbolPath, "an enum's symbols must be unique");
                ok = false;
                continue;
            }

            var member = AvscNames.ToPascalCase(symbol);
            if (members.TryGetValue(member, out var other))
            {
                ReportAt(DiagnosticDescriptors.AvscNameClash, symbolNode, symbolPath, "The C# enum member '" + member + "' of symbol '" + symbol + "'", symbolPath,
                    "the member of symbol '" + other + "'", "rename one of the symbols");
                ok = false;
                continue;
            }

            members[member] = symbol;
            symbols.Add(symbol);
        }

        var defaultNode = Property(node, "default");
        string? defaultSymbol = null;
        if (defaultNode is not null)
        {
            if (defaultNode.Kind == JsonNodeKind.String && symbols.Contains(defaultNode.Text!))
            {
                defaultSymbol = defaultNode.Text;
            }
            else
            {
                // Reported, and the enum is still generated (without a default) so the fields using it do not cascade into more errors.
                ReportAt(DiagnosticDescriptors.AvscInvalidDefault, defaultNode, path + ".default", path + ".default", "enum " + enumType.FullName,
                    "an enum's default must be one of its symbols");
            }
        }

        return ok ? enumType with { Symbols = symbols.ToEquatableArray(), EnumDefault = defaultSymbol } : null;
    }

    private AvscNamedType? ParseFixedBody(JsonNode node, AvscNamedType fixedType, string path)
    {
        var sizeNode = Property(node, "size");
        if (sizeNode is not { Kind: JsonNodeKind.Number } || !int.TryParse(sizeNode.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidSchema, sizeNode ?? node, sizeNode is null ? path : path + ".size", path, "a fixed needs a \"size\": a whole number of bytes, 1 or more");
            return null;
        }

        var logical = Property(node, "logicalType");
        var fixedDecimal = logical is { Kind: JsonNodeKind.String, Text: "decimal" } ? ParseDecimalParameters(node, path, size) : null;
        return fixedType with { FixedSize = size, FixedDecimal = fixedDecimal };
    }

    private EquatableArray<string> ParseAliases(JsonNode node, string path, string ns, bool qualify)
    {
        var aliasesNode = Property(node, "aliases");
        if (aliasesNode is null)
        {
            return EquatableArray<string>.Empty;
        }

        if (aliasesNode.Kind != JsonNodeKind.Array || aliasesNode.Items.Any(a => a.Kind != JsonNodeKind.String))
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidSchema, aliasesNode, path + ".aliases", path + ".aliases", "\"aliases\" must be an array of strings");
            return EquatableArray<string>.Empty;
        }

        var aliases = new List<string>();
        for (var i = 0; i < aliasesNode.Items.Count; i++)
        {
            var alias = aliasesNode.Items[i].Text!;
            var valid = qualify ? IsValidFullName(alias) : AvroNaming.IsValidName(alias);
            if (!valid)
            {
                var aliasPath = path + ".aliases[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                ReportAt(DiagnosticDescriptors.AvscInvalidName, aliasesNode.Items[i], aliasPath, alias, aliasPath, "alias",
                    "a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'");
                continue;
            }

            aliases.Add(qualify ? AvroNaming.FullName(alias, ns) : alias);
        }

        return aliases.ToEquatableArray();
    }

    private static string KindName(AvscNamedKind kind) => kind switch
    {
        AvscNamedKind.Record => "record",
        AvscNamedKind.Enum => "enum",
        _ => "fixed",
    };

    /// <summary>Everything that makes two definitions of one name the same type, without where they are written.</summary>
    private static string ShapeOf(AvscNamedType type)
    {
        var shape = new StringBuilder();
        shape.Append(KindName(type.Kind)).Append(' ').Append(type.FullName).Append(" as ").Append(type.ClrTypeName);
        shape.Append(" aliases[").Append(string.Join(",", type.Aliases)).Append("] doc ").Append(type.Doc is null ? "-" : JsonNode.Quote(type.Doc));
        foreach (var field in type.Fields)
        {
            shape.Append(" {").Append(field.AvroName).Append(' ').Append(field.MemberName).Append(' ').Append(Describe(field.Type))
                .Append(" default ").Append(field.DefaultJson ?? "-").Append(" aliases[").Append(string.Join(",", field.Aliases))
                .Append("] doc ").Append(field.Doc is null ? "-" : JsonNode.Quote(field.Doc)).Append('}');
        }

        if (type.Kind == AvscNamedKind.Enum)
        {
            shape.Append(" symbols[").Append(string.Join(",", type.Symbols)).Append("] default ").Append(type.EnumDefault ?? "-");
        }

        if (type.Kind == AvscNamedKind.Fixed)
        {
            shape.Append(" size ").Append(type.FixedSize.ToString(CultureInfo.InvariantCulture));
            if (type.FixedDecimal is { } fixedDecimal)
            {
                shape.Append(" decimal(").Append(fixedDecimal.Precision.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(fixedDecimal.Scale.ToString(CultureInfo.InvariantCulture)).Append(')');
            }
        }

        return shape.ToString();
    }
}
