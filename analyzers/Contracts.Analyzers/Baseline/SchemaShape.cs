using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Contracts.Generator.Parsing;

namespace Contracts.Analyzers.Baseline;

/// <summary>
/// The part of a schema a shipped version fixes: everything except documentation. Names, fields and their order,
/// types, defaults and aliases all change what is written or how a reader resolves it; <c>doc</c> changes nothing.
/// </summary>
internal static class SchemaShape
{
    /// <summary>
    /// A text that is equal for two schemas exactly when their shapes are equal. Spellings that mean the same schema
    /// are made equal first: names are fully qualified (an inherited namespace and an explicit one are the same),
    /// <c>{"type":"string"}</c> is <c>"string"</c>, and object keys are sorted; <c>doc</c> is dropped.
    /// </summary>
    public static string Normalize(JsonNode schema)
    {
        var builder = new StringBuilder();
        Write(Type(schema, string.Empty), builder);
        return builder.ToString();
    }

    /// <summary>What changed between the shipped and the declared schema, in words, for the diagnostic.</summary>
    public static string DescribeChange(JsonNode shipped, JsonNode declared)
    {
        var shippedFields = Fields(shipped);
        var declaredFields = Fields(declared);
        if (shippedFields is null || declaredFields is null)
        {
            return "the schema differs";
        }

        var changes = new List<string>();
        foreach (var field in declaredFields.Where(d => !shippedFields.Any(s => s.Name == d.Name)))
        {
            changes.Add($"field '{field.Name}' added");
        }

        foreach (var field in shippedFields.Where(s => !declaredFields.Any(d => d.Name == s.Name)))
        {
            changes.Add($"field '{field.Name}' removed");
        }

        foreach (var field in declaredFields)
        {
            var before = shippedFields.FirstOrDefault(s => s.Name == field.Name);
            if (before.Shape is not null && before.Shape != field.Shape)
            {
                changes.Add($"field '{field.Name}' changed");
            }
        }

        if (changes.Count == 0)
        {
            var shippedOrder = shippedFields.Select(f => f.Name);
            changes.Add(shippedOrder.SequenceEqual(declaredFields.Select(f => f.Name), StringComparer.Ordinal)
                ? "the record's name, namespace or aliases changed"
                : "fields reordered");
        }

        return string.Join(", ", changes);
    }

    private static List<(string Name, string Shape)>? Fields(JsonNode schema)
    {
        var fields = Property(schema, "fields");
        if (schema.Kind != JsonNodeKind.Object || fields is not { Kind: JsonNodeKind.Array })
        {
            return null;
        }

        return fields.Items
            .Select(f => (Name: Property(f, "name")?.Text ?? string.Empty, Shape: Text(Field(f, RootNamespace(schema)))))
            .ToList();
    }

    private static string RootNamespace(JsonNode schema)
    {
        var name = Type(schema, string.Empty) is { Kind: JsonNodeKind.Object } root ? Property(root, "name")?.Text ?? string.Empty : string.Empty;
        return name.LastIndexOf('.') < 0 ? string.Empty : name.Substring(0, name.LastIndexOf('.'));
    }

    private static string Text(JsonNode node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    private static JsonNode? Property(JsonNode node, string name) =>
        node.Kind == JsonNodeKind.Object ? node.Properties.FirstOrDefault(p => p.Key == name).Value : null;

    /// <summary>A type position (a field's type, items, values, a union branch, the root) in canonical spelling.</summary>
    private static JsonNode Type(JsonNode node, string enclosingNamespace)
    {
        switch (node.Kind)
        {
            case JsonNodeKind.String:
                return JsonNode.String(Qualify(node.Text!, enclosingNamespace));
            case JsonNodeKind.Array:
                return JsonNode.Array(node.Items.Select(branch => Type(branch, enclosingNamespace)).ToList());
            case JsonNodeKind.Object:
                break;
            default:
                return node;
        }

        var type = Property(node, "type");
        var kind = type?.Kind == JsonNodeKind.String ? type.Text : null;
        if (kind is "record" or "error" or "enum" or "fixed")
        {
            var name = Property(node, "name")?.Text ?? string.Empty;
            var ns = Property(node, "namespace")?.Text ?? enclosingNamespace;
            var fullName = name.IndexOf('.') >= 0 || ns.Length == 0 ? name : ns + "." + name;
            var ownNamespace = fullName.LastIndexOf('.') < 0 ? string.Empty : fullName.Substring(0, fullName.LastIndexOf('.'));
            var properties = new List<KeyValuePair<string, JsonNode>>();
            foreach (var property in node.Properties)
            {
                switch (property.Key)
                {
                    case "doc" or "namespace":
                        break;
                    case "name":
                        properties.Add(new KeyValuePair<string, JsonNode>("name", JsonNode.String(fullName)));
                        break;
                    case "aliases" when property.Value.Kind == JsonNodeKind.Array:
                        properties.Add(new KeyValuePair<string, JsonNode>("aliases", JsonNode.Array(
                            property.Value.Items.Select(a => a.Kind == JsonNodeKind.String ? JsonNode.String(Qualify(a.Text!, ownNamespace)) : a).ToList())));
                        break;
                    case "fields" when property.Value.Kind == JsonNodeKind.Array:
                        properties.Add(new KeyValuePair<string, JsonNode>("fields", JsonNode.Array(
                            property.Value.Items.Select(f => Field(f, ownNamespace)).ToList())));
                        break;
                    default:
                        properties.Add(property);
                        break;
                }
            }

            return JsonNode.Object(properties);
        }

        if (kind is not null && AvroNaming.IsPrimitiveTypeName(kind) && node.Properties.All(p => p.Key is "type" or "doc"))
        {
            return JsonNode.String(kind);
        }

        return JsonNode.Object(node.Properties
            .Where(p => p.Key != "doc")
            .Select(p => p.Key is "type" or "items" or "values" ? new KeyValuePair<string, JsonNode>(p.Key, Type(p.Value, enclosingNamespace)) : p)
            .ToList());
    }

    /// <summary>A record field: its type normalized, its default and aliases kept as written (they are data and field names).</summary>
    private static JsonNode Field(JsonNode field, string enclosingNamespace) =>
        field.Kind != JsonNodeKind.Object
            ? field
            : JsonNode.Object(field.Properties
                .Where(p => p.Key != "doc")
                .Select(p => p.Key == "type" ? new KeyValuePair<string, JsonNode>("type", Type(p.Value, enclosingNamespace)) : p)
                .ToList());

    private static string Qualify(string name, string enclosingNamespace) =>
        AvroNaming.IsPrimitiveTypeName(name) || name.IndexOf('.') >= 0 || enclosingNamespace.Length == 0 ? name : enclosingNamespace + "." + name;

    private static void Write(JsonNode node, StringBuilder builder)
    {
        switch (node.Kind)
        {
            case JsonNodeKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var property in node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    builder.Append(JsonNode.Quote(property.Key)).Append(':');
                    Write(property.Value, builder);
                }

                builder.Append('}');
                break;
            case JsonNodeKind.Array:
                builder.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(node.Items[i], builder);
                }

                builder.Append(']');
                break;
            default:
                builder.Append(node.ToCompactJson());
                break;
        }
    }
}
