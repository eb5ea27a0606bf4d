using System;

namespace Contracts.Avro;

public ref partial struct AvroWriter
{
    /// <summary>Writes a <c>uuid</c> (a <c>string</c> in the 36-character lower-case form).</summary>
    public void WriteUuid(Guid value)
    {
        var offset = Reserved(AvroPrimitives.UuidSize);
        _position = AvroPrimitives.WriteUuid(_span, offset, value);
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
        var offset = Reserved(AvroPrimitives.MaxDecimalSize);
        _position = AvroPrimitives.WriteDecimal(_span, offset, value, precision, scale);
    }

    /// <summary>Writes a <c>decimal</c> on a <c>fixed</c> of <paramref name="size"/> bytes, sign-extended.</summary>
    /// <exception cref="ContractEncodeException">The value needs more digits than <paramref name="precision"/> or <paramref name="scale"/> allow, or more than <paramref name="size"/> bytes.</exception>
    public void WriteDecimalFixed(decimal value, int precision, int scale, int size)
    {
        var offset = Reserved(size);
        _position = AvroPrimitives.WriteDecimalFixed(_span, offset, value, precision, scale, size);
    }
}
