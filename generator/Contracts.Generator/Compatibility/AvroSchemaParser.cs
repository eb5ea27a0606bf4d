using System.Collections.Generic;
using System.Globalization;
using Contracts.Generator.Parsing;

namespace Contracts.Generator.Compatibility;

/// <summary>
/// Parses Avro schema JSON (our emitted schemas, <c>.avsc</c> files, shipped baselines) into a resolved
/// <see cref="AvroSchema"/> tree, validating what the Avro specification requires: names, namespaces, references to
/// earlier definitions, unique fields and symbols, union rules, logical-type attributes and defaults.
/// </summary>
internal static class AvroSchemaParser
{
    /// <summary>Parses <paramref name="json"/>; throws <see cref="AvroSchemaParseException"/> naming the first problem and where it is.</summary>
    public static AvroSchema Parse(string json)
    {
        var root = JsonNode.TryParse(json, out var error);
        if (root is null)
        {
            throw new AvroSchemaParseException("the schema is not valid JSON: " + error, string.Empty);
        }

        return new Session().ParseType(root, enclosingNamespace: string.Empty, path: string.Empty);
    }

    /// <summary>Parses <paramref name="json"/>; returns null and the reason (with its location) when it is not a valid schema.</summary>
    public static AvroSchema? TryParse(string json, out string? error)
    {
        try
        {
            error = null;
            return Parse(json);
        }
        catch (AvroSchemaParseException e)
        {
            error = e.Message;
            return null;
        }
    }

    private sealed class Session
    {
        private readonly Dictionary<string, NamedSchema> named = new(System.StringComparer.Ordinal);

        public AvroSchema ParseType(JsonNode node, string enclosingNamespace, string path) => node.Kind switch
        {
            JsonNodeKind.String => Reference(node.Text!, enclosingNamespace, path),
            JsonNodeKind.Array => ParseUnion(node, enclosingNamespace, path),
            JsonNodeKind.Object => ParseObject(node, enclosingNamespace, path),
            _ => throw new AvroSchemaParseException("a schema must be a type name, an object or a union array, not " + Describe(node), path),
        };

        private AvroSchema Reference(string name, string enclosingNamespace, string path)
        {
            var primitive = Primitive(name);
            if (primitive is not null)
            {
                return new PrimitiveSchema(primitive.Value);
            }

            var fullName = Qualify(name, enclosingNamespace);
            if (named.TryGetValue(fullName, out var schema))
            {
                return schema;
            }

            throw new AvroSchemaParseException("unknown type '" + name + "'" + (fullName == name ? string.Empty : " ('" + fullName + "')") +
                "; a named type must be defined before it is used", path);
        }

        private AvroSchema ParseObject(JsonNode node, string enclosingNamespace, string path)
        {
            var typeNode = Property(node, "type") ?? throw new AvroSchemaParseException("the schema object has no \"type\"", path);
            if (typeNode.Kind != JsonNodeKind.String)
            {
                // {"type": {...}} and {"type": [...]} wrap a schema in another object; the wrapper adds nothing.
                return ParseType(typeNode, enclosingNamespace, path);
            }

            var type = typeNode.Text!;
            switch (type)
            {
                case "record":
                case "error":
                    return ParseRecord(node, enclosingNamespace, path);
                case "enum":
                    return ParseEnum(node, enclosingNamespace, path);
                case "fixed":
                    return ParseFixed(node, enclosingNamespace, path);
                case "array":
                    var items = Property(node, "items") ?? throw new AvroSchemaParseException("an array needs \"items\"", path);
                    return new ArraySchema(ParseType(items, enclosingNamespace, path + "[]"));
                case "map":
                    var values = Property(node, "values") ?? throw new AvroSchemaParseException("a map needs \"values\"", path);
                    return new MapSchema(ParseType(values, enclosingNamespace, path + "{}"));
            }

            var primitive = Primitive(type);
            if (primitive is null)
            {
                return Reference(type, enclosingNamespace, path);
            }

            return PrimitiveWithLogicalType(node, primitive.Value);
        }

