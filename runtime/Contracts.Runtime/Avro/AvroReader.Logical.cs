using System;

namespace Contracts.Avro;

public ref partial struct AvroReader
{
    /// <summary>Reads a <c>uuid</c> string (36 characters, either case).</summary>
    public Guid ReadUuid()
    {
        _position = AvroPrimitives.ReadUuid(_buffer, _position, out Guid value);
        return value;
    }

    /// <summary>Reads a <c>date</c>.</summary>
    public DateOnly ReadDate()
    {
        _position = AvroPrimitives.ReadDate(_buffer, _position, out DateOnly value);
        return value;
    }

    /// <summary>Reads a <c>time-micros</c>.</summary>
    public TimeOnly ReadTimeMicros()
    {
        _position = AvroPrimitives.ReadTimeMicros(_buffer, _position, out TimeOnly value);
        return value;
    }

    /// <summary>Reads a <c>time-millis</c>.</summary>
    public TimeOnly ReadTimeMillis()
    {
        _position = AvroPrimitives.ReadTimeMillis(_buffer, _position, out TimeOnly value);
        return value;
    }

    /// <summary>Reads a <c>timestamp-millis</c> as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset ReadTimestampMillisOffset()
    {
        _position = AvroPrimitives.ReadTimestampMillis(_buffer, _position, out DateTimeOffset value);
        return value;
    }

    /// <summary>Reads a <c>timestamp-micros</c> as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset ReadTimestampMicrosOffset()
    {
        _position = AvroPrimitives.ReadTimestampMicros(_buffer, _position, out DateTimeOffset value);
        return value;
    }

    /// <summary>Reads a <c>timestamp-millis</c> as a <see cref="DateTimeKind.Utc"/> <see cref="DateTime"/>.</summary>
    public DateTime ReadTimestampMillis()
    {
        _position = AvroPrimitives.ReadTimestampMillis(_buffer, _position, out DateTime value);
        return value;
    }

    /// <summary>Reads a <c>timestamp-micros</c> as a <see cref="DateTimeKind.Utc"/> <see cref="DateTime"/>.</summary>
    public DateTime ReadTimestampMicros()
    {
        _position = AvroPrimitives.ReadTimestampMicros(_buffer, _position, out DateTime value);
        return value;
    }

    /// <summary>Reads a <c>local-timestamp-millis</c> as an unspecified-kind <see cref="DateTime"/>.</summary>
    public DateTime ReadLocalTimestampMillis()
    {
        _position = AvroPrimitives.ReadLocalTimestampMillis(_buffer, _position, out DateTime value);
        return value;
    }

    /// <summary>Reads a <c>local-timestamp-micros</c> as an unspecified-kind <see cref="DateTime"/>.</summary>
    public DateTime ReadLocalTimestampMicros()
    {
        _position = AvroPrimitives.ReadLocalTimestampMicros(_buffer, _position, out DateTime value);
        return value;
    }

    /// <summary>Reads a <c>local-timestamp-millis</c> as a <see cref="DateTimeOffset"/> with offset zero.</summary>
    public DateTimeOffset ReadLocalTimestampMillisOffset()
    {
        _position = AvroPrimitives.ReadLocalTimestampMillis(_buffer, _position, out DateTimeOffset value);
        return value;
    }

    /// <summary>Reads a <c>local-timestamp-micros</c> as a <see cref="DateTimeOffset"/> with offset zero.</summary>
    public DateTimeOffset ReadLocalTimestampMicrosOffset()
    {
        _position = AvroPrimitives.ReadLocalTimestampMicros(_buffer, _position, out DateTimeOffset value);
        return value;
    }

    /// <summary>Reads a <c>decimal</c> on <c>bytes</c> at <paramref name="scale"/>.</summary>
    public decimal ReadDecimal(int scale)
    {
        _position = AvroPrimitives.ReadDecimal(_buffer, _position, scale, out decimal value);
        return value;
    }

    /// <summary>Reads a <c>decimal</c> on a <c>fixed</c> of <paramref name="size"/> bytes at <paramref name="scale"/>.</summary>
    public decimal ReadDecimalFixed(int scale, int size)
    {
        _position = AvroPrimitives.ReadDecimalFixed(_buffer, _position, scale, size, out decimal value);
        return value;
    }
}
