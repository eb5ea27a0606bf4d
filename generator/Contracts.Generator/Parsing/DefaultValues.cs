using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Generator.Parsing;

/// <summary>
/// Checks an Avro default (JSON) against a field's schema and turns it into the C# expression the JSON reader uses when
/// the field is missing. Pure: works on the model only.
/// </summary>
internal static class DefaultValues
{
    private const long UnixEpochTicks = 621355968000000000L;
    private const long MaxTicks = 3155378975999999999L;
    private const int UnixEpochDayNumber = 719162;
    private const int MaxDayNumber = 3652058;
    private const long MicrosPerDay = 86400000000L;

    /// <summary>Returns the C# expression for <paramref name="node"/> as a value of <paramref name="type"/>, or null and why not.</summary>
    /// <remarks>
    /// A field's own union default must match the union's first branch (<c>null</c>); a union nested in an array or map
    /// default may hold a value of either branch, as Avro validates nested defaults against any branch.
    /// </remarks>
    public static string? ToExpression(JsonNode node, AvroTypeModel type, Func<string, EnumModel?> findEnum, out string? error) =>
        ToExpression(node, type, findEnum, null, nested: false, out error);

    /// <summary>
    /// As <see cref="ToExpression(JsonNode, AvroTypeModel, Func{string, EnumModel?}, out string?)"/>, and record defaults (a JSON
    /// object with a value for every field that has no default of its own) become object creations through
    /// <paramref name="findRecord"/>.
    /// </summary>
    public static string? ToExpression(JsonNode node, AvroTypeModel type, Func<string, EnumModel?> findEnum, Func<string, RecordModel?> findRecord, out string? error) =>
        ToExpression(node, type, findEnum, findRecord, nested: false, out error);

    private static string? ToExpression(JsonNode node, AvroTypeModel type, Func<string, EnumModel?> findEnum, Func<string, RecordModel?>? findRecord, bool nested, out string? error)
    {
        error = null;
        switch (type.Kind)
        {
            case AvroKind.Nullable:
                if (node.Kind == JsonNodeKind.Null)
                {
                    return "null";
                }

                if (nested)
                {
                    return ToExpression(node, type.Items!, findEnum, findRecord, nested, out error);
                }

                error = "a nullable field's default must be null, because the first branch of its union is \"null\"";
                return null;
            case AvroKind.Boolean:
                return node.Kind switch
                {
                    JsonNodeKind.True => "true",
                    JsonNodeKind.False => "false",
                    _ => Fail("expected true or false", out error),
                };
            case AvroKind.Int:
                return IntExpression(node, type, out error);
            case AvroKind.Long:
                return LongExpression(node, type, out error);
            case AvroKind.Float or AvroKind.Double:
                return FloatingExpression(node, type, out error);
            case AvroKind.String:
                return StringExpression(node, type, out error);
            case AvroKind.Bytes or AvroKind.Fixed:
                return BytesExpression(node, type, out error);
            case AvroKind.Enum:
                var enumModel = type.NamedTypeFullName is null ? null : findEnum(type.NamedTypeFullName);
                var symbol = node.Kind == JsonNodeKind.String ? enumModel?.Symbols.FirstOrDefault(s => s.Symbol == node.Text) : null;
                return symbol is null
                    ? Fail("expected one of the enum's symbols as a string", out error)
                    : type.ClrTypeName + "." + symbol.MemberName;
            case AvroKind.Array:
                return ArrayExpression(node, type, findEnum, findRecord, out error);
            case AvroKind.Map:
                return MapExpression(node, type, findEnum, findRecord, out error);
            case AvroKind.Union:
                return UnionExpression(node, type, findEnum, findRecord, nested, out error);
            case AvroKind.Record when findRecord is not null:
                return RecordExpression(node, type, findEnum, findRecord, out error);
            case AvroKind.Record:
                return Fail("record defaults are not supported; make the field nullable with a null default", out error);
            default:
                return Fail("this type takes no default", out error);
        }
    }

