using System;
using System.Buffers.Text;

namespace Contracts.Avro;

public ref partial struct AvroReader
{
    /// <summary>Reads a <c>uuid</c> string (36 characters, either case).</summary>
    public Guid ReadUuid()
    {
        var start = Position;
        var text = ReadStringBytes();
        if (text.Length != 36 || !Utf8Parser.TryParse(text, out Guid value, out var consumed, 'D') || consumed != 36)
        {
            throw Error(start, "the uuid is not in the 36-character form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.");
        }

        return value;
    }

    /// <summary>Reads a <c>date</c>.</summary>
    public DateOnly ReadDate()
    {
        var start = Position;
        var days = (long)ReadInt() + AvroTime.EpochDayNumber;
        if (days < DateOnly.MinValue.DayNumber || days > DateOnly.MaxValue.DayNumber)
        {
            throw Error(start, $"the date is {days - AvroTime.EpochDayNumber} days from 1970-01-01, outside the range of DateOnly.");
        }

        return DateOnly.FromDayNumber((int)days);
    }

    /// <summary>Reads a <c>time-micros</c>.</summary>
    public TimeOnly ReadTimeMicros()
    {
        var start = Position;
        var micros = ReadLong();
        if (micros < 0 || micros >= TimeSpan.TicksPerDay / TimeSpan.TicksPerMicrosecond)
        {
            throw Error(start, $"time-micros {micros} is not within one day.");
        }

        return new TimeOnly(micros * TimeSpan.TicksPerMicrosecond);
    }

    /// <summary>Reads a <c>time-millis</c>.</summary>
    public TimeOnly ReadTimeMillis()
    {
        var start = Position;
        var millis = ReadInt();
        if (millis < 0 || millis >= TimeSpan.TicksPerDay / TimeSpan.TicksPerMillisecond)
        {
            throw Error(start, $"time-millis {millis} is not within one day.");
        }

        return new TimeOnly(millis * TimeSpan.TicksPerMillisecond);
    }

    /// <summary>Reads a <c>timestamp-millis</c> as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset ReadTimestampMillisOffset() => new(ReadTicks(TimeSpan.TicksPerMillisecond, "timestamp-millis"), TimeSpan.Zero);

    /// <summary>Reads a <c>timestamp-micros</c> as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset ReadTimestampMicrosOffset() => new(ReadTicks(TimeSpan.TicksPerMicrosecond, "timestamp-micros"), TimeSpan.Zero);

    /// <summary>Reads a <c>timestamp-millis</c> as a <see cref="DateTimeKind.Utc"/> <see cref="DateTime"/>.</summary>
    public DateTime ReadTimestampMillis() => new(ReadTicks(TimeSpan.TicksPerMillisecond, "timestamp-millis"), DateTimeKind.Utc);

    /// <summary>Reads a <c>timestamp-micros</c> as a <see cref="DateTimeKind.Utc"/> <see cref="DateTime"/>.</summary>
    public DateTime ReadTimestampMicros() => new(ReadTicks(TimeSpan.TicksPerMicrosecond, "timestamp-micros"), DateTimeKind.Utc);

    /// <summary>Reads a <c>local-timestamp-millis</c> as an unspecified-kind <see cref="DateTime"/>.</summary>
    public DateTime ReadLocalTimestampMillis() => new(ReadTicks(TimeSpan.TicksPerMillisecond, "local-timestamp-millis"), DateTimeKind.Unspecified);

    /// <summary>Reads a <c>local-timestamp-micros</c> as an unspecified-kind <see cref="DateTime"/>.</summary>
    public DateTime ReadLocalTimestampMicros() => new(ReadTicks(TimeSpan.TicksPerMicrosecond, "local-timestamp-micros"), DateTimeKind.Unspecified);

    /// <summary>Reads a <c>local-timestamp-millis</c> as a <see cref="DateTimeOffset"/> with offset zero.</summary>
    public DateTimeOffset ReadLocalTimestampMillisOffset() => new(ReadLocalTimestampMillis(), TimeSpan.Zero);

    /// <summary>Reads a <c>local-timestamp-micros</c> as a <see cref="DateTimeOffset"/> with offset zero.</summary>
    public DateTimeOffset ReadLocalTimestampMicrosOffset() => new(ReadLocalTimestampMicros(), TimeSpan.Zero);

    /// <summary>Reads a <c>decimal</c> on <c>bytes</c> at <paramref name="scale"/>.</summary>
    public decimal ReadDecimal(int scale)
    {
        var start = Position;
        return ToDecimal(ReadBytesSpan(), scale, start);
    }

    /// <summary>Reads a <c>decimal</c> on a <c>fixed</c> of <paramref name="size"/> bytes at <paramref name="scale"/>.</summary>
    public decimal ReadDecimalFixed(int scale, int size)
    {
        var start = Position;
        return ToDecimal(ReadFixedSpan(size), scale, start);
    }

    private readonly decimal ToDecimal(ReadOnlySpan<byte> bytes, int scale, int start)
    {
        if (AvroDecimal.TryFromSmallUnscaled(bytes, scale, out var small))
        {
            return small;
        }

        if (!AvroDecimal.TryReadUnscaled(bytes, out var unscaled) || !AvroDecimal.TryFromUnscaled(unscaled, scale, out var value))
        {
            throw Error(start, $"the decimal ({bytes.Length} bytes at scale {scale}) is outside the range of System.Decimal.");
        }

        return value;
    }

    private long ReadTicks(long ticksPerUnit, string logicalType)
    {
        var start = Position;
        var units = ReadLong();
        if (!AvroTime.TryFromUnit(units, ticksPerUnit, out var ticks))
        {
            throw Error(start, $"{logicalType} {units} is outside the range of DateTime (years 1 to 9999).");
        }

        return ticks;
    }
}