        private static PrimitiveSchema PrimitiveWithLogicalType(JsonNode node, AvroSchemaType type)
        {
            var logical = OptionalString(node, "logicalType");
            switch (logical)
            {
                case "decimal" when type == AvroSchemaType.Bytes:
                    return DecimalAttributes(node, maxPrecision: int.MaxValue, out var precision, out var scale)
                        ? new PrimitiveSchema(type, logical, precision, scale)
                        : new PrimitiveSchema(type);
                case "uuid" when type == AvroSchemaType.String:
                case "date" when type == AvroSchemaType.Int:
                case "time-millis" when type == AvroSchemaType.Int:
                case "time-micros" when type == AvroSchemaType.Long:
                case "timestamp-millis" when type == AvroSchemaType.Long:
                case "timestamp-micros" when type == AvroSchemaType.Long:
                case "timestamp-nanos" when type == AvroSchemaType.Long:
                case "local-timestamp-millis" when type == AvroSchemaType.Long:
                case "local-timestamp-micros" when type == AvroSchemaType.Long:
                case "local-timestamp-nanos" when type == AvroSchemaType.Long:
                    return new PrimitiveSchema(type, logical);
                default:
                    // The spec: a logical type that is unknown or invalid for its type is ignored, the underlying type is used.
                    return new PrimitiveSchema(type);
            }
        }

        private RecordSchema ParseRecord(JsonNode node, string enclosingNamespace, string path)
        {
            var fullName = DefinitionName(node, enclosingNamespace, path);
            var recordPath = path.Length == 0 ? fullName : path;
            var record = new RecordSchema(fullName, Aliases(node, NamespaceOf(fullName), recordPath));
            Register(record, recordPath);

            var fieldsNode = Property(node, "fields");
            if (fieldsNode is null || fieldsNode.Kind != JsonNodeKind.Array)
            {
                throw new AvroSchemaParseException("record '" + fullName + "' needs a \"fields\" array", recordPath);
            }

            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            for (var i = 0; i < fieldsNode.Items.Count; i++)
            {
                var fieldNode = fieldsNode.Items[i];
                var fieldLabel = recordPath + ".fields[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (fieldNode.Kind != JsonNodeKind.Object)
                {
                    throw new AvroSchemaParseException("a field must be an object", fieldLabel);
                }

                var name = OptionalString(fieldNode, "name") ?? throw new AvroSchemaParseException("a field needs a \"name\"", fieldLabel);
                var fieldPath = Join(path, name);
                RequireValidName(name, fieldPath);
                if (!seen.Add(name))
                {
                    throw new AvroSchemaParseException("record '" + fullName + "' has two fields named '" + name + "'", fieldPath);
                }

                var typeNode = Property(fieldNode, "type") ?? throw new AvroSchemaParseException("field '" + name + "' needs a \"type\"", fieldPath);
                var schema = ParseType(typeNode, NamespaceOf(fullName), fieldPath);
                var defaultNode = Property(fieldNode, "default");
                if (defaultNode is not null)
                {
                    var problem = DefaultValidator.Check(schema, defaultNode, firstUnionBranchOnly: true);
                    if (problem is not null)
                    {
                        throw new AvroSchemaParseException("the default of field '" + name + "' is not a valid " + schema.Describe() + ": " + problem, fieldPath);
                    }
                }

                var aliases = new List<string>();
                foreach (var alias in StringArray(fieldNode, "aliases", fieldPath))
                {
                    RequireValidName(alias, fieldPath);
                    aliases.Add(alias);
                }

                record.AddField(new RecordField(name, i, schema, aliases, defaultNode));
            }

            return record;
        }

        private EnumSchema ParseEnum(JsonNode node, string enclosingNamespace, string path)
        {
            var fullName = DefinitionName(node, enclosingNamespace, path);
            var enumPath = path.Length == 0 ? fullName : path;
            var symbols = StringArray(node, "symbols", enumPath);
            if (Property(node, "symbols") is null)
            {
                throw new AvroSchemaParseException("enum '" + fullName + "' needs a \"symbols\" array", enumPath);
            }

            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var symbol in symbols)
            {
                RequireValidName(symbol, enumPath);
                if (!seen.Add(symbol))
                {
                    throw new AvroSchemaParseException("enum '" + fullName + "' lists symbol '" + symbol + "' twice", enumPath);
                }
            }

