using System.Globalization;
using Contracts.Generator.Parsing;

namespace Contracts.Generator.Compatibility;

/// <summary>
/// Checks that a JSON default value fits a schema, as the Avro specification's default-value encoding table says.
/// A field's own union takes a default of its first branch only; unions nested inside array items, map values or
/// record fields accept any branch (the rule the contract parser applies to nullable items too).
/// </summary>
internal static class DefaultValidator
{
    /// <summary>Returns null when <paramref name="value"/> fits <paramref name="schema"/>, otherwise what is wrong.</summary>
    public static string? Check(AvroSchema schema, JsonNode value, bool firstUnionBranchOnly) =>
        CheckValue(schema, value, firstUnionBranchOnly);

    private static string? CheckValue(AvroSchema schema, JsonNode value, bool firstUnionBranchOnly)
    {
        switch (schema)
        {
            case UnionSchema union:
                if (union.Branches.Count == 0)
                {
                    return "an empty union has no values";
                }

                if (firstUnionBranchOnly)
                {
                    var first = CheckValue(union.Branches[0], value, false);
                    return first is null ? null : "a union field's default must match its first branch (" + union.Branches[0].Describe() + "): " + first;
                }

                foreach (var branch in union.Branches)
                {
                    if (CheckValue(branch, value, false) is null)
                    {
                        return null;
                    }
                }

                return "it matches no branch of " + union.Describe();
            case RecordSchema record:
                return CheckRecord(record, value);
            case EnumSchema enumSchema:
                return value.Kind == JsonNodeKind.String && enumSchema.IndexOf(value.Text!) >= 0
                    ? null
                    : "expected one of the symbols of " + enumSchema.FullName;
            case FixedSchema fixedSchema:
                if (value.Kind != JsonNodeKind.String || !IsByteString(value.Text!))
                {
                    return "expected a string of characters U+0000..U+00FF";
                }

                return value.Text!.Length == fixedSchema.Size
                    ? null
                    : "expected " + fixedSchema.Size.ToString(CultureInfo.InvariantCulture) + " bytes, found " + value.Text!.Length.ToString(CultureInfo.InvariantCulture);
            case ArraySchema array:
                if (value.Kind != JsonNodeKind.Array)
                {
                    return "expected a JSON array";
                }

                foreach (var item in value.Items)
                {
                    var problem = CheckValue(array.Items, item, false);
                    if (problem is not null)
                    {
                        return "item: " + problem;
                    }
                }

                return null;
            case MapSchema map:
                if (value.Kind != JsonNodeKind.Object)
                {
                    return "expected a JSON object";
                }

                foreach (var entry in value.Properties)
                {
                    var problem = CheckValue(map.Values, entry.Value, false);
                    if (problem is not null)
                    {
                        return "value of '" + entry.Key + "': " + problem;
                    }
                }

                return null;
            default:
                return CheckPrimitive(schema.Type, value);
        }
    }

    private static string? CheckRecord(RecordSchema record, JsonNode value)
    {
        if (value.Kind != JsonNodeKind.Object)
        {
            return "expected a JSON object for record " + record.FullName;
        }

        foreach (var property in value.Properties)
        {
            if (record.FindField(property.Key) is null)
            {
                return "record " + record.FullName + " has no field '" + property.Key + "'";
            }
        }

        foreach (var field in record.Fields)
        {
            JsonNode? fieldValue = null;
            foreach (var property in value.Properties)
            {
                if (property.Key == field.Name)
                {
                    fieldValue = property.Value;
                }
            }

            if (fieldValue is null)
            {
                if (!field.HasDefault)
                {
                    return "field '" + field.Name + "' of " + record.FullName + " is missing and has no default";
                }

                continue;
            }

            var problem = CheckValue(field.Schema, fieldValue, false);
            if (problem is not null)
            {
                return "field '" + field.Name + "': " + problem;
            }
        }

        return null;
    }

    private static string? CheckPrimitive(AvroSchemaType type, JsonNode value)
    {
        switch (type)
        {
            case AvroSchemaType.Null:
                return value.Kind == JsonNodeKind.Null ? null : "expected null";
            case AvroSchemaType.Boolean:
                return value.Kind is JsonNodeKind.True or JsonNodeKind.False ? null : "expected true or false";
            case AvroSchemaType.Int:
                return value.Kind == JsonNodeKind.Number && int.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                    ? null
                    : "expected a 32-bit integer";
            case AvroSchemaType.Long:
                return value.Kind == JsonNodeKind.Number && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                    ? null
                    : "expected a 64-bit integer";
            case AvroSchemaType.Float:
            case AvroSchemaType.Double:
                return value.Kind == JsonNodeKind.Number ? null : "expected a number";
            case AvroSchemaType.Bytes:
                return value.Kind == JsonNodeKind.String && IsByteString(value.Text!) ? null : "expected a string of characters U+0000..U+00FF";
            default:
                return value.Kind == JsonNodeKind.String ? null : "expected a string";
        }
    }

    private static bool IsByteString(string text)
    {
        foreach (var c in text)
        {
            if (c > 0xFF)
            {
                return false;
            }
        }

        return true;
    }
}
