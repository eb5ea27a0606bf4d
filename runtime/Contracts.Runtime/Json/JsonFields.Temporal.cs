using System;
using System.Text.Json;

namespace Contracts.Json;

public static partial class JsonFields
{
    // Longest temporal text we accept: a date-time with 9 fraction digits and a ±hh:mm offset, with slack.
    private const int MaxTemporalLength = 40;

    /// <summary>Writes a <c>date</c> as <c>yyyy-MM-dd</c>.</summary>
    public static void WriteDate(Utf8JsonWriter writer, DateOnly value)
    {
        Span<byte> text = stackalloc byte[IsoTemporalText.MaxLength];
        writer.WriteStringValue(text.Slice(0, IsoTemporalText.FormatDate(value, text)));
    }

    /// <summary>Writes a <c>time-micros</c> as <c>HH:mm:ss[.ffffff]</c>; sub-microsecond ticks are dropped, as in Avro.</summary>
    public static void WriteTimeMicros(Utf8JsonWriter writer, TimeOnly value) => WriteTime(writer, value.Ticks, TimeSpan.TicksPerMicrosecond);

    /// <summary>Writes a <c>time-millis</c> as <c>HH:mm:ss[.fff000]</c>; sub-millisecond ticks are dropped, as in Avro.</summary>
    public static void WriteTimeMillis(Utf8JsonWriter writer, TimeOnly value) => WriteTime(writer, value.Ticks, TimeSpan.TicksPerMillisecond);

    /// <summary>Writes a <c>timestamp-millis</c> instant in UTC as <c>yyyy-MM-ddTHH:mm:ss[.ffffff]Z</c>, truncated to milliseconds.</summary>
    public static void WriteTimestampMillis(Utf8JsonWriter writer, DateTimeOffset value) => WriteDateTime(writer, value.UtcTicks, TimeSpan.TicksPerMillisecond, utc: true);

    /// <summary>Writes a <c>timestamp-micros</c> instant in UTC, truncated to microseconds.</summary>
    public static void WriteTimestampMicros(Utf8JsonWriter writer, DateTimeOffset value) => WriteDateTime(writer, value.UtcTicks, TimeSpan.TicksPerMicrosecond, utc: true);

    /// <summary>Writes a <c>timestamp-millis</c> instant in UTC; a local value is converted, an unspecified one is taken as UTC (as in Avro).</summary>
    public static void WriteTimestampMillis(Utf8JsonWriter writer, DateTime value) => WriteDateTime(writer, UtcTicks(value), TimeSpan.TicksPerMillisecond, utc: true);

    /// <summary>Writes a <c>timestamp-micros</c> instant in UTC; a local value is converted, an unspecified one is taken as UTC.</summary>
    public static void WriteTimestampMicros(Utf8JsonWriter writer, DateTime value) => WriteDateTime(writer, UtcTicks(value), TimeSpan.TicksPerMicrosecond, utc: true);

    /// <summary>Writes a <c>local-timestamp-millis</c>: the wall-clock value with no offset, as Python's naive <c>isoformat()</c>.</summary>
    public static void WriteLocalTimestampMillis(Utf8JsonWriter writer, DateTime value) => WriteDateTime(writer, value.Ticks, TimeSpan.TicksPerMillisecond, utc: false);

    /// <summary>Writes a <c>local-timestamp-micros</c>: the wall-clock value with no offset.</summary>
    public static void WriteLocalTimestampMicros(Utf8JsonWriter writer, DateTime value) => WriteDateTime(writer, value.Ticks, TimeSpan.TicksPerMicrosecond, utc: false);

    /// <summary>Writes a <c>local-timestamp-millis</c> from the offset's wall-clock time.</summary>
    public static void WriteLocalTimestampMillis(Utf8JsonWriter writer, DateTimeOffset value) => WriteDateTime(writer, value.Ticks, TimeSpan.TicksPerMillisecond, utc: false);

