using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Contracts.Avro;

/// <summary>
/// Avro binary encoding at the span level: each method writes one value at <c>offset</c> in a destination the caller
/// sized beforehand and returns the offset just past it. Generated codecs write a run of fields this way: one
/// <see cref="AvroWriter.GetSpan"/> for the run's largest possible size (the sum of the <c>Max…Size</c> bounds
/// below), the span and offset kept in locals, one <see cref="AvroWriter.Advance"/> at the end. That saves the load
/// and store of the writer's position that every <see cref="AvroWriter"/> call makes.
/// </summary>
/// <remarks>
/// A destination smaller than the value's bound is a bug in the caller: it raises an exception (the span's bounds
/// checks stay on) and never writes outside the span. Bytes past the returned offset, up to the bound, may be
/// overwritten; the next value overwrites them in turn.
/// </remarks>
public static partial class AvroPrimitives
{
    /// <summary>Bytes a <c>boolean</c> takes.</summary>
    public const int BooleanSize = 1;

    /// <summary>The most bytes an <c>int</c> (and an enum index, a union index, a <c>date</c>, a <c>time-millis</c>) takes.</summary>
    public const int MaxIntSize = 5;

    /// <summary>The most bytes a <c>long</c> (and a <c>time-micros</c>, a timestamp) takes.</summary>
    public const int MaxLongSize = 10;

    /// <summary>Bytes a <c>float</c> takes.</summary>
    public const int FloatSize = 4;

    /// <summary>Bytes a <c>double</c> takes.</summary>
    public const int DoubleSize = 8;

    /// <summary>The longest byte length whose zig-zag varint fits one byte.</summary>
    private const int OneByteLengthLimit = 63;

