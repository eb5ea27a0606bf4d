using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Emitting;
using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing.Avsc;

internal sealed partial class AvscFileParser
{
    private static readonly string[] ComplexTypeNames = ["record", "error", "enum", "array", "map", "fixed", "union"];

    /// <summary>Parses a schema node; null after reporting why it cannot be used.</summary>
    private AvscTypeRef? ParseType(JsonNode node, string enclosingNamespace, string path)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (node.Kind)
        {
            case JsonNodeKind.String:
                return ParseTypeName(node, node.Text!, enclosingNamespace, path);
            case JsonNodeKind.Array:
                return ParseUnion(node, enclosingNamespace, path);
            case JsonNodeKind.Object:
                return ParseTypeObject(node, enclosingNamespace, path);
            default:
                ReportAt(DiagnosticDescriptors.AvscUnknownType, node, path, node.ToCompactJson(), path);
                return null;
        }
    }

    private AvscTypeRef? ParseTypeName(JsonNode node, string name, string enclosingNamespace, string path)
    {
        if (PrimitiveKind(name) is { } primitive)
        {
            return Primitive(primitive, null, 0, 0, node, path);
        }

        if (ComplexTypeNames.Contains(name))
        {
            ReportAt(DiagnosticDescriptors.AvscUnknownType, node, path, "\"" + name + "\"", path);
            return null;
        }

        var fullName = AvroNaming.FullName(name, enclosingNamespace);
        if (!IsValidFullName(fullName))
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidName, node, path, name, path, "type name", "a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'; a namespace is such names joined by '.'");
            return null;
        }

        return new AvscTypeRef(AvscTypeKind.Named, AvroKind.Null, null, 0, 0, fullName, null, EquatableArray<AvscTypeRef>.Empty, Site(node, path));
    }

    private AvscTypeRef? ParseUnion(JsonNode node, string enclosingNamespace, string path)
    {
        var branches = new List<AvscTypeRef>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < node.Items.Count; i++)
        {
            var branchPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var item = node.Items[i];
            if (item.Kind == JsonNodeKind.Array)
            {
                ReportAt(DiagnosticDescriptors.AvscInvalidSchema, item, branchPath, branchPath, "a union may not directly contain another union");
                ok = false;
                continue;
            }

            var branch = ParseType(item, enclosingNamespace, branchPath);
            if (branch is null)
            {
                ok = false;
                continue;
            }

            if (!seen.Add(UnionBranchKey(branch)))
            {
                ReportAt(DiagnosticDescriptors.AvscInvalidSchema, item, branchPath, branchPath, "a union may not contain two branches of the same type (" + Describe(branch) + ")");
                ok = false;
                continue;
            }

            branches.Add(branch);
        }

        if (node.Items.Count == 0)
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidSchema, node, path, path, "a union needs at least one branch");
            return null;
        }

        return ok ? new AvscTypeRef(AvscTypeKind.Union, AvroKind.Null, null, 0, 0, null, null, branches.ToEquatableArray(), Site(node, path)) : null;
    }

    private AvscTypeRef? ParseTypeObject(JsonNode node, string enclosingNamespace, string path)
    {
        var typeNode = Property(node, "type");
        if (typeNode is null)
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidSchema, node, path, path, "the object has no \"type\"");
            return null;
        }

        var typePath = path + ".type";
        if (typeNode.Kind != JsonNodeKind.String)
        {
            // {"type": {...}} or {"type": [...]}: the nested value is the schema (several Avro libraries accept this form).
            return ParseType(typeNode, enclosingNamespace, typePath);
        }

        var type = typeNode.Text!;
        switch (type)
        {
            case "record" or "error":
                return ParseNamed(node, AvscNamedKind.Record, enclosingNamespace, path);
            case "enum":
                return ParseNamed(node, AvscNamedKind.Enum, enclosingNamespace, path);
            case "fixed":
                return ParseNamed(node, AvscNamedKind.Fixed, enclosingNamespace, path);
            case "array":
                return ParseContainer(node, AvscTypeKind.Array, "items", enclosingNamespace, path);
            case "map":
                return ParseContainer(node, AvscTypeKind.Map, "values", enclosingNamespace, path);
        }

        if (PrimitiveKind(type) is { } primitive)
        {
            return ParseLogical(node, primitive, path);
        }

        if (type == "union")
        {
            ReportAt(DiagnosticDescriptors.AvscUnknownType, typeNode, typePath, "\"union\"", typePath);
            return null;
        }

        return ParseTypeName(typeNode, type, enclosingNamespace, typePath);
    }

    private AvscTypeRef? ParseContainer(JsonNode node, AvscTypeKind kind, string property, string enclosingNamespace, string path)
    {
        var inner = Property(node, property);
        if (inner is null)
        {
            ReportAt(DiagnosticDescriptors.AvscInvalidSchema, node, path, path, "an " + (kind == AvscTypeKind.Array ? "array" : "map") + " needs \"" + property + "\"");
            return null;
        }

        var items = ParseType(inner, enclosingNamespace, path + "." + property);
        return items is null ? null : new AvscTypeRef(kind, AvroKind.Null, null, 0, 0, null, items, EquatableArray<AvscTypeRef>.Empty, Site(node, path));
    }

    /// <summary>
    /// A primitive written as an object, possibly with a logical type. Logical types this generator does not map, or written
    /// on another underlying type, are ignored as the Avro spec requires; a decimal with bad parameters is an error.
    /// </summary>
    private AvscTypeRef? ParseLogical(JsonNode node, AvroKind primitive, string path)
    {
        var logicalNode = Property(node, "logicalType");
        var logical = logicalNode is { Kind: JsonNodeKind.String } ? logicalNode.Text : null;
        switch (logical, primitive)
        {
            case ("decimal", AvroKind.Bytes):
                return ParseDecimal(node, path);
            case ("uuid", AvroKind.String):
            case ("date", AvroKind.Int):
            case ("time-millis", AvroKind.Int):
            case ("time-micros", AvroKind.Long):
            case ("timestamp-millis", AvroKind.Long):
            case ("timestamp-micros", AvroKind.Long):
            case ("local-timestamp-millis", AvroKind.Long):
            case ("local-timestamp-micros", AvroKind.Long):
                return Primitive(primitive, logical, 0, 0, node, path);
            default:
                return Primitive(primitive, null, 0, 0, node, path);
        }
    }

    private AvscTypeRef ParseDecimal(JsonNode node, string path) =>
        ParseDecimalParameters(node, path, fixedSize: null) is { } parameters
            ? Primitive(AvroKind.Bytes, "decimal", parameters.Precision, parameters.Scale, node, path)

            // Generate the field as plain bytes so the rest of the file still produces code; the error fails the build anyway.
            : Primitive(AvroKind.Bytes, null, 0, 0, node, path);

    /// <summary>
    /// The precision and scale of a <c>decimal</c> on <c>bytes</c> or on a <c>fixed</c> of <paramref name="fixedSize"/> bytes;
    /// null after reporting what is wrong (the type then stays plain bytes).
    /// </summary>
    private AvscDecimal? ParseDecimalParameters(JsonNode node, string path, int? fixedSize)
    {
        var precisionNode = Property(node, "precision");
        var scaleNode = Property(node, "scale");
        var precision = precisionNode is { Kind: JsonNodeKind.Number } && int.TryParse(precisionNode.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
        var scale = scaleNode is null ? 0 : scaleNode.Kind == JsonNodeKind.Number && int.TryParse(scaleNode.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : (int?)null;
        var maxForSize = fixedSize is { } size ? FixedDecimal.MaxPrecision(size) : int.MaxValue;
        var problem = precisionNode is null ? "\"precision\" is required"
            : precision is null ? "\"precision\" must be a whole number"
            : scale is null ? "\"scale\" must be a whole number"
            : precision < 1 ? "precision must be 1 or more"
            : precision > 38 ? "precision must be at most 38, the most System.Decimal can carry"
            : precision > maxForSize ? "a fixed of " + fixedSize!.Value.ToString(CultureInfo.InvariantCulture) + " bytes holds at most " +
                maxForSize.ToString(CultureInfo.InvariantCulture) + " digits; lower the precision or enlarge the fixed"
            : scale < 0 ? "scale must not be negative"
            : scale > precision ? "scale must not exceed precision"
            : scale > 28 ? "scale must be at most 28, the most System.Decimal can hold"
            : null;
        if (problem is null)
        {
            return new AvscDecimal(precision!.Value, scale!.Value);
        }

        var at = (problem.Contains("scale") && scaleNode is not null ? scaleNode : precisionNode) ?? node;
        var atPath = ReferenceEquals(at, node) ? path : path + (ReferenceEquals(at, scaleNode) ? ".scale" : ".precision");
        ReportAt(DiagnosticDescriptors.AvscInvalidLogicalType, at, atPath, "decimal", atPath, problem);
        return null;
    }

    private AvscTypeRef Primitive(AvroKind kind, string? logical, int precision, int scale, JsonNode node, string path) =>
        new(AvscTypeKind.Primitive, kind, logical, precision, scale, null, null, EquatableArray<AvscTypeRef>.Empty, Site(node, path));

    private static AvroKind? PrimitiveKind(string name) => AvroPrimitiveNames.IndexOf(name) is var index and >= 0 ? (AvroKind)index : null;

    private static bool IsValidFullName(string fullName) =>
        fullName.Split('.').All(AvroNaming.IsValidName);

    /// <summary>Two branches of one kind clash in a union, except named types, which clash only by full name.</summary>
    private static string UnionBranchKey(AvscTypeRef branch) => branch.Kind switch
    {
        AvscTypeKind.Primitive => "primitive:" + branch.Primitive,
        AvscTypeKind.Named => "named:" + branch.FullName,
        _ => branch.Kind.ToString(),
    };

    /// <summary>A compact description of a node (<c>string</c>, <c>array&lt;Acme.Person&gt;</c>), used in shapes and messages.</summary>
    internal static string Describe(AvscTypeRef type) => type.Kind switch
    {
        AvscTypeKind.Primitive => SchemaPrimitives.NameOf(type.Primitive) + (type.LogicalType is null ? string.Empty
            : "(" + type.LogicalType + (type.LogicalType == "decimal"
                ? "," + type.Precision.ToString(CultureInfo.InvariantCulture) + "," + type.Scale.ToString(CultureInfo.InvariantCulture)
                : string.Empty) + ")"),
        AvscTypeKind.Named => type.FullName!,
        AvscTypeKind.Array => "array<" + Describe(type.Items!) + ">",
        AvscTypeKind.Map => "map<" + Describe(type.Items!) + ">",
        _ => "[" + string.Join(",", type.Branches.Select(Describe)) + "]",
    };
}