    /// <summary>Writes a <c>local-timestamp-micros</c> from the offset's wall-clock time.</summary>
    public static void WriteLocalTimestampMicros(Utf8JsonWriter writer, DateTimeOffset value) => WriteDateTime(writer, value.Ticks, TimeSpan.TicksPerMicrosecond, utc: false);

    /// <summary>Reads a <c>date</c> from <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly ReadDate(ref Utf8JsonReader reader)
    {
        Span<byte> scratch = stackalloc byte[MaxTemporalLength];
        var error = IsoTemporalText.ParseDate(TemporalText(reader, scratch, "a date string (yyyy-MM-dd)"), out var value);
        return error is null ? value : throw JsonErrors.At(ref reader, error);
    }

    /// <summary>Reads a <c>time-micros</c> from <c>HH:mm[:ss[.ffffff]]</c>, truncated to microseconds.</summary>
    public static TimeOnly ReadTimeMicros(ref Utf8JsonReader reader) => new(ReadTimeTicks(ref reader, TimeSpan.TicksPerMicrosecond));

    /// <summary>Reads a <c>time-millis</c>, truncated to milliseconds.</summary>
    public static TimeOnly ReadTimeMillis(ref Utf8JsonReader reader) => new(ReadTimeTicks(ref reader, TimeSpan.TicksPerMillisecond));

    /// <summary>Reads a <c>timestamp-millis</c> instant (a UTC offset or <c>Z</c> is required) as a UTC <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset ReadTimestampMillisOffset(ref Utf8JsonReader reader) => new(ReadInstantTicks(ref reader, TimeSpan.TicksPerMillisecond, "timestamp-millis"), TimeSpan.Zero);

    /// <summary>Reads a <c>timestamp-micros</c> instant as a UTC <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset ReadTimestampMicrosOffset(ref Utf8JsonReader reader) => new(ReadInstantTicks(ref reader, TimeSpan.TicksPerMicrosecond, "timestamp-micros"), TimeSpan.Zero);

    /// <summary>Reads a <c>timestamp-millis</c> instant as a <see cref="DateTimeKind.Utc"/> <see cref="DateTime"/>.</summary>
    public static DateTime ReadTimestampMillis(ref Utf8JsonReader reader) => new(ReadInstantTicks(ref reader, TimeSpan.TicksPerMillisecond, "timestamp-millis"), DateTimeKind.Utc);

    /// <summary>Reads a <c>timestamp-micros</c> instant as a <see cref="DateTimeKind.Utc"/> <see cref="DateTime"/>.</summary>
    public static DateTime ReadTimestampMicros(ref Utf8JsonReader reader) => new(ReadInstantTicks(ref reader, TimeSpan.TicksPerMicrosecond, "timestamp-micros"), DateTimeKind.Utc);

    /// <summary>Reads a <c>local-timestamp-millis</c> (no offset allowed) as an unspecified-kind <see cref="DateTime"/>.</summary>
    public static DateTime ReadLocalTimestampMillis(ref Utf8JsonReader reader) => new(ReadLocalTicks(ref reader, TimeSpan.TicksPerMillisecond, "local-timestamp-millis"), DateTimeKind.Unspecified);

    /// <summary>Reads a <c>local-timestamp-micros</c> as an unspecified-kind <see cref="DateTime"/>.</summary>
    public static DateTime ReadLocalTimestampMicros(ref Utf8JsonReader reader) => new(ReadLocalTicks(ref reader, TimeSpan.TicksPerMicrosecond, "local-timestamp-micros"), DateTimeKind.Unspecified);

    /// <summary>Reads a <c>local-timestamp-millis</c> as a <see cref="DateTimeOffset"/> with offset zero.</summary>
    public static DateTimeOffset ReadLocalTimestampMillisOffset(ref Utf8JsonReader reader) => new(ReadLocalTicks(ref reader, TimeSpan.TicksPerMillisecond, "local-timestamp-millis"), TimeSpan.Zero);