            var defaultNode = Property(node, "default");
            string? defaultSymbol = null;
            if (defaultNode is not null)
            {
                if (defaultNode.Kind != JsonNodeKind.String || !seen.Contains(defaultNode.Text!))
                {
                    throw new AvroSchemaParseException("the default of enum '" + fullName + "' must be one of its symbols, not " + Describe(defaultNode), enumPath);
                }

                defaultSymbol = defaultNode.Text;
            }

            var schema = new EnumSchema(fullName, Aliases(node, NamespaceOf(fullName), enumPath), symbols, defaultSymbol);
            Register(schema, enumPath);
            return schema;
        }

        private FixedSchema ParseFixed(JsonNode node, string enclosingNamespace, string path)
        {
            var fullName = DefinitionName(node, enclosingNamespace, path);
            var fixedPath = path.Length == 0 ? fullName : path;
            var sizeNode = Property(node, "size");
            if (sizeNode is null || sizeNode.Kind != JsonNodeKind.Number ||
                !int.TryParse(sizeNode.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                throw new AvroSchemaParseException("fixed '" + fullName + "' needs a non-negative integer \"size\"", fixedPath);
            }

            var aliases = Aliases(node, NamespaceOf(fullName), fixedPath);
            var logical = OptionalString(node, "logicalType");
            FixedSchema schema;
            if (logical == "decimal" && DecimalAttributes(node, MaxDecimalPrecision(size), out var precision, out var scale))
            {
                schema = new FixedSchema(fullName, aliases, size, logical, precision, scale);
            }
            else if ((logical == "duration" && size == 12) || (logical == "uuid" && size == 16))
            {
                schema = new FixedSchema(fullName, aliases, size, logical);
            }
            else
            {
                schema = new FixedSchema(fullName, aliases, size);
            }

            Register(schema, fixedPath);
            return schema;
        }

        private UnionSchema ParseUnion(JsonNode node, string enclosingNamespace, string path)
        {
            var branches = new List<AvroSchema>(node.Items.Count);
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var item in node.Items)
            {
                var branch = ParseType(item, enclosingNamespace, path);
                if (branch.Type == AvroSchemaType.Union)
                {
                    throw new AvroSchemaParseException("a union may not directly contain another union", path);
                }

                // Unnamed types may appear once each; named types once per full name.
                var identity = branch is NamedSchema namedBranch ? namedBranch.FullName : AvroSchema.TypeName(branch.Type);
                if (!seen.Add(identity))
                {
                    throw new AvroSchemaParseException("the union lists " + identity + " twice", path);
                }

                branches.Add(branch);
            }

            return new UnionSchema(branches);
        }

        private void Register(NamedSchema schema, string path)
        {
            if (Primitive(schema.Name) is not null && schema.Namespace.Length == 0)
            {
                throw new AvroSchemaParseException("'" + schema.Name + "' is a primitive type name and cannot name a " + AvroSchema.TypeName(schema.Type), path);
            }

            if (named.ContainsKey(schema.FullName))
            {
                throw new AvroSchemaParseException("the name '" + schema.FullName + "' is defined twice", path);
            }

            named.Add(schema.FullName, schema);
        }

        private static string DefinitionName(JsonNode node, string enclosingNamespace, string path)
        {
            var name = OptionalString(node, "name") ?? throw new AvroSchemaParseException("a named type needs a \"name\"", path);
            var namespaceNode = Property(node, "namespace");
            string space;
            if (namespaceNode is null)
            {
                space = enclosingNamespace;
            }
            else if (namespaceNode.Kind == JsonNodeKind.String)
            {
                space = namespaceNode.Text!;
            }
            else if (namespaceNode.Kind == JsonNodeKind.Null)
            {
                space = string.Empty;
            }
            else
            {
                throw new AvroSchemaParseException("\"namespace\" must be a string", path);
            }

            var fullName = Qualify(name, space);
            RequireValidFullName(fullName, path);
            return fullName;
        }

