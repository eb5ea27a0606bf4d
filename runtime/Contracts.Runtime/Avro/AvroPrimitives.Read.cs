using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Contracts.Avro;

/// <summary>
/// The read side: each <c>ReadX(source, offset, out value)</c> reads one value at <c>offset</c> and returns the offset
/// just past it. Generated readers read a run of fields this way, the input span and the offset in locals (registers),
/// taking the position from <see cref="AvroReader.Position"/> once and handing it back once, instead of loading and
/// storing the reader's position for every value. Offsets are positions in the whole input, so errors name the same
/// byte offsets <see cref="AvroReader"/> does; <see cref="AvroReader"/>'s own methods are these primitives.
/// </summary>
public static partial class AvroPrimitives
{
    /// <summary>Reads a <c>boolean</c>; any byte but 0 or 1 is an error.</summary>
    /// <exception cref="ContractDecodeException">The input ends, or the byte is not 0 or 1.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadBoolean(ReadOnlySpan<byte> source, int offset, out bool value)
    {
        if ((uint)offset < (uint)source.Length && source[offset] <= 1)
        {
            value = source[offset] != 0;
            return offset + 1;
        }

        throw NotBoolean(source, offset);
    }

    /// <summary>Reads an <c>int</c>: a zig-zag varint of at most 5 bytes.</summary>
    /// <exception cref="ContractDecodeException">The input ends inside the varint, or it is longer than 5 bytes or overflows.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadInt(ReadOnlySpan<byte> source, int offset, out int value)
    {
        if ((uint)offset < (uint)source.Length)
        {
            uint first = source[offset];
            if (first < 0x80)
            {
                value = (int)(first >> 1) ^ -(int)(first & 1);
                return offset + 1;
            }
        }

        // The slow path returns both, so value's local in the caller is never address-taken (which would keep it in
        // memory, a store and a load around every use, in the inlined fast path too).
        (value, var end) = ReadIntSlow(source, offset);
        return end;
    }

    /// <summary>Reads a <c>long</c>: a zig-zag varint of at most 10 bytes.</summary>
    /// <exception cref="ContractDecodeException">The input ends inside the varint, or it is longer than 10 bytes or overflows.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadLong(ReadOnlySpan<byte> source, int offset, out long value)
    {
        if ((uint)offset < (uint)source.Length)
        {
            ulong first = source[offset];
            if (first < 0x80)
            {
                value = (long)(first >> 1) ^ -(long)(first & 1);
                return offset + 1;
            }
        }

        (value, var end) = ReadLongSlow(source, offset);
        return end;
    }

    /// <summary>Reads a <c>float</c> (4 little-endian bytes).</summary>
    /// <exception cref="ContractDecodeException">Fewer than 4 bytes remain.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadFloat(ReadOnlySpan<byte> source, int offset, out float value)
    {
        value = BinaryPrimitives.ReadSingleLittleEndian(Take(source, offset, FloatSize));
        return offset + FloatSize;
    }

    /// <summary>Reads a <c>double</c> (8 little-endian bytes).</summary>
    /// <exception cref="ContractDecodeException">Fewer than 8 bytes remain.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadDouble(ReadOnlySpan<byte> source, int offset, out double value)
    {
        value = BinaryPrimitives.ReadDoubleLittleEndian(Take(source, offset, DoubleSize));
        return offset + DoubleSize;
    }

    /// <summary>Reads an enum symbol index and checks it names one of <paramref name="symbolCount"/> symbols.</summary>
    /// <exception cref="ContractDecodeException">The input ends, or the index is out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadEnum(ReadOnlySpan<byte> source, int offset, int symbolCount, out int index)
    {
        var end = ReadInt(source, offset, out index);
        if ((uint)index >= (uint)symbolCount)
        {
            throw OutOfRange(offset, "enum symbol index", index, "the enum has", symbolCount, "symbols");
        }

        return end;
    }

    /// <summary>Reads a union branch index and checks it names one of <paramref name="branchCount"/> branches.</summary>
    /// <exception cref="ContractDecodeException">The input ends, or the index is out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadUnionIndex(ReadOnlySpan<byte> source, int offset, int branchCount, out int index)
    {
        var end = ReadInt(source, offset, out index);
        if ((uint)index >= (uint)branchCount)
        {
            throw OutOfRange(offset, "union branch index", index, "the union has", branchCount, "branches");
        }

        return end;
    }