    /// <summary>Reads a <c>local-timestamp-micros</c> as a <see cref="DateTimeOffset"/> with offset zero.</summary>
    public static DateTimeOffset ReadLocalTimestampMicrosOffset(ref Utf8JsonReader reader) => new(ReadLocalTicks(ref reader, TimeSpan.TicksPerMicrosecond, "local-timestamp-micros"), TimeSpan.Zero);

    private static void WriteTime(Utf8JsonWriter writer, long ticks, long ticksPerUnit)
    {
        Span<byte> text = stackalloc byte[IsoTemporalText.MaxLength];
        writer.WriteStringValue(text.Slice(0, IsoTemporalText.FormatTime(ticks - (ticks % ticksPerUnit), text)));
    }

    private static void WriteDateTime(Utf8JsonWriter writer, long ticks, long ticksPerUnit, bool utc)
    {
        Span<byte> text = stackalloc byte[IsoTemporalText.MaxLength];
        writer.WriteStringValue(text.Slice(0, IsoTemporalText.FormatDateTime(ticks - (ticks % ticksPerUnit), utc, text)));
    }

    private static long UtcTicks(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;

    private static long ReadTimeTicks(ref Utf8JsonReader reader, long ticksPerUnit)
    {
        Span<byte> scratch = stackalloc byte[MaxTemporalLength];
        var error = IsoTemporalText.ParseTime(TemporalText(reader, scratch, "a time string (HH:mm:ss[.ffffff])"), out var ticks);
        return error is null ? ticks - (ticks % ticksPerUnit) : throw JsonErrors.At(ref reader, error);
    }

    private static long ReadInstantTicks(ref Utf8JsonReader reader, long ticksPerUnit, string logicalType)
    {
        Span<byte> scratch = stackalloc byte[MaxTemporalLength];
        var error = IsoTemporalText.ParseDateTime(TemporalText(reader, scratch, "a date-time string (yyyy-MM-ddTHH:mm:ss[.ffffff]Z)"), out var wallTicks, out var offset);
        if (error is not null)
        {
            throw JsonErrors.At(ref reader, error);
        }

        if (offset is null)
        {
            throw JsonErrors.At(ref reader, "a " + logicalType + " value is an instant and needs a UTC offset or 'Z'; naive date-times map to local-timestamp fields ([AvroTimestamp(AvroTimestampKind.LocalMillis)]).");
        }

        var utcTicks = wallTicks - offset.Value.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            throw JsonErrors.At(ref reader, "the instant is outside the range of DateTime (years 1 to 9999 in UTC).");
        }

        return utcTicks - (utcTicks % ticksPerUnit);
    }

    private static long ReadLocalTicks(ref Utf8JsonReader reader, long ticksPerUnit, string logicalType)
    {
        Span<byte> scratch = stackalloc byte[MaxTemporalLength];
        var error = IsoTemporalText.ParseDateTime(TemporalText(reader, scratch, "a date-time string (yyyy-MM-ddTHH:mm:ss[.ffffff])"), out var wallTicks, out var offset);
        if (error is not null)
        {
            throw JsonErrors.At(ref reader, error);
        }

        if (offset is not null)
        {
            throw JsonErrors.At(ref reader, "a " + logicalType + " value is a wall-clock time and must not carry a UTC offset.");
        }

        return wallTicks - (wallTicks % ticksPerUnit);
    }

    // The string's UTF-8 text, unescaped into scratch when it contains escapes.
    private static ReadOnlySpan<byte> TemporalText(in Utf8JsonReader reader, Span<byte> scratch, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new ContractDecodeException(ContractFormat.Json, "expected " + expected + ", found " + JsonErrors.Describe(reader.TokenType) + ".", reader.TokenStartIndex);
        }

        if (reader.ValueSpan.Length > scratch.Length)
        {
            throw new ContractDecodeException(ContractFormat.Json, "expected " + expected + ", found a string too long to be one.", reader.TokenStartIndex);
        }

        return reader.ValueIsEscaped ? scratch.Slice(0, reader.CopyString(scratch)) : reader.ValueSpan;
    }
}