    /// <summary>The Avro JSON of a decimal default: the big-endian two's-complement unscaled value as a string of code points 0-255.</summary>
    public static string? DecimalBytes(decimal value, int precision, int scale, out string? error)
    {
        error = null;
        var bits = decimal.GetBits(value);
        var valueScale = (bits[3] >> 16) & 0xFF;
        var mantissa = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
        if (bits[3] < 0)
        {
            mantissa = -mantissa;
        }

        if (valueScale > scale)
        {
            var divisor = BigInteger.Pow(10, valueScale - scale);
            if (!(mantissa % divisor).IsZero)
            {
                error = "the value has more decimals than the scale " + scale.ToString(CultureInfo.InvariantCulture);
                return null;
            }

            mantissa /= divisor;
        }
        else
        {
            mantissa *= BigInteger.Pow(10, scale - valueScale);
        }

        if (BigInteger.Abs(mantissa).ToString(CultureInfo.InvariantCulture).Length > precision && !mantissa.IsZero)
        {
            error = "the value has more digits than the precision " + precision.ToString(CultureInfo.InvariantCulture);
            return null;
        }

        var bytes = mantissa.ToByteArray();
        Array.Reverse(bytes);
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            builder.Append((char)b);
        }

        return builder.ToString();
    }

    private static string? IntExpression(JsonNode node, AvroTypeModel type, out string? error)
    {
        if (!TryInteger(node, out var value) || value < int.MinValue || value > int.MaxValue)
        {
            return Fail("expected an integer between -2147483648 and 2147483647", out error);
        }

        error = null;
        if (type.Clr == ClrShape.DateOnly)
        {
            var dayNumber = value + UnixEpochDayNumber;
            return dayNumber is < 0 or > MaxDayNumber
                ? Fail("the day count is outside the range of DateOnly", out error)
                : "global::System.DateOnly.FromDayNumber(" + dayNumber.ToString(CultureInfo.InvariantCulture) + ")";
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static string? LongExpression(JsonNode node, AvroTypeModel type, out string? error)
    {
        if (!TryInteger(node, out var value))
        {
            return Fail("expected an integer between -9223372036854775808 and 9223372036854775807", out error);
        }

        error = null;
        switch (type.Clr)
        {
            case ClrShape.TimeOnly:
                return value is < 0 or >= MicrosPerDay
                    ? Fail("time-micros must be between 0 and 86399999999", out error)
                    : "new global::System.TimeOnly(" + (value * 10).ToString(CultureInfo.InvariantCulture) + "L)";
            case ClrShape.DateTime or ClrShape.DateTimeOffset:
                var perUnit = type.LogicalType is "timestamp-micros" or "local-timestamp-micros" ? 10m : 10000m;
                var ticks = UnixEpochTicks + (value * perUnit);
                if (ticks < 0 || ticks > MaxTicks)
                {
                    return Fail("the timestamp is outside the range of " + (type.Clr == ClrShape.DateTime ? "DateTime" : "DateTimeOffset"), out error);
                }

                var ticksText = ((long)ticks).ToString(CultureInfo.InvariantCulture) + "L";
                if (type.Clr == ClrShape.DateTimeOffset)
                {
                    return "new global::System.DateTimeOffset(" + ticksText + ", global::System.TimeSpan.Zero)";
                }

                var kind = type.LogicalType!.StartsWith("local-", StringComparison.Ordinal) ? "Unspecified" : "Utc";
                return "new global::System.DateTime(" + ticksText + ", global::System.DateTimeKind." + kind + ")";
            default:
                return value.ToString(CultureInfo.InvariantCulture) + "L";
        }
    }

    private static string? FloatingExpression(JsonNode node, AvroTypeModel type, out string? error)
    {
        if (node.Kind != JsonNodeKind.Number || !double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ||
            double.IsInfinity(value) || (type.Kind == AvroKind.Float && Math.Abs(value) > float.MaxValue))
        {
            return Fail("expected a finite number", out error);
        }

        error = null;
        return type.Kind == AvroKind.Float
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture) + "F"
            : value.ToString("R", CultureInfo.InvariantCulture) + "D";
    }

    private static string? StringExpression(JsonNode node, AvroTypeModel type, out string? error)
    {
        if (node.Kind != JsonNodeKind.String)
        {
            return Fail("expected a string", out error);
        }

        error = null;
        if (type.Clr == ClrShape.Guid)
        {
            return Guid.TryParseExact(node.Text, "D", out var guid)
                ? "new global::System.Guid(\"" + guid.ToString("D") + "\")"
                : Fail("expected a UUID like \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"", out error);
        }

        return SymbolDisplay.FormatLiteral(node.Text!, quote: true);
    }

    private static string? BytesExpression(JsonNode node, AvroTypeModel type, out string? error)
    {
        error = null;
        if (node.Kind != JsonNodeKind.String || node.Text!.Any(c => c > 0xFF))
        {
            return Fail("expected a string of code points 0 to 255, one per byte", out error);
        }

        var bytes = node.Text!.Select(c => (byte)c).ToArray();
        if (type.Clr == ClrShape.Decimal)
        {
            return DecimalExpression(bytes, type, out error);
        }

        if (type.Kind == AvroKind.Fixed && bytes.Length != type.FixedSize)
        {
            return Fail("a fixed of size " + type.FixedSize.ToString(CultureInfo.InvariantCulture) + " needs exactly that many bytes", out error);
        }

        var array = bytes.Length == 0
            ? null
            : "new byte[] { " + string.Join(", ", bytes.Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture))) + " }";
        return type.Clr == ClrShape.ReadOnlyMemoryOfByte
            ? array is null ? "global::System.ReadOnlyMemory<byte>.Empty" : "new global::System.ReadOnlyMemory<byte>(" + array + ")"
            : array ?? "global::System.Array.Empty<byte>()";
    }

    private static string? DecimalExpression(byte[] bigEndian, AvroTypeModel type, out string? error)
    {
        if (bigEndian.Length == 0)
        {
            return Fail("a decimal needs at least one byte", out error);
        }

        var littleEndian = (byte[])bigEndian.Clone();
        Array.Reverse(littleEndian);
        var unscaled = new BigInteger(littleEndian);
        var digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        if (digits.Length > type.Precision && !unscaled.IsZero)
        {
            return Fail("the value has more digits than the precision " + type.Precision.ToString(CultureInfo.InvariantCulture), out error);
        }

        if (BigInteger.Abs(unscaled) >= BigInteger.One << 96)
        {
            return Fail("the value does not fit in System.Decimal", out error);
        }

        error = null;
        var magnitude = BigInteger.Abs(unscaled);
        var value = new decimal(
            (int)(uint)(magnitude & uint.MaxValue),
            (int)(uint)((magnitude >> 32) & uint.MaxValue),
            (int)(uint)((magnitude >> 64) & uint.MaxValue),
            unscaled.Sign < 0,
            (byte)type.Scale);
        return value.ToString(CultureInfo.InvariantCulture) + "m";
    }

    private static string? ArrayExpression(JsonNode node, AvroTypeModel type, Func<string, EnumModel?> findEnum, Func<string, RecordModel?>? findRecord, out string? error)
    {
        if (node.Kind != JsonNodeKind.Array)
        {
            return Fail("expected a JSON array", out error);
        }

        var items = new List<string>();
        foreach (var item in node.Items)
        {
            var expression = ToExpression(item, type.Items!, findEnum, findRecord, nested: true, out error);
            if (expression is null)
            {
                error = "item " + items.Count.ToString(CultureInfo.InvariantCulture) + ": " + error;
                return null;
            }

            items.Add(expression);
        }

        error = null;
        var itemType = type.Items!.ClrTypeName;
        var list = string.Join(", ", items);
        return (type.Clr, items.Count) switch
        {
            (ClrShape.List, 0) => "new global::System.Collections.Generic.List<" + itemType + ">()",
            (ClrShape.List, _) => "new global::System.Collections.Generic.List<" + itemType + "> { " + list + " }",
            (ClrShape.ImmutableArray, 0) => "global::System.Collections.Immutable.ImmutableArray<" + itemType + ">.Empty",
            (ClrShape.ImmutableArray, _) => "global::System.Collections.Immutable.ImmutableArray.Create<" + itemType + ">(" + list + ")",
            (ClrShape.ImmutableList, 0) => "global::System.Collections.Immutable.ImmutableList<" + itemType + ">.Empty",
            (ClrShape.ImmutableList, _) => "global::System.Collections.Immutable.ImmutableList.Create<" + itemType + ">(" + list + ")",
            (_, 0) => "global::System.Array.Empty<" + itemType + ">()",
            _ => "new " + ArrayTypeName(itemType) + " { " + list + " }",
        };
    }

    private static string? MapExpression(JsonNode node, AvroTypeModel type, Func<string, EnumModel?> findEnum, Func<string, RecordModel?>? findRecord, out string? error)
    {
        if (node.Kind != JsonNodeKind.Object)
        {
            return Fail("expected a JSON object", out error);
        }

        var entries = new List<string>();
        foreach (var property in node.Properties)
        {
            var expression = ToExpression(property.Value, type.Items!, findEnum, findRecord, nested: true, out error);
            if (expression is null)
            {
                error = "entry \"" + property.Key + "\": " + error;
                return null;
            }

            entries.Add("[" + SymbolDisplay.FormatLiteral(property.Key, quote: true) + "] = " + expression);
        }

        error = null;
        var dictionary = "new global::System.Collections.Generic.Dictionary<string, " + type.Items!.ClrTypeName + ">" +
            (entries.Count == 0 ? "()" : " { " + string.Join(", ", entries) + " }");
        if (type.Clr != ClrShape.ImmutableDictionary)
        {
            return dictionary;
        }

        return entries.Count == 0
            ? "global::System.Collections.Immutable.ImmutableDictionary<string, " + type.Items.ClrTypeName + ">.Empty"
            : "global::System.Collections.Immutable.ImmutableDictionary.CreateRange(" + dictionary + ")";
    }

    /// <summary>
    /// A union default: a field's own default is a value of the first branch (Avro's rule); nested in an array or map
    /// default it may be a value of any branch, the first that fits. Non-null values wrap in the branch's case class.
    /// </summary>
    private static string? UnionExpression(JsonNode node, AvroTypeModel type, Func<string, EnumModel?> findEnum, Func<string, RecordModel?>? findRecord, bool nested, out string? error)
    {
        error = null;
        var candidates = nested ? type.Branches.Count : Math.Min(1, type.Branches.Count);
        for (var i = 0; i < candidates; i++)
        {
            var branch = type.Branches[i];
            if (branch.Kind == AvroKind.Null)
            {
                if (node.Kind == JsonNodeKind.Null)
                {
                    return "null";
                }

                error = "expected null";
                continue;
            }

            var value = ToExpression(node, branch, findEnum, findRecord, nested: true, out error);
            if (value is not null)
            {
                return "new " + Emitting.UnionNames.CaseClassName(type, i) + "(" + value + ")";
            }
        }

        error = nested
            ? "the value fits no branch of the union"
            : "a union field's default must be a value of the union's first branch (" + error + ")";
        return null;
    }

    /// <summary>A record default: every field from the object, or from the field's own default when the object omits it.</summary>
    private static string? RecordExpression(JsonNode node, AvroTypeModel type, Func<string, EnumModel?> findEnum, Func<string, RecordModel?> findRecord, out string? error)
    {
        var record = type.NamedTypeFullName is null ? null : findRecord(type.NamedTypeFullName);
        if (record is null)
        {
            return Fail("the record's definition is not available", out error);
        }

        if (node.Kind != JsonNodeKind.Object)
        {
            return Fail("expected a JSON object with the fields of " + record.AvroFullName, out error);
        }

        foreach (var property in node.Properties)
        {
            if (!record.Fields.Any(f => f.AvroName == property.Key))
            {
                return Fail("\"" + property.Key + "\" is not a field of " + record.AvroFullName, out error);
            }
        }

        var arguments = new string[record.ConstructorParameterCount];
        var initializers = new List<string>();
        foreach (var field in record.Fields)
        {
            var value = node.Properties.FirstOrDefault(p => p.Key == field.AvroName).Value;
            string? expression;
            if (value is not null)
            {
                expression = ToExpression(value, field.Type, findEnum, findRecord, nested: false, out error);
            }
            else
            {
                expression = field.DefaultExpression;
                error = expression is null ? "it has no default" : null;
            }

            if (expression is null)
            {
                error = "field \"" + field.AvroName + "\": " + error;
                return null;
            }

            if (field.ConstructorParameterIndex >= 0 && field.ConstructorParameterIndex < arguments.Length)
            {
                arguments[field.ConstructorParameterIndex] = expression;
            }
            else
            {
                initializers.Add((SyntaxFacts.GetKeywordKind(field.MemberName) == SyntaxKind.None ? field.MemberName : "@" + field.MemberName) + " = " + expression);
            }
        }

        error = null;
        var construct = "new " + record.ClrTypeName + "(" + string.Join(", ", arguments.Select(a => a ?? "default!")) + ")";
        return initializers.Count == 0 ? construct : construct + " { " + string.Join(", ", initializers) + " }";
    }

    /// <summary><c>new int[]</c>, but for an array item type <c>int[]</c> the rank goes first: <c>new int[][]</c>.</summary>
    private static string ArrayTypeName(string itemType)
    {
        var bracket = itemType.IndexOf('[');
        return bracket < 0 ? itemType + "[]" : itemType.Substring(0, bracket) + "[]" + itemType.Substring(bracket);
    }

    private static bool TryInteger(JsonNode node, out long value)
    {
        value = 0;
        return node.Kind == JsonNodeKind.Number && node.Text!.IndexOfAny(['.', 'e', 'E']) < 0 &&
            long.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static string? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }
}