        private static List<string> Aliases(JsonNode node, string space, string path)
        {
            var aliases = new List<string>();
            foreach (var alias in StringArray(node, "aliases", path))
            {
                var fullName = Qualify(alias, space);
                RequireValidFullName(fullName, path);
                aliases.Add(fullName);
            }

            return aliases;
        }

        private static bool DecimalAttributes(JsonNode node, int maxPrecision, out int precision, out int scale)
        {
            scale = 0;
            var precisionNode = Property(node, "precision");
            if (precisionNode is null || !TryInt(precisionNode, out precision) || precision <= 0 || precision > maxPrecision)
            {
                precision = 0;
                return false;
            }

            var scaleNode = Property(node, "scale");
            if (scaleNode is not null && (!TryInt(scaleNode, out scale) || scale < 0 || scale > precision))
            {
                precision = 0;
                scale = 0;
                return false;
            }

            return true;
        }

        // The largest number of decimal digits a two's-complement number of `size` bytes can always hold.
        private static int MaxDecimalPrecision(int size)
        {
            if (size <= 0)
            {
                return 0;
            }

            return (int)System.Math.Floor(System.Math.Log10(2) * ((8.0 * size) - 1));
        }

        private static bool TryInt(JsonNode node, out int value)
        {
            value = 0;
            return node.Kind == JsonNodeKind.Number && int.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        private static List<string> StringArray(JsonNode node, string property, string path)
        {
            var list = new List<string>();
            var array = Property(node, property);
            if (array is null)
            {
                return list;
            }

            if (array.Kind != JsonNodeKind.Array)
            {
                throw new AvroSchemaParseException("\"" + property + "\" must be an array of strings", path);
            }

            foreach (var item in array.Items)
            {
                if (item.Kind != JsonNodeKind.String)
                {
                    throw new AvroSchemaParseException("\"" + property + "\" must be an array of strings, not contain " + Describe(item), path);
                }

                list.Add(item.Text!);
            }

            return list;
        }

        private static string? OptionalString(JsonNode node, string property)
        {
            var value = Property(node, property);
            return value is not null && value.Kind == JsonNodeKind.String ? value.Text : null;
        }

        private static JsonNode? Property(JsonNode node, string name)
        {
            foreach (var property in node.Properties)
            {
                if (property.Key == name)
                {
                    return property.Value;
                }
            }

            return null;
        }

        private static string NamespaceOf(string fullName) =>
            fullName.LastIndexOf('.') < 0 ? string.Empty : fullName.Substring(0, fullName.LastIndexOf('.'));

        private static string Qualify(string name, string space) =>
            name.IndexOf('.') >= 0 || space.Length == 0 ? name : space + "." + name;

        private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

        private static void RequireValidFullName(string fullName, string path)
        {
            foreach (var part in fullName.Split('.'))
            {
                RequireValidName(part, path, fullName);
            }
        }

        private static void RequireValidName(string name, string path, string? whole = null)
        {
            var valid = name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name[0] < 128;
            for (var i = 1; valid && i < name.Length; i++)
            {
                var c = name[i];
                valid = c < 128 && (char.IsLetterOrDigit(c) || c == '_');
            }

            if (!valid)
            {
                throw new AvroSchemaParseException("'" + (whole ?? name) + "' is not a valid Avro name ([A-Za-z_][A-Za-z0-9_]*, dot-separated for full names)", path);
            }
        }

        private static AvroSchemaType? Primitive(string name) => AvroPrimitiveNames.IndexOf(name) is var index and >= 0 ? (AvroSchemaType)index : null;

        private static string Describe(JsonNode node) => node.Kind switch
        {
            JsonNodeKind.Null => "null",
            JsonNodeKind.True or JsonNodeKind.False => "a boolean",
            JsonNodeKind.Number => "a number",
            JsonNodeKind.String => "a string",
            JsonNodeKind.Array => "an array",
            _ => "an object",
        };
    }
}
