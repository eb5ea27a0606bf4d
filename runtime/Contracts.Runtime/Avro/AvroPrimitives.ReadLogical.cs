using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Contracts.Avro;

public static partial class AvroPrimitives
{
    /// <summary>The largest scale <see cref="decimal"/> represents.</summary>
    private const int MaxDecimalScale = 28;

    private const string UuidFormError = "the uuid is not in the 36-character form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.";

    /// <summary>Reads a <c>uuid</c> string (36 characters, either case).</summary>
    /// <exception cref="ContractDecodeException">The string is cut short or is not a uuid in the 36-character form.</exception>
    public static int ReadUuid(ReadOnlySpan<byte> source, int offset, out Guid value)
    {
        var start = ReadLength(source, offset, "string", out var length);
        if (length != 36 || !UuidText.TryParse(source.Slice(start, 36), out value))
        {
            throw new ContractDecodeException(ContractFormat.Avro, UuidFormError, offset);
        }

        return start + 36;
    }

    /// <summary>Reads a <c>date</c>.</summary>
    /// <exception cref="ContractDecodeException">The varint is bad, or the day is outside the range of <see cref="DateOnly"/>.</exception>
    public static int ReadDate(ReadOnlySpan<byte> source, int offset, out DateOnly value)
    {
        var end = ReadInt(source, offset, out var epochDays);
        var days = (long)epochDays + AvroTime.EpochDayNumber;
        if (days < DateOnly.MinValue.DayNumber || days > DateOnly.MaxValue.DayNumber)
        {
            throw new ContractDecodeException(ContractFormat.Avro, $"the date is {epochDays} days from 1970-01-01, outside the range of DateOnly.", offset);
        }

        value = DateOnly.FromDayNumber((int)days);
        return end;
    }

    /// <summary>Reads a <c>time-micros</c>.</summary>
    /// <exception cref="ContractDecodeException">The varint is bad, or the time is not within one day.</exception>
    public static int ReadTimeMicros(ReadOnlySpan<byte> source, int offset, out TimeOnly value)
    {
        var end = ReadLong(source, offset, out var micros);
        if (micros < 0 || micros >= TimeSpan.TicksPerDay / TimeSpan.TicksPerMicrosecond)
        {
            throw new ContractDecodeException(ContractFormat.Avro, $"time-micros {micros} is not within one day.", offset);
        }

        value = new TimeOnly(micros * TimeSpan.TicksPerMicrosecond);
        return end;
    }

    /// <summary>Reads a <c>time-millis</c>.</summary>
    /// <exception cref="ContractDecodeException">The varint is bad, or the time is not within one day.</exception>
    public static int ReadTimeMillis(ReadOnlySpan<byte> source, int offset, out TimeOnly value)
    {
        var end = ReadInt(source, offset, out var millis);
        if (millis < 0 || millis >= TimeSpan.TicksPerDay / TimeSpan.TicksPerMillisecond)
        {
            throw new ContractDecodeException(ContractFormat.Avro, $"time-millis {millis} is not within one day.", offset);
        }

        value = new TimeOnly(millis * TimeSpan.TicksPerMillisecond);
        return end;
    }

    /// <summary>Reads a <c>timestamp-millis</c> as a UTC <see cref="DateTimeOffset"/>.</summary>
    /// <exception cref="ContractDecodeException">The varint is bad, or the instant is outside years 1 to 9999.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadTimestampMillis(ReadOnlySpan<byte> source, int offset, out DateTimeOffset value)
    {
        var end = ReadTicks(source, offset, TimeSpan.TicksPerMillisecond, "timestamp-millis", out var ticks);
        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return end;
    }

    /// <summary>Reads a <c>timestamp-micros</c> as a UTC <see cref="DateTimeOffset"/>.</summary>
    /// <exception cref="ContractDecodeException">The varint is bad, or the instant is outside years 1 to 9999.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadTimestampMicros(ReadOnlySpan<byte> source, int offset, out DateTimeOffset value)
    {
        var end = ReadTicks(source, offset, TimeSpan.TicksPerMicrosecond, "timestamp-micros", out var ticks);
        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return end;
    }

    /// <summary>Reads a <c>timestamp-millis</c> as a <see cref="DateTimeKind.Utc"/> <see cref="DateTime"/>.</summary>
    /// <exception cref="ContractDecodeException">The varint is bad, or the instant is outside years 1 to 9999.</exception>
    public static int ReadTimestampMillis(ReadOnlySpan<byte> source, int offset, out DateTime value)
    {
        var end = ReadTicks(source, offset, TimeSpan.TicksPerMillisecond, "timestamp-millis", out var ticks);
        value = new DateTime(ticks, DateTimeKind.Utc);
        return end;
    }

    /// <summary>Reads a <c>timestamp-micros</c> as a <see cref="DateTimeKind.Utc"/> <see cref="DateTime"/>.</summary>
    /// <exception cref="ContractDecodeException">The varint is bad, or the instant is outside years 1 to 9999.</exception>
    public static int ReadTimestampMicros(ReadOnlySpan<byte> source, int offset, out DateTime value)
    {
        var end = ReadTicks(source, offset, TimeSpan.TicksPerMicrosecond, "timestamp-micros", out var ticks);
        value = new DateTime(ticks, DateTimeKind.Utc);
        return end;
    }

