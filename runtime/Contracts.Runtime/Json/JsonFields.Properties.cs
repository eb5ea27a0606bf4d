using System;
using System.Globalization;
using System.Text.Json;

namespace Contracts.Json;

// The property forms of the value writers: the generated record writers call these with the field's pre-encoded name,
// so System.Text.Json writes the separator, name and value in one call (as its own source generator does) rather
// than a WritePropertyName followed by a value call.
public static partial class JsonFields
{
    /// <summary>Writes the property <paramref name="propertyName"/> with a string value; null throws <see cref="ContractEncodeException"/>.</summary>
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText propertyName, string? value)
    {
        if (value is null)
        {
            throw NullValue("string");
        }

        writer.WriteString(propertyName, value);
    }

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>uuid</c> in the 36-character lower-case form.</summary>
    public static void WriteUuid(Utf8JsonWriter writer, JsonEncodedText propertyName, Guid value) => writer.WriteString(propertyName, value);

    /// <summary>Writes the property <paramref name="propertyName"/> with <c>bytes</c> as standard base64 with padding.</summary>
    public static void WriteBytes(Utf8JsonWriter writer, JsonEncodedText propertyName, ReadOnlySpan<byte> value) => writer.WriteBase64String(propertyName, value);

    /// <summary>Writes the property <paramref name="propertyName"/> with <c>bytes</c> as base64; null throws <see cref="ContractEncodeException"/>.</summary>
    public static void WriteBytes(Utf8JsonWriter writer, JsonEncodedText propertyName, byte[]? value) =>
        writer.WriteBase64String(propertyName, value ?? throw NullValue("bytes"));

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>fixed</c> of exactly <paramref name="size"/> bytes as base64.</summary>
    public static void WriteFixed(Utf8JsonWriter writer, JsonEncodedText propertyName, ReadOnlySpan<byte> value, int size)
    {
        if (value.Length != size)
        {
            throw FixedSizeMismatch(value.Length, size);
        }

        writer.WriteBase64String(propertyName, value);
    }

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>fixed</c>; null or a wrong length throws.</summary>
    public static void WriteFixed(Utf8JsonWriter writer, JsonEncodedText propertyName, byte[]? value, int size) =>
        WriteFixed(writer, propertyName, (value ?? throw NullValue("fixed")).AsSpan(), size);

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>double</c> as Python's <c>repr</c> does; non-finite throws.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText propertyName, double value)
    {
        writer.WritePropertyName(propertyName);
        WriteDouble(writer, value);
    }

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>float</c> laid out as Python does; non-finite throws.</summary>
    public static void WriteSingle(Utf8JsonWriter writer, JsonEncodedText propertyName, float value)
    {
        writer.WritePropertyName(propertyName);
        WriteSingle(writer, value);
    }

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>decimal</c> string of exactly <paramref name="scale"/> decimals.</summary>
    public static void WriteDecimal(Utf8JsonWriter writer, JsonEncodedText propertyName, decimal value, int precision, int scale)
    {
        Span<byte> text = stackalloc byte[DecimalText.MaxLength];
        writer.WriteString(propertyName, text.Slice(0, DecimalText.Format(value, precision, scale, text)));
    }

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>date</c> as <c>yyyy-MM-dd</c>.</summary>
    public static void WriteDate(Utf8JsonWriter writer, JsonEncodedText propertyName, DateOnly value)
    {
        Span<byte> text = stackalloc byte[IsoTemporalText.MaxLength];
        writer.WriteString(propertyName, text.Slice(0, IsoTemporalText.FormatDate(value, text)));
    }

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>time-micros</c>.</summary>
    public static void WriteTimeMicros(Utf8JsonWriter writer, JsonEncodedText propertyName, TimeOnly value) =>
        WriteTime(writer, propertyName, value.Ticks, TimeSpan.TicksPerMicrosecond);

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>time-millis</c>.</summary>
    public static void WriteTimeMillis(Utf8JsonWriter writer, JsonEncodedText propertyName, TimeOnly value) =>
        WriteTime(writer, propertyName, value.Ticks, TimeSpan.TicksPerMillisecond);

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>timestamp-millis</c> instant in UTC.</summary>
    public static void WriteTimestampMillis(Utf8JsonWriter writer, JsonEncodedText propertyName, DateTimeOffset value) =>
        WriteDateTime(writer, propertyName, value.UtcTicks, TimeSpan.TicksPerMillisecond, utc: true);

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>timestamp-micros</c> instant in UTC.</summary>
    public static void WriteTimestampMicros(Utf8JsonWriter writer, JsonEncodedText propertyName, DateTimeOffset value) =>
        WriteDateTime(writer, propertyName, value.UtcTicks, TimeSpan.TicksPerMicrosecond, utc: true);

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>timestamp-millis</c> instant in UTC (an unspecified kind is taken as UTC).</summary>
    public static void WriteTimestampMillis(Utf8JsonWriter writer, JsonEncodedText propertyName, DateTime value) =>
        WriteDateTime(writer, propertyName, UtcTicks(value), TimeSpan.TicksPerMillisecond, utc: true);

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>timestamp-micros</c> instant in UTC (an unspecified kind is taken as UTC).</summary>
    public static void WriteTimestampMicros(Utf8JsonWriter writer, JsonEncodedText propertyName, DateTime value) =>
        WriteDateTime(writer, propertyName, UtcTicks(value), TimeSpan.TicksPerMicrosecond, utc: true);

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>local-timestamp-millis</c> (wall clock, no offset).</summary>
    public static void WriteLocalTimestampMillis(Utf8JsonWriter writer, JsonEncodedText propertyName, DateTime value) =>
        WriteDateTime(writer, propertyName, value.Ticks, TimeSpan.TicksPerMillisecond, utc: false);

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>local-timestamp-micros</c> (wall clock, no offset).</summary>
    public static void WriteLocalTimestampMicros(Utf8JsonWriter writer, JsonEncodedText propertyName, DateTime value) =>
        WriteDateTime(writer, propertyName, value.Ticks, TimeSpan.TicksPerMicrosecond, utc: false);

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>local-timestamp-millis</c> from the offset's wall-clock time.</summary>
    public static void WriteLocalTimestampMillis(Utf8JsonWriter writer, JsonEncodedText propertyName, DateTimeOffset value) =>
        WriteDateTime(writer, propertyName, value.Ticks, TimeSpan.TicksPerMillisecond, utc: false);

    /// <summary>Writes the property <paramref name="propertyName"/> with a <c>local-timestamp-micros</c> from the offset's wall-clock time.</summary>
    public static void WriteLocalTimestampMicros(Utf8JsonWriter writer, JsonEncodedText propertyName, DateTimeOffset value) =>
        WriteDateTime(writer, propertyName, value.Ticks, TimeSpan.TicksPerMicrosecond, utc: false);

    private static void WriteTime(Utf8JsonWriter writer, JsonEncodedText propertyName, long ticks, long ticksPerUnit)
    {
        Span<byte> text = stackalloc byte[IsoTemporalText.MaxLength];
        writer.WriteString(propertyName, text.Slice(0, IsoTemporalText.FormatTime(ticks - (ticks % ticksPerUnit), text)));
    }

    private static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText propertyName, long ticks, long ticksPerUnit, bool utc)
    {
        Span<byte> text = stackalloc byte[IsoTemporalText.MaxLength];
        writer.WriteString(propertyName, text.Slice(0, IsoTemporalText.FormatDateTime(ticks - (ticks % ticksPerUnit), utc, text)));
    }

    private static ContractEncodeException FixedSizeMismatch(int length, int size) =>
        new(ContractFormat.Json, string.Create(CultureInfo.InvariantCulture, $"the fixed value has {length} bytes; the schema's size is {size}."));
}
