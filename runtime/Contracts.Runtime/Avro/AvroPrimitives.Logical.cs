using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Contracts.Avro;

public static partial class AvroPrimitives
{
    /// <summary>Bytes a <c>uuid</c> takes: a one-byte length and the 36-character text.</summary>
    public const int UuidSize = 37;

    /// <summary>The most bytes a <c>decimal</c> on <c>bytes</c> takes: a one-byte length and up to 16 bytes.</summary>
    public const int MaxDecimalSize = 17;

    /// <summary>Writes a <c>uuid</c> (a <c>string</c> in the 36-character lower-case form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteUuid(Span<byte> destination, int offset, Guid value)
    {
        destination[offset] = 36 << 1;
        UuidText.Format(value, destination.Slice(offset + 1, 36));
        return offset + UuidSize;
    }

    /// <summary>Writes a <c>date</c>: days since 1970-01-01.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteDate(Span<byte> destination, int offset, DateOnly value) =>
        WriteInt(destination, offset, value.DayNumber - AvroTime.EpochDayNumber);

    /// <summary>Writes a <c>time-micros</c>: microseconds since midnight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteTimeMicros(Span<byte> destination, int offset, TimeOnly value) =>
        WriteLong(destination, offset, value.Ticks / TimeSpan.TicksPerMicrosecond);

    /// <summary>Writes a <c>time-millis</c>: milliseconds since midnight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteTimeMillis(Span<byte> destination, int offset, TimeOnly value) =>
        WriteInt(destination, offset, (int)(value.Ticks / TimeSpan.TicksPerMillisecond));

    /// <summary>Writes a <c>timestamp-millis</c>. Sub-millisecond ticks are dropped (rounded towards the past).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteTimestampMillis(Span<byte> destination, int offset, DateTimeOffset value) =>
        WriteLong(destination, offset, AvroTime.ToUnit(value.UtcTicks, TimeSpan.TicksPerMillisecond));

    /// <summary>Writes a <c>timestamp-micros</c>. Sub-microsecond ticks are dropped (rounded towards the past).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteTimestampMicros(Span<byte> destination, int offset, DateTimeOffset value) =>
        WriteLong(destination, offset, AvroTime.ToUnit(value.UtcTicks, TimeSpan.TicksPerMicrosecond));

    /// <summary>Writes a <c>timestamp-millis</c>; a <see cref="DateTimeKind.Local"/> value is converted to UTC, an unspecified one is taken as UTC.</summary>
    public static int WriteTimestampMillis(Span<byte> destination, int offset, DateTime value) =>
        WriteLong(destination, offset, AvroTime.ToUnit(AvroTime.UtcTicks(value), TimeSpan.TicksPerMillisecond));

    /// <summary>Writes a <c>timestamp-micros</c>; a <see cref="DateTimeKind.Local"/> value is converted to UTC, an unspecified one is taken as UTC.</summary>
    public static int WriteTimestampMicros(Span<byte> destination, int offset, DateTime value) =>
        WriteLong(destination, offset, AvroTime.ToUnit(AvroTime.UtcTicks(value), TimeSpan.TicksPerMicrosecond));

    /// <summary>Writes a <c>local-timestamp-millis</c>: the wall-clock value, whatever its kind.</summary>
    public static int WriteLocalTimestampMillis(Span<byte> destination, int offset, DateTime value) =>
        WriteLong(destination, offset, AvroTime.ToUnit(value.Ticks, TimeSpan.TicksPerMillisecond));

    /// <summary>Writes a <c>local-timestamp-micros</c>: the wall-clock value, whatever its kind.</summary>
    public static int WriteLocalTimestampMicros(Span<byte> destination, int offset, DateTime value) =>
        WriteLong(destination, offset, AvroTime.ToUnit(value.Ticks, TimeSpan.TicksPerMicrosecond));

    /// <summary>Writes a <c>local-timestamp-millis</c> from the offset's wall-clock time.</summary>
    public static int WriteLocalTimestampMillis(Span<byte> destination, int offset, DateTimeOffset value) =>
        WriteLocalTimestampMillis(destination, offset, value.DateTime);

    /// <summary>Writes a <c>local-timestamp-micros</c> from the offset's wall-clock time.</summary>
    public static int WriteLocalTimestampMicros(Span<byte> destination, int offset, DateTimeOffset value) =>
        WriteLocalTimestampMicros(destination, offset, value.DateTime);

    /// <summary>
    /// Writes a <c>decimal</c> on <c>bytes</c>: the unscaled value as minimal big-endian two's complement. The
    /// destination needs <see cref="MaxDecimalSize"/> bytes at <paramref name="offset"/>.
    /// </summary>
    /// <exception cref="ContractEncodeException">The value needs more digits than <paramref name="precision"/> or <paramref name="scale"/> allow.</exception>
    public static int WriteDecimal(Span<byte> destination, int offset, decimal value, int precision, int scale)
    {
        if (AvroDecimal.TryGetInt64Unscaled(value, precision, scale, out var unscaled))
        {
            var significant = AvroDecimal.MinimalLength(unscaled);
            destination[offset] = (byte)(significant << 1);
            // Shifting the significant bytes to the top lets one 8-byte big-endian store put them first.
            BinaryPrimitives.WriteInt64BigEndian(destination.Slice(offset + 1), unscaled << ((8 - significant) << 3));
            return offset + 1 + significant;
        }

        return WriteWideDecimal(destination, offset, value, precision, scale);
    }

    /// <summary>A decimal whose unscaled value does not fit a <see cref="long"/>, or one to be rejected; apart so its buffer does not land in every caller.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int WriteWideDecimal(Span<byte> destination, int offset, decimal value, int precision, int scale)
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = AvroDecimal.ToUnscaledBytes(value, precision, scale, bytes);
        offset = WriteInt(destination, offset, length);
        bytes.Slice(16 - length).CopyTo(destination.Slice(offset));
        return offset + length;
    }

    /// <summary>Writes a <c>decimal</c> on a <c>fixed</c> of <paramref name="size"/> bytes, sign-extended.</summary>
    /// <exception cref="ContractEncodeException">The value needs more digits than <paramref name="precision"/> or <paramref name="scale"/> allow, or more than <paramref name="size"/> bytes.</exception>
    public static int WriteDecimalFixed(Span<byte> destination, int offset, decimal value, int precision, int scale, int size)
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = AvroDecimal.ToUnscaledBytes(value, precision, scale, bytes);
        if (length > size)
        {
            throw new ContractEncodeException(ContractFormat.Avro, $"decimal {value} needs {length} bytes; the fixed holds {size}.");
        }

        var target = destination.Slice(offset, size);
        var fill = (bytes[16 - length] & 0x80) != 0 ? (byte)0xFF : (byte)0;
        target.Slice(0, size - length).Fill(fill);
        bytes.Slice(16 - length).CopyTo(target.Slice(size - length));
        return offset + size;
    }
}
