using System;
using System.Buffers.Binary;

namespace Contracts.Avro;

public ref partial struct AvroWriter
{
    /// <summary>Writes a <c>uuid</c> (a <c>string</c> in the 36-character lower-case form).</summary>
    public void WriteUuid(Guid value)
    {
        var span = Reserve(37);
        span[0] = 36 << 1;
        value.TryFormat(span.Slice(1), out _, "D");
        Advance(37);
    }

    /// <summary>Writes a <c>date</c>: days since 1970-01-01.</summary>
    public void WriteDate(DateOnly value) => WriteInt(value.DayNumber - AvroTime.EpochDayNumber);

    /// <summary>Writes a <c>time-micros</c>: microseconds since midnight.</summary>
    public void WriteTimeMicros(TimeOnly value) => WriteLong(value.Ticks / TimeSpan.TicksPerMicrosecond);

    /// <summary>Writes a <c>time-millis</c>: milliseconds since midnight.</summary>
    public void WriteTimeMillis(TimeOnly value) => WriteInt((int)(value.Ticks / TimeSpan.TicksPerMillisecond));

    /// <summary>Writes a <c>timestamp-millis</c>. Sub-millisecond ticks are dropped (rounded towards the past).</summary>
    public void WriteTimestampMillis(DateTimeOffset value) => WriteLong(AvroTime.ToUnit(value.UtcTicks, TimeSpan.TicksPerMillisecond));

    /// <summary>Writes a <c>timestamp-micros</c>. Sub-microsecond ticks are dropped (rounded towards the past).</summary>
    public void WriteTimestampMicros(DateTimeOffset value) => WriteLong(AvroTime.ToUnit(value.UtcTicks, TimeSpan.TicksPerMicrosecond));

    /// <summary>Writes a <c>timestamp-millis</c>; a <see cref="DateTimeKind.Local"/> value is converted to UTC, an unspecified one is taken as UTC.</summary>
    public void WriteTimestampMillis(DateTime value) => WriteLong(AvroTime.ToUnit(AvroTime.UtcTicks(value), TimeSpan.TicksPerMillisecond));

    /// <summary>Writes a <c>timestamp-micros</c>; a <see cref="DateTimeKind.Local"/> value is converted to UTC, an unspecified one is taken as UTC.</summary>
    public void WriteTimestampMicros(DateTime value) => WriteLong(AvroTime.ToUnit(AvroTime.UtcTicks(value), TimeSpan.TicksPerMicrosecond));

    /// <summary>Writes a <c>local-timestamp-millis</c>: the wall-clock value, whatever its kind.</summary>
    public void WriteLocalTimestampMillis(DateTime value) => WriteLong(AvroTime.ToUnit(value.Ticks, TimeSpan.TicksPerMillisecond));

    /// <summary>Writes a <c>local-timestamp-micros</c>: the wall-clock value, whatever its kind.</summary>
    public void WriteLocalTimestampMicros(DateTime value) => WriteLong(AvroTime.ToUnit(value.Ticks, TimeSpan.TicksPerMicrosecond));

    /// <summary>Writes a <c>local-timestamp-millis</c> from the offset's wall-clock time.</summary>
    public void WriteLocalTimestampMillis(DateTimeOffset value) => WriteLocalTimestampMillis(value.DateTime);

    /// <summary>Writes a <c>local-timestamp-micros</c> from the offset's wall-clock time.</summary>
    public void WriteLocalTimestampMicros(DateTimeOffset value) => WriteLocalTimestampMicros(value.DateTime);

    /// <summary>Writes a <c>decimal</c> on <c>bytes</c>: the unscaled value as minimal big-endian two's complement.</summary>
    /// <exception cref="ContractEncodeException">The value needs more digits than <paramref name="precision"/> or <paramref name="scale"/> allow.</exception>
    public void WriteDecimal(decimal value, int precision, int scale)
    {
        if (AvroDecimal.TryGetInt64Unscaled(value, precision, scale, out var unscaled))
        {
            var significant = AvroDecimal.MinimalLength(unscaled);
            var span = Reserve(9);
            span[0] = (byte)(significant << 1);
            // Shifting the significant bytes to the top lets one 8-byte big-endian store put them first.
            BinaryPrimitives.WriteInt64BigEndian(span.Slice(1), unscaled << ((8 - significant) << 3));
            Advance(1 + significant);
            return;
        }

        Span<byte> bytes = stackalloc byte[16];
        var length = AvroDecimal.ToUnscaledBytes(value, precision, scale, bytes);
        WriteLong(length);
        WriteRaw(bytes.Slice(16 - length));
    }

    /// <summary>Writes a <c>decimal</c> on a <c>fixed</c> of <paramref name="size"/> bytes, sign-extended.</summary>
    public void WriteDecimalFixed(decimal value, int precision, int scale, int size)
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = AvroDecimal.ToUnscaledBytes(value, precision, scale, bytes);
        if (length > size)
        {
            throw new ContractEncodeException(ContractFormat.Avro, $"decimal {value} needs {length} bytes; the fixed holds {size}.");
        }

        var target = Reserve(size);
        var fill = (bytes[16 - length] & 0x80) != 0 ? (byte)0xFF : (byte)0;
        target.Slice(0, size - length).Fill(fill);
        bytes.Slice(16 - length).CopyTo(target.Slice(size - length));
        Advance(size);
    }
}