    /// <summary>Reads a <c>string</c>; invalid UTF-8 is an error.</summary>
    /// <exception cref="ContractDecodeException">The length is negative or larger than what remains, or the text is not valid UTF-8.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ReadString(ReadOnlySpan<byte> source, int offset, out string value)
    {
        // Most message strings are shorter than 64 bytes, so their length is one byte: an even value (zig-zag,
        // non-negative) below 0x80. One test of it and of the room left, and the text goes straight to the decoder.
        if ((uint)offset < (uint)source.Length)
        {
            uint prefix = source[offset];
            var length = (int)(prefix >> 1);
            if ((prefix & 0x81) == 0 && length < source.Length - offset)
            {
                // Checked just above, so no second bounds check for a slice.
                var text = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(source), offset + 1), length);
                value = Utf8Decoder.Decode(text, offset);
                return offset + 1 + length;
            }
        }

        (value, var end) = ReadStringSlow(source, offset);
        return end;
    }

    /// <summary>Reads the UTF-8 bytes of a <c>string</c> (or the content of <c>bytes</c>) as a slice of <paramref name="source"/>, without validating them.</summary>
    /// <exception cref="ContractDecodeException">The length is negative or larger than what remains.</exception>
    public static int ReadStringBytes(ReadOnlySpan<byte> source, int offset, out ReadOnlySpan<byte> value)
    {
        var start = ReadLength(source, offset, "string", out var length);
        value = source.Slice(start, length);
        return start + length;
    }

    /// <summary>Reads <c>bytes</c> into a new array.</summary>
    /// <exception cref="ContractDecodeException">The length is negative or larger than what remains.</exception>
    public static int ReadBytes(ReadOnlySpan<byte> source, int offset, out byte[] value)
    {
        var start = ReadLength(source, offset, "bytes", out var length);
        value = source.Slice(start, length).ToArray();
        return start + length;
    }

    /// <summary>Reads a <c>fixed</c> of <paramref name="size"/> bytes into a new array.</summary>
    /// <exception cref="ContractDecodeException">Fewer than <paramref name="size"/> bytes remain.</exception>
    public static int ReadFixed(ReadOnlySpan<byte> source, int offset, int size, out byte[] value)
    {
        value = Take(source, offset, size).ToArray();
        return offset + size;
    }

    /// <summary>The <paramref name="count"/> bytes at <paramref name="offset"/>; the input ending before them is an error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> source, int offset, int count)
    {
        if ((uint)count > (uint)(source.Length - offset))
        {
            throw Truncated(source, offset, count);
        }

        return source.Slice(offset, count);
    }

    /// <summary>Reads a length prefix of <paramref name="what"/> and checks the input holds that many bytes; returns the offset after the prefix.</summary>
    internal static int ReadLength(ReadOnlySpan<byte> source, int offset, string what, out int length)
    {
        var end = ReadLong(source, offset, out var value);
        if ((ulong)value > (ulong)(source.Length - end))
        {
            throw BadLength(source, offset, end, what, value);
        }

        length = (int)value;
        return end;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (string Value, int End) ReadStringSlow(ReadOnlySpan<byte> source, int offset)
    {
        var start = ReadLength(source, offset, "string", out var length);
        return (Utf8Decoder.Decode(source.Slice(start, length), offset), start + length);
    }

    // Multi-byte varints: 2 to 5 (10) bytes, a timestamp or a large sequence number being common.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (int Value, int End) ReadIntSlow(ReadOnlySpan<byte> source, int offset)
    {
        var end = TryReadShortVarint(source, offset, out var payload, out var length)
            ? offset + length
            : ReadVarintBytes(source, offset, MaxIntSize, out payload);

        // A sixth byte, or bits past 32 (a fifth byte above 0x0F), even with a zero payload.
        if (end - offset > MaxIntSize || payload > uint.MaxValue)
        {
            throw VarintTooLong(offset, MaxIntSize);
        }

        return ((int)((uint)payload >> 1) ^ -(int)((uint)payload & 1), end);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (long Value, int End) ReadLongSlow(ReadOnlySpan<byte> source, int offset)
    {
        var end = TryReadShortVarint(source, offset, out var payload, out var length)
            ? offset + length
            : ReadVarintBytes(source, offset, MaxLongSize, out payload);
        return ((long)(payload >> 1) ^ -(long)(payload & 1), end);
    }

    /// <summary>
    /// A varint a byte at a time, for input too short to load 8 bytes at once or varints longer than 8 bytes: at most
    /// <paramref name="maxBytes"/> bytes (5 for an int, 10 for a long), the last of which may not carry bits past 32
    /// (64) or a continuation.
    /// </summary>
    private static int ReadVarintBytes(ReadOnlySpan<byte> source, int offset, int maxBytes, out ulong payload)
    {
        var lastShift = (maxBytes - 1) * 7;
        var lastByteLimit = maxBytes == MaxIntSize ? 0x0FUL : 0x01UL;
        var position = offset;
        ulong result = 0;
        for (var shift = 0; shift <= lastShift; shift += 7)
        {
            if ((uint)position >= (uint)source.Length)
            {
                throw Truncated(source, position, 1);
            }

            ulong b = source[position++];
            if (shift == lastShift && b > lastByteLimit)
            {
                throw VarintTooLong(offset, maxBytes);
            }

            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                payload = result;
                return position;
            }
        }

        // Unreachable: the last byte's limit leaves no continuation bit.
        throw VarintTooLong(offset, maxBytes);
    }

    private static ContractDecodeException VarintTooLong(int offset, int maxBytes) =>
        new(ContractFormat.Avro, maxBytes == MaxIntSize
            ? "the int varint is longer than 5 bytes or overflows 32 bits."
            : "the long varint is longer than 10 bytes or overflows 64 bits.", offset);

    /// <summary>
    /// Decodes a varint of up to 8 bytes from one 8-byte load: the first byte without the continuation bit ends it, and
    /// the low 7 bits of each byte up to it, packed together in three shift-and-mask steps, are its value (at most 56
    /// bits, so no overflow). False when fewer than 8 bytes remain or the varint is longer; the byte-at-a-time loop
    /// then decides, with its errors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadShortVarint(ReadOnlySpan<byte> source, int offset, out ulong payload, out int length)
    {
        if (source.Length - offset >= sizeof(ulong))
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(source.Slice(offset));
            var ends = ~word & 0x8080_8080_8080_8080UL;
            if (ends != 0)
            {
                length = (BitOperations.TrailingZeroCount(ends) >> 3) + 1;
                var bytes = length == sizeof(ulong) ? ulong.MaxValue : (1UL << (length << 3)) - 1;
                var x = word & bytes & 0x7F7F_7F7F_7F7F_7F7FUL;
                x = (x & 0x007F_007F_007F_007FUL) | ((x & 0x7F00_7F00_7F00_7F00UL) >> 1);
                x = (x & 0x0000_3FFF_0000_3FFFUL) | ((x & 0x3FFF_0000_3FFF_0000UL) >> 2);
                payload = (x & 0x0000_0000_0FFF_FFFFUL) | ((x & 0x0FFF_FFFF_0000_0000UL) >> 4);
                return true;
            }
        }

        payload = 0;
        length = 0;
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static ContractDecodeException Truncated(ReadOnlySpan<byte> source, int offset, int needed) =>
        new(ContractFormat.Avro, $"the input ends early: {needed} more bytes were expected but {source.Length - offset} remain.", offset);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContractDecodeException NotBoolean(ReadOnlySpan<byte> source, int offset) =>
        (uint)offset >= (uint)source.Length
            ? Truncated(source, offset, 1)
            : new(ContractFormat.Avro, $"a boolean must be byte 0 or 1, found 0x{source[offset]:X2}.", offset);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContractDecodeException OutOfRange(int offset, string what, int index, string owner, int count, string items) =>
        new(ContractFormat.Avro, $"{what} {index} is out of range; {owner} {count} {items}.", offset);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContractDecodeException BadLength(ReadOnlySpan<byte> source, int offset, int end, string what, long length) =>
        new(ContractFormat.Avro, length < 0
            ? $"the {what} length is negative ({length})."
            : $"the {what} length {length} is larger than the {source.Length - end} bytes that remain.", offset);
}
