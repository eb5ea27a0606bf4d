using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Contracts.Avro;

/// <summary>
/// UTF-16 to UTF-8 for the short strings messages are made of. <see cref="System.Text.Unicode.Utf8.FromUtf16"/>
/// spends more on its entry checks than on a 20-character string; this copies ASCII 8 or 16 characters at a time and
/// encodes everything else one scalar at a time, into a destination the caller sized for the worst case.
/// </summary>
internal static class Utf8Encoder
{
    /// <summary>
    /// Encodes <paramref name="source"/> into <paramref name="destination"/>, which must hold at least 3 bytes per
    /// character, and returns the bytes written, or -1 when the text holds an unpaired surrogate.
    /// </summary>
    public static int Encode(ReadOnlySpan<char> source, Span<byte> destination)
    {
        if (destination.Length < source.Length * 3)
        {
            throw new ArgumentException("The destination must hold 3 bytes per character.", nameof(destination));
        }

        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
        ref var bytes = ref MemoryMarshal.GetReference(destination);
        var length = (nuint)source.Length;
        if (length < 8 && BitConverter.IsLittleEndian && TryCopyShortAscii(ref chars, length, ref bytes))
        {
            return (int)length;
        }

        nuint i = 0;
        nuint j = 0;
        var asciiLimit = Vector128.Create((ushort)0x7F);

        while (i < length)
        {
            // Each character takes at least one byte and the destination holds three per character, so a 16-byte
            // store at j stays inside it while 8 or more characters remain. Bytes stored for characters past the
            // first non-ASCII one are overwritten by what follows.
            if (Vector128.IsHardwareAccelerated && length - i >= 8)
            {
                var low = Vector128.LoadUnsafe(ref chars, i);
                uint nonAscii;
                if (length - i >= 16)
                {
                    var high = Vector128.LoadUnsafe(ref chars, i + 8);
                    NarrowAscii(low, high).StoreUnsafe(ref bytes, j);
                    nonAscii = Vector128.GreaterThan(low, asciiLimit).ExtractMostSignificantBits()
                        | (Vector128.GreaterThan(high, asciiLimit).ExtractMostSignificantBits() << 8);
                    if (nonAscii == 0)
                    {
                        i += 16;
                        j += 16;
                        continue;
                    }
                }
                else
                {
                    NarrowAscii(low, low).StoreUnsafe(ref bytes, j);
                    nonAscii = Vector128.GreaterThan(low, asciiLimit).ExtractMostSignificantBits();
                    if (nonAscii == 0)
                    {
                        i += 8;
                        j += 8;
                        continue;
                    }
                }

                var ascii = (nuint)BitOperations.TrailingZeroCount(nonAscii);
                i += ascii;
                j += ascii;
            }
            else if (Vector128.IsHardwareAccelerated && i == j && length >= 8)
            {
                // Fewer than 8 characters left of all-ASCII text: one more block, overlapping characters already
                // copied (to the same place, as each took one byte), ends it.
                var tail = Vector128.LoadUnsafe(ref chars, length - 8);
                if (!Vector128.GreaterThanAny(tail, asciiLimit))
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, length - 8), NarrowAscii(tail));
                    return (int)length;
                }
            }

            // One character at a time while they are not ASCII, or too few remain for a vector.
            do
            {
                uint c = Unsafe.Add(ref chars, i);
                if (c < 0x80)
                {
                    Unsafe.Add(ref bytes, j) = (byte)c;
                    i++;
                    j++;
                }
                else if (c < 0x800)
                {
                    Unsafe.Add(ref bytes, j) = (byte)(0xC0 | (c >> 6));
                    Unsafe.Add(ref bytes, j + 1) = (byte)(0x80 | (c & 0x3F));
                    i++;
                    j += 2;
                }
                else if (c - 0xD800 >= 0x800)
                {
                    Unsafe.Add(ref bytes, j) = (byte)(0xE0 | (c >> 12));
                    Unsafe.Add(ref bytes, j + 1) = (byte)(0x80 | ((c >> 6) & 0x3F));
                    Unsafe.Add(ref bytes, j + 2) = (byte)(0x80 | (c & 0x3F));
                    i++;
                    j += 3;
                }
                else
                {
                    // A surrogate: valid only as a high surrogate followed by a low one (4 bytes for 2 characters).
                    if (c > 0xDBFF || i + 1 >= length)
                    {
                        return -1;
                    }

                    uint next = Unsafe.Add(ref chars, i + 1);
                    if (next - 0xDC00 >= 0x400)
                    {
                        return -1;
                    }

                    var scalar = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
                    Unsafe.Add(ref bytes, j) = (byte)(0xF0 | (scalar >> 18));
                    Unsafe.Add(ref bytes, j + 1) = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                    Unsafe.Add(ref bytes, j + 2) = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                    Unsafe.Add(ref bytes, j + 3) = (byte)(0x80 | (scalar & 0x3F));
                    i += 2;
                    j += 4;
                }
            }
            while (i < length && (Unsafe.Add(ref chars, i) >= 0x80 || length - i < 8));
        }

        return (int)j;
    }

    /// <summary>
    /// Encodes the characters of <paramref name="text"/> from <paramref name="start"/> on, the rest of a short string
    /// after its leading ASCII run (so it starts with a character that is not ASCII), into
    /// <paramref name="destination"/>, which must hold at least 3 bytes per character of the rest, and returns the bytes
    /// written, or -1 when the rest holds an unpaired surrogate.
    /// </summary>
    /// <remarks>
    /// Such a rest is a few dozen characters where an accent or a dash breaks the ASCII. Each ASCII run in it is copied 8
    /// characters a step (a narrowing store of 8 bytes, then as many as were ASCII are kept, found by one trailing-zero
    /// count); fewer than 8 at the end of the text are taken from the last 8 characters of the whole text, which is why
    /// it takes the text and not the rest alone. Text under 8 characters (or without vectors) takes ASCII 4 characters a
    /// step in one 64-bit word. Everything else is encoded where it stands. Stores of 8 bytes are made only where 8 bytes
    /// of <paramref name="destination"/> remain, which the caller ends at the string's bound.
    /// </remarks>
    public static int EncodeRest(ReadOnlySpan<char> text, int start, Span<byte> destination)
    {
        if ((uint)start > (uint)text.Length || destination.Length < (text.Length - start) * 3)
        {
            throw new ArgumentException("The destination must hold 3 bytes per character from the start.", nameof(destination));
        }

        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        ref var bytes = ref MemoryMarshal.GetReference(destination);
        var length = (nuint)text.Length;
        var room = (nuint)destination.Length;
        var asciiLimit = Vector128.Create((ushort)0x7F);
        var i = (nuint)start;
        nuint j = 0;
        if (Avx512Vbmi2.IsSupported && text.Length - start <= 32)
        {
            var written = EncodeShortTwoByteRest(text, start, destination);
            if (written >= 0)
            {
                return written;
            }
        }

        while (i < length)
        {
            uint c = Unsafe.Add(ref chars, i);
            if (c < 0x80)
            {
                // All 8 ASCII moves on by a predicted branch, so the next step need not wait for the test; a block
                // that is not keeps its ASCII characters up to the first that is not (at least one). With 8 or more
                // characters left the destination has room for 8 bytes: 3 for each of them remain.
                if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian && length - i >= 8)
                {
                    var block = Vector128.LoadUnsafe(ref chars, i);
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, j), NarrowAscii(block));
                    if ((block & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero)
                    {
                        i += 8;
                        j += 8;
                        continue;
                    }

                    var ascii = (nuint)BitOperations.TrailingZeroCount(Vector128.GreaterThan(block, asciiLimit).ExtractMostSignificantBits());
                    i += ascii;
                    j += ascii;
                    continue;
                }

                // Fewer than 8 remain: the last 8 characters of the text, those before i shifted out of the bytes and
                // of the mask, where 8 bytes of the destination remain.
                if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian && length >= 8 && room - j >= 8)
                {
                    var shift = (int)(8 - (length - i));
                    var tail = Vector128.LoadUnsafe(ref chars, length - 8);
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, j), NarrowAscii(tail) >> (shift << 3));
                    var tailNonAscii = Vector128.GreaterThan(tail, asciiLimit).ExtractMostSignificantBits() >> shift;
                    if (tailNonAscii == 0)
                    {
                        return (int)(j + (length - i));
                    }

                    var tailAscii = (nuint)BitOperations.TrailingZeroCount(tailNonAscii);
                    i += tailAscii;
                    j += tailAscii;
                    continue;
                }

                // Text under 8 characters, or no vectors: four ASCII characters in one word when four remain
                // (little-endian: the first in the low bits).
                if (BitConverter.IsLittleEndian && length - i >= 4)
                {
                    var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref chars, i)));
                    if ((word & 0xFF80_FF80_FF80_FF80UL) == 0)
                    {
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, j), NarrowFour(word));
                        i += 4;
                        j += 4;
                        continue;
                    }
                }

                Unsafe.Add(ref bytes, j) = (byte)c;
                i++;
                j++;
            }
            else if (c < 0x800)
            {
                // Both bytes in one store (little-endian: the lead byte first).
                if (BitConverter.IsLittleEndian)
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, j), (ushort)(0x80C0 | (c >> 6) | ((c & 0x3F) << 8)));
                }
                else
                {
                    Unsafe.Add(ref bytes, j) = (byte)(0xC0 | (c >> 6));
                    Unsafe.Add(ref bytes, j + 1) = (byte)(0x80 | (c & 0x3F));
                }

                i++;
                j += 2;
            }
            else if (c - 0xD800 >= 0x800)
            {
                Unsafe.Add(ref bytes, j) = (byte)(0xE0 | (c >> 12));
                Unsafe.Add(ref bytes, j + 1) = (byte)(0x80 | ((c >> 6) & 0x3F));
                Unsafe.Add(ref bytes, j + 2) = (byte)(0x80 | (c & 0x3F));
                i++;
                j += 3;
            }
            else
            {
                // A surrogate: valid only as a high surrogate followed by a low one (4 bytes for 2 characters).
                if (c > 0xDBFF || i + 1 >= length)
                {
                    return -1;
                }

                uint next = Unsafe.Add(ref chars, i + 1);
                if (next - 0xDC00 >= 0x400)
                {
                    return -1;
                }

                var scalar = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
                Unsafe.Add(ref bytes, j) = (byte)(0xF0 | (scalar >> 18));
                Unsafe.Add(ref bytes, j + 1) = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                Unsafe.Add(ref bytes, j + 2) = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                Unsafe.Add(ref bytes, j + 3) = (byte)(0x80 | (scalar & 0x3F));
                i += 2;
                j += 4;
            }
        }

        return (int)j;
    }

    /// <summary>
    /// Encodes a rest of at most 32 characters, all below U+0800 (ASCII and the one- and two-byte scripts: Latin with
    /// its accents, Greek, Cyrillic, Hebrew, Arabic...), in one step where AVX-512 VBMI2 is there: one masked load of the
    /// characters (the lanes past the text masked off, so nothing past it is read), each character's one- or two-byte
    /// form built in its 16-bit lane, one byte compress keeping the bytes each uses, one masked store of exactly those
    /// bytes. Returns the bytes written, or -1 (having written nothing) when a character is U+0800 or above, for the
    /// general loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int EncodeShortTwoByteRest(ReadOnlySpan<char> text, int start, Span<byte> destination)
    {
        fixed (char* source = text)
        fixed (byte* target = destination)
        {
            var lanes = Vector512.LessThan(Vector512<ushort>.Indices, Vector512.Create((ushort)(text.Length - start)));
            var units = Avx512BW.MaskLoad((ushort*)source + start, lanes, Vector512<ushort>.Zero);
            if (Vector512.GreaterThanOrEqualAny(units, Vector512.Create((ushort)0x800)))
            {
                return -1;
            }

            // A two-byte form in its lane, little-endian: the lead byte 0xC0 | c >> 6 first, then 0x80 | c & 0x3F.
            var oneByte = Vector512.LessThan(units, Vector512.Create((ushort)0x80));
            var twoBytes = (units >> 6) | ((units & Vector512.Create((ushort)0x3F)) << 8) | Vector512.Create((ushort)0x80C0);
            var encoded = Vector512.ConditionalSelect(oneByte, units, twoBytes);
            var used = Vector512.ConditionalSelect(oneByte, Vector512.Create((ushort)0x00FF), Vector512.Create((ushort)0xFFFF)) & lanes;
            var packed = Avx512Vbmi2.Compress(Vector512<byte>.Zero, used.AsByte(), encoded.AsByte());
            var count = BitOperations.PopCount(used.AsByte().ExtractMostSignificantBits());
            Avx512BW.MaskStore(target, Vector512.LessThan(Vector512<byte>.Indices, Vector512.Create((byte)count)), packed);
            return count;
        }
    }

    /// <summary>
    /// Copies the leading ASCII characters of <paramref name="source"/> into <paramref name="destination"/> (at least as
    /// long as the source) 8 at a time, the last block overlapping the one before, and returns how many there were
    /// (the source length when all are ASCII). Bytes past that count may have been written too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CopyAscii(ReadOnlySpan<char> source, Span<byte> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination must hold 1 byte per character.", nameof(destination));
        }

        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
        ref var bytes = ref MemoryMarshal.GetReference(destination);
        var length = (nuint)source.Length;
        if (length < 8 || !Vector128.IsHardwareAccelerated)
        {
            // A short run that is not all ASCII goes to the general encoder from its start.
            return length < 8 && BitConverter.IsLittleEndian && TryCopyShortAscii(ref chars, length, ref bytes) ? (int)length : 0;
        }

        nuint i = 0;
        while (true)
        {
            var block = Vector128.LoadUnsafe(ref chars, i);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, i), NarrowAscii(block));
            if ((block & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero)
            {
                return (int)i + BitOperations.TrailingZeroCount(Vector128.GreaterThan(block, Vector128.Create((ushort)0x7F)).ExtractMostSignificantBits());
            }

            if (i + 8 >= length)
            {
                return (int)length;
            }

            i = Math.Min(i + 8, length - 8);
        }
    }

    /// <summary>Copies 1 to 7 ASCII characters with two overlapping 4- or 2-character moves; false if any is not ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryCopyShortAscii(ref ushort chars, nuint length, ref byte bytes)
    {
        if (length >= 4)
        {
            var first = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref chars));
            var last = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref chars, length - 4)));
            if (((first | last) & 0xFF80_FF80_FF80_FF80UL) != 0)
            {
                return false;
            }

            if (Sse2.IsSupported)
            {
                // Both words narrowed by one pack: its first 4 bytes for the first 4 characters, the next 4 for the last.
                var packed = Sse2.PackUnsignedSaturate(Vector128.Create(first, last).AsInt16(), Vector128<short>.Zero).AsUInt32();
                Unsafe.WriteUnaligned(ref bytes, packed.ToScalar());
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, length - 4), packed.GetElement(1));
                return true;
            }

            Unsafe.WriteUnaligned(ref bytes, NarrowFour(first));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, length - 4), NarrowFour(last));
            return true;
        }

        if (length >= 2)
        {
            var first = Unsafe.ReadUnaligned<uint>(ref Unsafe.As<ushort, byte>(ref chars));
            var last = Unsafe.ReadUnaligned<uint>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref chars, length - 2)));
            if (((first | last) & 0xFF80_FF80u) != 0)
            {
                return false;
            }

            Unsafe.WriteUnaligned(ref bytes, (ushort)(first | (first >> 8)));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, length - 2), (ushort)(last | (last >> 8)));
            return true;
        }

        if (length == 1)
        {
            if (chars >= 0x80)
            {
                return false;
            }

            bytes = (byte)chars;
        }

        return true;
    }

    /// <summary>
    /// The 8 characters of <paramref name="block"/> narrowed to 8 bytes, exact for those below 0x80 (the others'
    /// bytes are left to be overwritten): one unsigned-saturating pack on x86, where the general narrowing takes two
    /// conversions and a shuffle.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NarrowAscii(Vector128<ushort> block) => NarrowAscii(block, block).AsUInt64().ToScalar();

    /// <summary>The 16 characters of <paramref name="low"/> and <paramref name="high"/> narrowed to 16 bytes, exact for those below 0x80.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> NarrowAscii(Vector128<ushort> low, Vector128<ushort> high) =>
        Sse2.IsSupported ? Sse2.PackUnsignedSaturate(low.AsInt16(), high.AsInt16()) : Vector128.Narrow(low, high);

    // Four little-endian UTF-16 code units below 0x80 to their four bytes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint NarrowFour(ulong chars) =>
        (uint)((chars & 0xFF) | ((chars >> 8) & 0xFF00) | ((chars >> 16) & 0xFF_0000) | ((chars >> 24) & 0xFF00_0000));
}
