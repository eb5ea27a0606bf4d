using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Contracts.Json;

public static partial class JsonFields
{
    /// <summary>Writes a string; null (which the schema does not allow here) throws <see cref="ContractEncodeException"/>.</summary>
    public static void WriteString(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            throw NullValue("string");
        }

        writer.WriteStringValue(value);
    }

    /// <summary>Writes a map key as a property name; a null key throws <see cref="ContractEncodeException"/>.</summary>
    public static void WriteMapKey(Utf8JsonWriter writer, string? key)
    {
        if (key is null)
        {
            throw NullValue("map key");
        }

        writer.WritePropertyName(key);
    }

    /// <summary>Writes a <c>uuid</c> in the 36-character lower-case form, as Python's <c>str(uuid)</c>.</summary>
    public static void WriteUuid(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);

    /// <summary>Writes <c>bytes</c> as standard base64 with padding.</summary>
    public static void WriteBytes(Utf8JsonWriter writer, ReadOnlySpan<byte> value) => writer.WriteBase64StringValue(value);

    /// <summary>Writes <c>bytes</c> as standard base64; null throws <see cref="ContractEncodeException"/>.</summary>
    public static void WriteBytes(Utf8JsonWriter writer, byte[]? value)
    {
        if (value is null)
        {
            throw NullValue("bytes");
        }

        writer.WriteBase64StringValue(value);
    }

    /// <summary>Writes a <c>fixed</c> as base64, checking that it has exactly <paramref name="size"/> bytes.</summary>
    public static void WriteFixed(Utf8JsonWriter writer, ReadOnlySpan<byte> value, int size)
    {
        if (value.Length != size)
        {
            throw FixedSizeMismatch(value.Length, size);
        }

        writer.WriteBase64StringValue(value);
    }

    /// <summary>Writes a <c>fixed</c> as base64; null or a wrong length throws <see cref="ContractEncodeException"/>.</summary>
    public static void WriteFixed(Utf8JsonWriter writer, byte[]? value, int size) =>
        WriteFixed(writer, (value ?? throw NullValue("fixed")).AsSpan(), size);

    /// <summary>
    /// Writes a <c>double</c> as Python's <c>repr</c> does (<c>1.0</c>, <c>1e+16</c>). NaN and infinities throw
    /// <see cref="ContractEncodeException"/>: they are not JSON, and DRF's strict renderer refuses them too.
    /// </summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
        {
            throw NotFinite(value.ToString(CultureInfo.InvariantCulture));
        }

        Span<byte> text = stackalloc byte[PythonFloatFormat.MaxLength];
        if (PythonFloatFormat.TryFormatShort(value, text, out var shortLength))
        {
            writer.WriteRawValue(text.Slice(0, shortLength), skipInputValidation: true);
            return;
        }

        // A value with a fraction in [1e-4, 1e15) is positional in both Python's repr and .NET's shortest round-trip
        // text, with the same digits, so System.Text.Json's own number writer produces Python's bytes.
        var magnitude = Math.Abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e15 && value != Math.Floor(value))
        {
            writer.WriteNumberValue(value);
            return;
        }

        writer.WriteRawValue(text.Slice(0, PythonFloatFormat.Format(value, text)), skipInputValidation: true);
    }

    /// <summary>Writes a <c>float</c> with the shortest digits that round-trip it, laid out as Python does; non-finite throws.</summary>
    public static void WriteSingle(Utf8JsonWriter writer, float value)
    {
        if (!float.IsFinite(value))
        {
            throw NotFinite(value.ToString(CultureInfo.InvariantCulture));
        }

        Span<byte> text = stackalloc byte[PythonFloatFormat.MaxLength];
        writer.WriteRawValue(text.Slice(0, PythonFloatFormat.Format(value, text)), skipInputValidation: true);
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw JsonErrors.Unexpected(ref reader, "true or false"),
    };

    /// <summary>Reads an <c>int</c>: a JSON integer within the 32-bit range.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.Unexpected(ref reader, "an integer");
        }

        return reader.TryGetInt32(out var value)
            ? value
            : throw JsonErrors.At(ref reader, "expected an integer from -2147483648 to 2147483647 (Avro int), found " + NumberText(ref reader) + ".");
    }

    /// <summary>Reads a <c>long</c>: a JSON integer within the 64-bit range.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.Unexpected(ref reader, "an integer");
        }

        return reader.TryGetInt64(out var value)
            ? value
            : throw JsonErrors.At(ref reader, "expected an integer from -9223372036854775808 to 9223372036854775807 (Avro long), found " + NumberText(ref reader) + ".");
    }

    /// <summary>Reads a <c>double</c>: any finite JSON number (integers included).</summary>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.Unexpected(ref reader, "a number");
        }

        return reader.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw JsonErrors.At(ref reader, "the number " + NumberText(ref reader) + " is outside the range of a double.");
    }

    /// <summary>Reads a <c>float</c>: any JSON number within the single-precision range (rounded to nearest).</summary>
    public static float ReadSingle(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.Unexpected(ref reader, "a number");
        }

        return reader.TryGetSingle(out var value) && float.IsFinite(value)
            ? value
            : throw JsonErrors.At(ref reader, "the number " + NumberText(ref reader) + " is outside the range of a float.");
    }

    /// <summary>Reads a string, refusing invalid UTF-8.</summary>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonErrors.Unexpected(ref reader, "a string");
        }

        return TryGetString(ref reader) ?? throw JsonErrors.At(ref reader, "the string is not valid Unicode (an escaped unpaired surrogate such as \\ud800).");
    }

    /// <summary>Reads a <c>uuid</c> string in the 36-character form (either case).</summary>
    public static Guid ReadUuid(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonErrors.Unexpected(ref reader, "a uuid string");
        }

        return reader.TryGetGuid(out var value)
            ? value
            : throw JsonErrors.At(ref reader, "the uuid is not in the 36-character form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.");
    }

    /// <summary>Reads <c>bytes</c> from a standard base64 string.</summary>
    public static byte[] ReadBytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonErrors.Unexpected(ref reader, "a base64 string");
        }

        return reader.TryGetBytesFromBase64(out var value) && value is not null
            ? value
            : throw JsonErrors.At(ref reader, "the string is not valid standard base64 (A-Z a-z 0-9 + /, '=' padding).");
    }

    /// <summary>Reads a <c>fixed</c> of exactly <paramref name="size"/> bytes from a base64 string.</summary>
    public static byte[] ReadFixed(ref Utf8JsonReader reader, int size)
    {
        var value = ReadBytes(ref reader);
        return value.Length == size
            ? value
            : throw JsonErrors.At(ref reader, string.Create(CultureInfo.InvariantCulture, $"the fixed value has {value.Length} bytes; the schema's size is {size}."));
    }

    private static string NumberText(ref Utf8JsonReader reader) => Encoding.UTF8.GetString(reader.ValueSpan);

    private static ContractEncodeException NullValue(string what) =>
        new(ContractFormat.Json, "the " + what + " value is null, but the schema does not allow null here.");

    private static ContractEncodeException NotFinite(string value) =>
        new(ContractFormat.Json, value + " is not a finite number; JSON has no NaN or infinities (Django REST Framework's strict renderer refuses them too).");
}
