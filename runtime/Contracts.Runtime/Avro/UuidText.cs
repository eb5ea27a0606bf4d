using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Contracts.Avro;

/// <summary>
/// The 36-character uuid text (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>, hex digits of either case) to a
/// <see cref="Guid"/>: no sign, whitespace, braces or other forms, which the general parser checks for one after
/// another. The 32 digits are read as four 8-byte words and checked and converted 8 at a time with integer arithmetic,
/// the four words in the lanes of one 256-bit vector where the hardware has them (a table lookup per digit cost 64
/// loads; the same arithmetic on the words one by one spends its time loading its 64-bit constants).
/// </summary>
internal static class UuidText
{
    private const ulong Ones = 0x0101_0101_0101_0101UL;
    private const ulong HighBits = 0x8080_8080_8080_8080UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> text, out Guid value)
    {
        if (text.Length != 36 || text[8] != (byte)'-' || text[13] != (byte)'-' || text[18] != (byte)'-' || text[23] != (byte)'-')
        {
            value = default;
            return false;
        }

        // Digits 0-7, 9-12 and 14-17, 19-22 and 24-27, 28-35: the four dashes fall between the words.
        var w0 = BinaryPrimitives.ReadUInt64LittleEndian(text);
        var w1 = BinaryPrimitives.ReadUInt32LittleEndian(text.Slice(9)) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(text.Slice(14)) << 32);
        var w2 = BinaryPrimitives.ReadUInt32LittleEndian(text.Slice(19)) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(text.Slice(24)) << 32);
        var w3 = BinaryPrimitives.ReadUInt64LittleEndian(text.Slice(28));
        if (Vector256.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            return TryParseWords(Vector256.Create(w0, w1, w2, w3), out value);
        }

        ulong invalid = 0;
        var u0 = Pack(w0, ref invalid);
        var u1 = Pack(w1, ref invalid);
        var u2 = Pack(w2, ref invalid);
        var u3 = Pack(w3, ref invalid);
        if (invalid != 0)
        {
            value = default;
            return false;
        }

        // Each word holds 4 bytes of the uuid in text order (big-endian); Guid's first three fields are integers.
        value = new Guid(
            (int)BinaryPrimitives.ReverseEndianness(u0),
            (short)(((u1 & 0xFF) << 8) | ((u1 >> 8) & 0xFF)),
            (short)(((u1 >> 8) & 0xFF00) | (u1 >> 24)),
            (byte)u2,
            (byte)(u2 >> 8),
            (byte)(u2 >> 16),
            (byte)(u2 >> 24),
            (byte)u3,
            (byte)(u3 >> 8),
            (byte)(u3 >> 16),
            (byte)(u3 >> 24));
        return true;
    }

    /// <summary>
    /// Writes the 36-character lower-case text of <paramref name="value"/> (<c>Guid.ToString("D")</c>) to the first 36
    /// bytes of <paramref name="destination"/>. <c>Guid.TryFormat</c> does the same after parsing its format string and
    /// checking its destination for each of its forms; here the 16 bytes are put in text order (big-endian fields) by
    /// one shuffle, split into 32 nibbles by widening, turned into digits with one compare, and the dashes put in by
    /// two more shuffles: two 16-byte stores and one 4-byte store, all inside the 36 bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Format(Guid value, Span<byte> destination)
    {
        if (destination.Length < 36)
        {
            throw new ArgumentException("The destination must hold 36 bytes.", nameof(destination));
        }

        if (!Vector128.IsHardwareAccelerated || !BitConverter.IsLittleEndian)
        {
            value.TryFormat(destination, out _, "D");
            return;
        }

        // Guid's first three fields are little-endian integers in memory; the text shows them big-endian.
        var bytes = Vector128.Shuffle(
            Unsafe.BitCast<Guid, Vector128<byte>>(value),
            Vector128.Create((byte)3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15));

        // Each byte widened to 16 bits becomes its two digits: the high nibble in the low byte (written first).
        var (lower, upper) = Vector128.Widen(bytes);
        var first = Digits(Vector128.ShiftRightLogical(lower, 4) | Vector128.ShiftLeft(lower & Vector128.Create((ushort)0x0F), 8));
        var second = Digits(Vector128.ShiftRightLogical(upper, 4) | Vector128.ShiftLeft(upper & Vector128.Create((ushort)0x0F), 8));

        // Digits 0-15 and 16-31 to text positions 0-15 and 16-31, dashes at 8, 13, 18 and 23 (an index of 0xFF
        // selects zero, which the dash constant fills); positions 32-35 are the last four digits.
        const byte Z = 0xFF;
        var dash = (byte)'-';
        var head = Vector128.Shuffle(first, Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, Z, 8, 9, 10, 11, Z, 12, 13))
            | Vector128.Create(0, 0, 0, 0, 0, 0, 0, 0, dash, 0, 0, 0, 0, dash, 0, 0);
        var middle = Vector128.Shuffle(first, Vector128.Create((byte)14, 15, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z))
            | Vector128.Shuffle(second, Vector128.Create((byte)Z, Z, Z, 0, 1, 2, 3, Z, 4, 5, 6, 7, 8, 9, 10, 11))
            | Vector128.Create(0, 0, dash, 0, 0, 0, 0, dash, 0, 0, 0, 0, 0, 0, 0, 0);
        ref var target = ref MemoryMarshal.GetReference(destination);
        head.StoreUnsafe(ref target);
        middle.StoreUnsafe(ref target, 16);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, 32), second.AsUInt32().GetElement(3));
    }

    /// <summary>Nibbles (0-15, one a byte) to their lower-case hex digits: '0' + n, and 39 more for a-f.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Digits(Vector128<ushort> nibbles)
    {
        var n = nibbles.AsByte();
        return n + Vector128.Create((byte)'0') + (Vector128.GreaterThan(n, Vector128.Create((byte)9)) & Vector128.Create((byte)('a' - '0' - 10)));
    }

    /// <summary>
    /// <see cref="Pack"/> on the four words at once, one word per lane: the scalar form spends most of its time
    /// materialising its 64-bit constants for each word. The 16 bytes come out in text order (big-endian); one shuffle
    /// puts Guid's first three fields in its little-endian layout.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseWords(Vector256<ulong> digits, out Guid value)
    {
        var high = Vector256.Create(HighBits);
        var lower = digits | Vector256.Create(0x20 * Ones);
        var isDigit = (digits + Vector256.Create(0x50 * Ones)) & ~(digits + Vector256.Create(0x46 * Ones));
        var isLetter = (lower + Vector256.Create(0x1F * Ones)) & ~(lower + Vector256.Create(0x19 * Ones));
        var invalid = (digits & high) | (~(isDigit | isLetter) & high);
        if (invalid != Vector256<ulong>.Zero)
        {
            value = default;
            return false;
        }

        var letters = Vector256.ShiftRightLogical(digits, 6) & Vector256.Create(Ones);
        var nibbles = (digits & Vector256.Create(0x0F * Ones)) + Vector256.ShiftLeft(letters, 3) + letters;
        var nibbleMask = Vector256.Create(0x000F_000F_000F_000FUL);
        var pairs = Vector256.ShiftLeft(nibbles & nibbleMask, 4) | (Vector256.ShiftRightLogical(nibbles, 8) & nibbleMask);
        var halves = (pairs | Vector256.ShiftRightLogical(pairs, 8)) & Vector256.Create(0x0000_FFFF_0000_FFFFUL);
        var packed = halves | Vector256.ShiftRightLogical(halves, 16);
        var bigEndian = Vector256.Narrow(packed, packed).GetLower().AsByte();
        var layout = Vector128.Shuffle(bigEndian, Vector128.Create((byte)3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15));
        value = Unsafe.BitCast<Vector128<byte>, Guid>(layout);
        return true;
    }

    /// <summary>
    /// Eight hex digit characters (the first in the low byte) to the 4 bytes they spell, the first in the low byte.
    /// Sets bits of <paramref name="invalid"/> unless every character is 0-9, A-F or a-f.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Pack(ulong digits, ref ulong invalid)
    {
        // Range tests per byte for bytes below 0x80 (no carry crosses a byte): x + (0x80 - low) has its top bit set
        // when x >= low, x + (0x7F - high) when x > high. A byte of 0x80 or above fails through the first term.
        var lower = digits | (0x20 * Ones);
        var isDigit = (digits + (0x50 * Ones)) & ~(digits + (0x46 * Ones));
        var isLetter = (lower + (0x1F * Ones)) & ~(lower + (0x19 * Ones));
        invalid |= (digits & HighBits) | (~(isDigit | isLetter) & HighBits);

        // '0'-'9' are 0x30-0x39, letters 0x41-0x46 or 0x61-0x66: the low nibble, plus 9 when bit 6 marks a letter.
        var letters = (digits >> 6) & Ones;
        var nibbles = (digits & (0x0F * Ones)) + (letters << 3) + letters;

        // Pairs of nibbles into bytes (16-bit lanes), then the four bytes side by side.
        var pairs = ((nibbles & 0x000F_000F_000F_000FUL) << 4) | ((nibbles >> 8) & 0x000F_000F_000F_000FUL);
        var halves = (pairs | (pairs >> 8)) & 0x0000_FFFF_0000_FFFFUL;
        return (uint)(halves | (halves >> 16));
    }
}