    /// <summary>
    /// The most characters encoded in one pass, into room for the worst case (3 bytes a character) after a two-byte
    /// length prefix (which holds lengths below 8192). Longer text is counted first, so its room is exact.
    /// </summary>
    internal const int MaxSinglePassChars = 8191 / 3;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The most bytes <see cref="WriteString(Span{byte}, int, string?)"/> needs for <paramref name="value"/>: its worst
    /// case (length prefix and 3 bytes a character) up to <see cref="MaxSinglePassChars"/> characters, its exact
    /// UTF-8 length and prefix beyond. Zero for null, which is not written (it is an error).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MaxStringSize(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        return value.Length <= MaxSinglePassChars ? 2 + (value.Length * 3) : LongStringSize(value);
    }

    /// <summary>The most bytes <see cref="WriteString(Span{byte}, int, ReadOnlySpan{char})"/> needs for <paramref name="value"/>.</summary>
    public static long MaxStringSize(scoped ReadOnlySpan<char> value) =>
        value.Length <= MaxSinglePassChars ? 2 + (value.Length * 3) : LongStringSize(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long LongStringSize(scoped ReadOnlySpan<char> value) =>
        // Beyond int.MaxValue / 3 characters the count could overflow; the worst case is then the bound (and too
        // large for any buffer, which AvroWriter.GetSpan reports).
        value.Length > int.MaxValue / 3
            ? MaxLongSize + (3L * value.Length)
            : MaxLongSize + Encoding.UTF8.GetByteCount(value);

    /// <summary>Writes a <c>boolean</c> as one byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteBoolean(Span<byte> destination, int offset, bool value)
    {
        destination[offset] = value ? (byte)1 : (byte)0;
        return offset + 1;
    }

    /// <summary>Writes an <c>int</c> as a zig-zag variable-length integer (at most <see cref="MaxIntSize"/> bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteInt(Span<byte> destination, int offset, int value) =>
        WriteVarint(destination, offset, (uint)((value << 1) ^ (value >> 31)));

    /// <summary>Writes a <c>long</c> as a zig-zag variable-length integer (at most <see cref="MaxLongSize"/> bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteLong(Span<byte> destination, int offset, long value) =>
        WriteVarint(destination, offset, (ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes an enum symbol index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteEnum(Span<byte> destination, int offset, int index) => WriteInt(destination, offset, index);

    /// <summary>Writes the index of the union branch that follows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteUnionIndex(Span<byte> destination, int offset, int index) => WriteInt(destination, offset, index);

    /// <summary>Writes a <c>float</c> as 4 little-endian bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteFloat(Span<byte> destination, int offset, float value)
    {
        // One range check (what Slice and the length test would each make) before the store.
        if (!BitConverter.IsLittleEndian || (ulong)(uint)offset + FloatSize > (uint)destination.Length)
        {
            BinaryPrimitives.WriteSingleLittleEndian(destination.Slice(offset), value);
            return offset + FloatSize;
        }

        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetReference(destination), offset), value);
        return offset + FloatSize;
    }

    /// <summary>Writes a <c>double</c> as 8 little-endian bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteDouble(Span<byte> destination, int offset, double value)
    {
        // One range check (what Slice and the length test would each make) before the store.
        if (!BitConverter.IsLittleEndian || (ulong)(uint)offset + DoubleSize > (uint)destination.Length)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(destination.Slice(offset), value);
            return offset + DoubleSize;
        }

        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetReference(destination), offset), value);
        return offset + DoubleSize;
    }

    /// <summary>Writes a <c>fixed</c>: exactly <paramref name="size"/> bytes, no length.</summary>
    /// <exception cref="ContractEncodeException">The value is not <paramref name="size"/> bytes long.</exception>
    public static int WriteFixed(Span<byte> destination, int offset, scoped ReadOnlySpan<byte> value, int size)
    {
        if (value.Length != size)
        {
            throw new ContractEncodeException(ContractFormat.Avro, $"fixed value has {value.Length} bytes; the schema requires exactly {size}.");
        }

        value.CopyTo(destination.Slice(offset));
        return offset + size;
    }

    /// <summary>
    /// Writes a <c>string</c>: a length, then UTF-8. The destination needs <see cref="MaxStringSize(string?)"/> bytes
    /// at <paramref name="offset"/>.
    /// </summary>
    /// <exception cref="ContractEncodeException"><paramref name="value"/> is null or holds an unpaired surrogate.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteString(Span<byte> destination, int offset, string? value)
    {
        // Most strings in messages are short and mostly ASCII (ids, codes, names): their ASCII run is copied here, with
        // no call, after one byte left for the length prefix.
        if (value is null || value.Length > OneByteLengthLimit)
        {
            return WriteLongOrNullString(destination, offset, value);
        }

        var length = value.Length;
        var ascii = Utf8Encoder.CopyAscii(value, destination.Slice(offset + 1));
        if (ascii == length)
        {
            destination[offset] = (byte)(length << 1);
            return offset + 1 + length;
        }

        return WriteShortStringRest(destination, offset, value, ascii);
    }

    /// <summary>
    /// Writes a <c>string</c> from characters: a length, then UTF-8. The destination needs
    /// <see cref="MaxStringSize(ReadOnlySpan{char})"/> bytes at <paramref name="offset"/>.
    /// </summary>
    /// <exception cref="ContractEncodeException"><paramref name="value"/> holds an unpaired surrogate.</exception>
    public static int WriteString(Span<byte> destination, int offset, scoped ReadOnlySpan<char> value)
    {
        // Counting UTF-8 bytes first costs as much as encoding them, so text short enough to have room for its worst
        // case is encoded once, after a length prefix of the size the character count suggests: one byte up to 63
        // characters (right unless the text expands past 63 bytes, when the bytes move up by one), two bytes beyond
        // (always right: more than 63 characters take more than 63 bytes, and at most 8190).
        if (value.Length > MaxSinglePassChars)
        {
            return WriteCountedString(destination, offset, value);
        }

        if (value.Length > OneByteLengthLimit)
        {
            return WriteTwoByteLength(destination, offset, Utf8Encoder.Encode(value, destination.Slice(offset + 2)));
        }

        var written = Utf8Encoder.Encode(value, destination.Slice(offset + 1));
        if ((uint)written <= OneByteLengthLimit)
        {
            destination[offset] = (byte)(written << 1);
            return offset + 1 + written;
        }

        return MoveUpForTwoByteLength(destination, offset, written);
    }

    /// <summary>Encodes the characters of a short string from <paramref name="ascii"/> on, after the ASCII run already copied, and its length prefix.</summary>
    /// <remarks>
    /// The rest is a few dozen characters at most (an accent or a dash and the words around it): our own encoder does
    /// it in place, where <c>Utf8.FromUtf16</c> spent more on its entry checks and set-up than on the text. The
    /// destination holds 3 bytes a character after the prefix (<see cref="MaxStringSize(string?)"/>), as it needs.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int WriteShortStringRest(Span<byte> destination, int offset, string value, int ascii)
    {
        // The rest's destination ends at the string's bound (MaxStringSize), so its wide stores stay inside it.
        var rest = Utf8Encoder.EncodeRest(value, ascii, destination.Slice(offset + 1 + ascii, 1 + (3 * value.Length) - ascii));
        if (rest < 0)
        {
            throw UnpairedSurrogate();
        }

        var written = ascii + rest;
        if (written <= OneByteLengthLimit)
        {
            destination[offset] = (byte)(written << 1);
            return offset + 1 + written;
        }

        return MoveUpForTwoByteLength(destination, offset, written);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int WriteLongOrNullString(Span<byte> destination, int offset, string? value)
    {
        if (value is null)
        {
            throw new ContractEncodeException(ContractFormat.Avro, "null is not allowed here; the field is not nullable.");
        }

        return WriteString(destination, offset, value.AsSpan());
    }

    /// <summary>Moves <paramref name="written"/> bytes encoded after a one-byte prefix up by one, for a two-byte prefix; negative means an unpaired surrogate.</summary>
    private static int MoveUpForTwoByteLength(Span<byte> destination, int offset, int written)
    {
        if (written < 0)
        {
            throw UnpairedSurrogate();
        }

        destination.Slice(offset + 1, written).CopyTo(destination.Slice(offset + 2));
        return WriteTwoByteLength(destination, offset, written);
    }

    /// <summary>Puts the two-byte length prefix in front of <paramref name="written"/> (64 to 8191) encoded bytes; negative means an unpaired surrogate.</summary>
    private static int WriteTwoByteLength(Span<byte> destination, int offset, int written)
    {
        if (written < 0)
        {
            throw UnpairedSurrogate();
        }

        var zigZag = (uint)written << 1;
        destination[offset] = (byte)(zigZag | 0x80);
        destination[offset + 1] = (byte)(zigZag >> 7);
        return offset + 2 + written;
    }

    /// <summary>Writes long text whose exact UTF-8 length is counted first, so its length prefix is right the first time.</summary>
    private static int WriteCountedString(Span<byte> destination, int offset, scoped ReadOnlySpan<char> value)
    {
        var byteCount = CountUtf8(value);
        offset = WriteLong(destination, offset, byteCount);
        return offset + EncodeUtf8(value, destination.Slice(offset, byteCount));
    }

    /// <summary>Encodes <paramref name="value"/> into <paramref name="target"/>, which holds its exact UTF-8 length.</summary>
    internal static int EncodeUtf8(scoped ReadOnlySpan<char> value, Span<byte> target)
    {
        var status = System.Text.Unicode.Utf8.FromUtf16(value, target, out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            throw UnpairedSurrogate();
        }

        return written;
    }

    /// <summary>Counts the UTF-8 bytes of <paramref name="value"/>, naming an unpaired surrogate as the encode error it is.</summary>
    internal static int CountUtf8(scoped ReadOnlySpan<char> value)
    {
        try
        {
            return StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ContractEncodeException(ContractFormat.Avro, UnpairedSurrogateMessage, e);
        }
    }

    private const string UnpairedSurrogateMessage = "the string holds an unpaired UTF-16 surrogate and has no UTF-8 form.";

    internal static ContractEncodeException UnpairedSurrogate() => new(ContractFormat.Avro, UnpairedSurrogateMessage);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteVarint(Span<byte> destination, int offset, uint value)
    {
        if (value < 0x80)
        {
            destination[offset] = (byte)value;
            return offset + 1;
        }

        // Every int takes at most 5 bytes (its bound): stored as 4 and 1, so nothing past the bound is touched.
        if (Bmi2.X64.IsSupported && BitConverter.IsLittleEndian && (ulong)(uint)offset + MaxIntSize <= (uint)destination.Length)
        {
            var length = VarintLength(value);
            var bytes = SpreadVarint(value, length);
            ref var target = ref Unsafe.Add(ref MemoryMarshal.GetReference(destination), offset);
            Unsafe.WriteUnaligned(ref target, (uint)bytes);
            Unsafe.Add(ref target, 4) = (byte)(bytes >> 32);
            return offset + length;
        }

        return WriteVarintLoop(destination, offset, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteVarint(Span<byte> destination, int offset, ulong value)
    {
        if (value < 0x80)
        {
            destination[offset] = (byte)value;
            return offset + 1;
        }

        // Below 2^56 a long takes at most 8 bytes: one store, inside its 10-byte bound.
        if (Bmi2.X64.IsSupported && BitConverter.IsLittleEndian && value < (1UL << 56) && (ulong)(uint)offset + sizeof(ulong) <= (uint)destination.Length)
        {
            var length = VarintLength(value);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetReference(destination), offset), SpreadVarint(value, length));
            return offset + length;
        }

        return WriteVarintLoop(destination, offset, value);
    }

    /// <summary>The bytes of the varint of <paramref name="value"/> (at least 0x80): one per started 7 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int VarintLength(ulong value) => (int)((uint)(70 - BitOperations.LeadingZeroCount(value)) / 7);

    /// <summary>
    /// The varint of <paramref name="value"/> (below 2^56, <paramref name="length"/> of 2 to 8 bytes) as a little-endian
    /// word, with no loop and no branch on the length: one bit deposit spreads the 7-bit groups over the low bits of the
    /// bytes, and a mask shifted by the length sets the continuation bit of every byte but the last.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SpreadVarint(ulong value, int length) =>
        Bmi2.X64.ParallelBitDeposit(value, 0x7F7F_7F7F_7F7F_7F7FUL) | (0x8080_8080_8080_8080UL >> ((9 - length) << 3));

    private static int WriteVarintLoop(Span<byte> destination, int offset, ulong value)
    {
        while (value >= 0x80)
        {
            destination[offset++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[offset] = (byte)value;
        return offset + 1;
    }
}