    /// <summary>Reads a <c>local-timestamp-millis</c> as an unspecified-kind <see cref="DateTime"/>.</summary>
    /// <exception cref="ContractDecodeException">The varint is bad, or the time is outside years 1 to 9999.</exception>
    public static int ReadLocalTimestampMillis(ReadOnlySpan<byte> source, int offset, out DateTime value)
    {
        var end = ReadTicks(source, offset, TimeSpan.TicksPerMillisecond, "local-timestamp-millis", out var ticks);
        value = new DateTime(ticks, DateTimeKind.Unspecified);
        return end;
    }

    /// <summary>Reads a <c>local-timestamp-micros</c> as an unspecified-kind <see cref="DateTime"/>.</summary>
    /// <exception cref="ContractDecodeException">The varint is bad, or the time is outside years 1 to 9999.</exception>
    public static int ReadLocalTimestampMicros(ReadOnlySpan<byte> source, int offset, out DateTime value)
    {
        var end = ReadTicks(source, offset, TimeSpan.TicksPerMicrosecond, "local-timestamp-micros", out var ticks);
        value = new DateTime(ticks, DateTimeKind.Unspecified);
        return end;
    }

    /// <summary>Reads a <c>local-timestamp-millis</c> as a <see cref="DateTimeOffset"/> with offset zero.</summary>
    /// <exception cref="ContractDecodeException">The varint is bad, or the time is outside years 1 to 9999.</exception>
    public static int ReadLocalTimestampMillis(ReadOnlySpan<byte> source, int offset, out DateTimeOffset value)
    {
        var end = ReadLocalTimestampMillis(source, offset, out DateTime local);
        value = new DateTimeOffset(local, TimeSpan.Zero);
        return end;
    }

    /// <summary>Reads a <c>local-timestamp-micros</c> as a <see cref="DateTimeOffset"/> with offset zero.</summary>
    /// <exception cref="ContractDecodeException">The varint is bad, or the time is outside years 1 to 9999.</exception>
    public static int ReadLocalTimestampMicros(ReadOnlySpan<byte> source, int offset, out DateTimeOffset value)
    {
        var end = ReadLocalTimestampMicros(source, offset, out DateTime local);
        value = new DateTimeOffset(local, TimeSpan.Zero);
        return end;
    }

    /// <summary>Reads a <c>decimal</c> on <c>bytes</c> at <paramref name="scale"/>.</summary>
    /// <exception cref="ContractDecodeException">The bytes are cut short, or the value is outside the range of <see cref="decimal"/>.</exception>
    public static int ReadDecimal(ReadOnlySpan<byte> source, int offset, int scale, out decimal value)
    {
        var start = ReadLength(source, offset, "bytes", out var length);
        var end = start + length;

        // Money and quantities: 1 to 8 bytes at a scale decimal supports. The 8 bytes ending with the value are
        // loaded at once (there are 8 before its end unless the input starts with it); shifting the bytes before
        // it out at the top and back down sign-extends the value.
        if ((uint)(length - 1) < sizeof(long) && (uint)scale <= MaxDecimalScale && end >= sizeof(long))
        {
            var before = (sizeof(long) - length) << 3;
            var unscaled = (long)(BinaryPrimitives.ReadUInt64BigEndian(source.Slice(end - sizeof(long))) << before) >> before;
            var magnitude = unscaled < 0 ? (ulong)-unscaled : (ulong)unscaled;
            value = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, (byte)scale);
            return end;
        }

        value = ToDecimal(source.Slice(start, length), scale, offset);
        return end;
    }

    /// <summary>Reads a <c>decimal</c> on a <c>fixed</c> of <paramref name="size"/> bytes at <paramref name="scale"/>.</summary>
    /// <exception cref="ContractDecodeException">Fewer than <paramref name="size"/> bytes remain, or the value is outside the range of <see cref="decimal"/>.</exception>
    public static int ReadDecimalFixed(ReadOnlySpan<byte> source, int offset, int scale, int size, out decimal value)
    {
        value = ToDecimal(Take(source, offset, size), scale, offset);
        return offset + size;
    }

    private static decimal ToDecimal(ReadOnlySpan<byte> bytes, int scale, int start)
    {
        if (AvroDecimal.TryFromSmallUnscaled(bytes, scale, out var small))
        {
            return small;
        }

        if (!AvroDecimal.TryReadUnscaled(bytes, out var unscaled) || !AvroDecimal.TryFromUnscaled(unscaled, scale, out var value))
        {
            throw new ContractDecodeException(ContractFormat.Avro, $"the decimal ({bytes.Length} bytes at scale {scale}) is outside the range of System.Decimal.", start);
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReadTicks(ReadOnlySpan<byte> source, int offset, long ticksPerUnit, string logicalType, out long ticks)
    {
        var end = ReadLong(source, offset, out var units);
        if (!AvroTime.TryFromUnit(units, ticksPerUnit, out ticks))
        {
            throw OutsideDateTime(offset, logicalType, units);
        }

        return end;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContractDecodeException OutsideDateTime(int offset, string logicalType, long units) =>
        new(ContractFormat.Avro, $"{logicalType} {units} is outside the range of DateTime (years 1 to 9999).", offset);
}
