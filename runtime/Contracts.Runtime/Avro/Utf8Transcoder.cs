using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Contracts.Avro;

/// <summary>
/// Validates and transcodes short, mostly ASCII UTF-8 (names, addresses, notes with an accent or a dash) to UTF-16.
/// <c>Utf8.ToUtf16</c> does the same work but is built for long text: its entry checks and loop set-up cost more than
/// the decoding itself on a few dozen bytes. Here ASCII goes 8 bytes a step and each other character is decoded where
/// it stands. Anything that is not well-formed UTF-8 is reported, never decoded: the caller then lets the strict
/// decoder raise its error, so what counts as invalid only has to be at least as strict as the strict decoder.
/// </summary>
internal static class Utf8Transcoder
{
    /// <summary>How many characters past the text's length the destination needs: ASCII steps store 8 at a time.</summary>
    public const int Slack = 8;

    private const ulong HighBits = 0x8080_8080_8080_8080UL;

    /// <summary>
    /// Writes the UTF-16 of <paramref name="source"/> to <paramref name="destination"/> (at least
    /// <c>source.Length + </c><see cref="Slack"/> characters) and returns how many characters it wrote, or -1 when the
    /// bytes are not well-formed UTF-8 (overlong forms, surrogates, code points past U+10FFFF, stray or missing
    /// continuation bytes).
    /// </summary>
    public static int Transcode(ReadOnlySpan<byte> source, Span<char> destination)
    {
        var length = (nuint)source.Length;
        if ((nuint)destination.Length < length + Slack)
        {
            throw new ArgumentException("The destination needs the source's length plus Slack characters.", nameof(destination));
        }

        ref var src = ref MemoryMarshal.GetReference(source);
        ref var dst = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
        nuint i = 0;
        nuint j = 0;
        while (i < length)
        {
            var left = length - i;
            if (left >= 16)
            {
                // Long ASCII runs (a sentence's words between its dashes or accents) 16 bytes a step.
                var block = Vector128.LoadUnsafe(ref src, i);
                if (block.ExtractMostSignificantBits() == 0)
                {
                    var (lower, upper) = Vector128.Widen(block);
                    lower.StoreUnsafe(ref dst, j);
                    upper.StoreUnsafe(ref dst, j + 8);
                    i += 16;
                    j += 16;
                    continue;
                }
            }

            if (length >= 8)
            {
                // Eight bytes, or the last eight shifted so the unread ones come first (the rest reads as zeros and
                // is not counted). All eight are widened and stored; only the ASCII ones before the first other byte
                // are kept, the next store overwrites the rest.
                var word = left >= 8
                    ? Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref src, i))
                    : Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref src, length - 8)) >> (int)((8 - left) << 3);
                Vector128.WidenLower(Vector128.CreateScalarUnsafe(word).AsByte()).StoreUnsafe(ref dst, j);
                var high = word & HighBits;
                if (high == 0)
                {
                    // A branch, not a select: predicted, it lets the next step start before this word's test ends.
                    if (left <= 8)
                    {
                        return (int)(j + left);
                    }

                    i += 8;
                    j += 8;
                    continue;
                }

                var ascii = (nuint)(BitOperations.TrailingZeroCount(high) >> 3);
                if (ascii >= left)
                {
                    return (int)(j + left);
                }

                i += ascii;
                j += ascii;
            }

            uint lead = Unsafe.Add(ref src, i);
            if (lead < 0x80)
            {
                Unsafe.Add(ref dst, j) = (ushort)lead;
                i++;
                j++;
                continue;
            }

            if (!DecodeSequence(ref src, i, length - i, lead, ref dst, j, out var consumed, out var produced))
            {
                return -1;
            }

            i += consumed;
            j += produced;
        }

        return (int)j;
    }

    /// <summary>
    /// Decodes the multi-byte sequence starting with <paramref name="lead"/> (0x80 or above) at <paramref name="i"/>,
    /// <paramref name="left"/> bytes being left, into one character or a surrogate pair at <paramref name="j"/>; false
    /// when the sequence is not well-formed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool DecodeSequence(ref byte src, nuint i, nuint left, uint lead, ref ushort dst, nuint j, out nuint consumed, out nuint produced)
    {
        consumed = 0;
        produced = 0;
        if (lead < 0xE0)
        {
            // C2..DF and one continuation byte; C0 and C1 would be overlong, 80..BF are not leads.
            if (lead < 0xC2 || left < 2)
            {
                return false;
            }

            uint c1 = Unsafe.Add(ref src, i + 1);
            if ((c1 & 0xC0) != 0x80)
            {
                return false;
            }

            Unsafe.Add(ref dst, j) = (ushort)(((lead & 0x1F) << 6) | (c1 & 0x3F));
            consumed = 2;
            produced = 1;
            return true;
        }

        if (lead < 0xF0)
        {
            if (left < 3)
            {
                return false;
            }

            uint c1 = Unsafe.Add(ref src, i + 1);
            uint c2 = Unsafe.Add(ref src, i + 2);
            var codePoint = ((lead & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
            // Overlong below U+0800, or a surrogate (U+D800..U+DFFF), which UTF-8 may not encode.
            if (((c1 & 0xC0) != 0x80) | ((c2 & 0xC0) != 0x80) | (codePoint < 0x800) | (codePoint - 0xD800 < 0x800))
            {
                return false;
            }

            Unsafe.Add(ref dst, j) = (ushort)codePoint;
            consumed = 3;
            produced = 1;
            return true;
        }

        if (left < 4)
        {
            return false;
        }

        uint d1 = Unsafe.Add(ref src, i + 1);
        uint d2 = Unsafe.Add(ref src, i + 2);
        uint d3 = Unsafe.Add(ref src, i + 3);
        var scalar = ((lead & 0x07) << 18) | ((d1 & 0x3F) << 12) | ((d2 & 0x3F) << 6) | (d3 & 0x3F);
        // F5..FF are not leads; below U+10000 is overlong, past U+10FFFF is outside Unicode.
        if ((lead > 0xF4) | ((d1 & 0xC0) != 0x80) | ((d2 & 0xC0) != 0x80) | ((d3 & 0xC0) != 0x80) | (scalar - 0x10000 > 0xFFFFF))
        {
            return false;
        }

        scalar -= 0x10000;
        Unsafe.Add(ref dst, j) = (ushort)(0xD800 + (scalar >> 10));
        Unsafe.Add(ref dst, j + 1) = (ushort)(0xDC00 + (scalar & 0x3FF));
        consumed = 4;
        produced = 2;
        return true;
    }
}
