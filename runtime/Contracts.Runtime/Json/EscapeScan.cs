using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Contracts.Json;

/// <summary>
/// The vectorized "does this text need the escaper?" scans behind <see cref="LogpipeJsonEncoder"/>: one pass of a few
/// compares per 8 characters or 16 bytes, the same for ASCII and non-ASCII text (a <c>SearchValues</c> set holding
/// U+2028 and U+2029 is not vectorized for non-ASCII input).
/// </summary>
internal static class EscapeScan
{
    /// <summary>
    /// The index of the first character that is escaped (below U+0020, <c>"</c>, <c>\</c>, U+2028, U+2029) or is a
    /// surrogate (the caller checks pairing), or -1.
    /// </summary>
    public static int IndexOfCandidate(ReadOnlySpan<char> text)
    {
        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var length = text.Length;
        if (Vector128.IsHardwareAccelerated && length >= Vector128<ushort>.Count)
        {
            var last = length - Vector128<ushort>.Count;
            for (var i = 0; i < last; i += Vector128<ushort>.Count)
            {
                var mask = CandidateMask(Vector128.LoadUnsafe(ref start, (nuint)i));
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }

            // The last block overlaps text already found clean, so its first hit is the first hit.
            var tail = CandidateMask(Vector128.LoadUnsafe(ref start, (nuint)last));
            return tail == 0 ? -1 : last + BitOperations.TrailingZeroCount(tail);
        }

        for (var i = 0; i < length; i++)
        {
            if (IsCandidate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the first byte that is not printable ASCII other than <c>"</c> and <c>\</c>, or -1.</summary>
    public static int IndexOfNonPlainAscii(ReadOnlySpan<byte> utf8Text)
    {
        ref var start = ref MemoryMarshal.GetReference(utf8Text);
        var length = utf8Text.Length;
        if (Vector128.IsHardwareAccelerated && length >= Vector128<byte>.Count)
        {
            var last = length - Vector128<byte>.Count;
            for (var i = 0; i < last; i += Vector128<byte>.Count)
            {
                var mask = NonPlainAsciiMask(Vector128.LoadUnsafe(ref start, (nuint)i));
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }

            var tail = NonPlainAsciiMask(Vector128.LoadUnsafe(ref start, (nuint)last));
            return tail == 0 ? -1 : last + BitOperations.TrailingZeroCount(tail);
        }

        for (var i = 0; i < length; i++)
        {
            var b = utf8Text[i];
            if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsCandidate(char c) =>
        c < 0x20 || c == '"' || c == '\\' || (c & 0xF800) == 0xD800 || (c & 0xFFFE) == 0x2028;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint CandidateMask(Vector128<ushort> text)
    {
        var hits = Vector128.LessThan(text, Vector128.Create((ushort)0x20))
                   | Vector128.Equals(text, Vector128.Create((ushort)'"'))
                   | Vector128.Equals(text, Vector128.Create((ushort)'\\'))
                   | Vector128.Equals(text & Vector128.Create((ushort)0xF800), Vector128.Create((ushort)0xD800))
                   | Vector128.Equals(text & Vector128.Create((ushort)0xFFFE), Vector128.Create((ushort)0x2028));
        return hits.ExtractMostSignificantBits();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint NonPlainAsciiMask(Vector128<byte> text)
    {
        var hits = Vector128.LessThan(text, Vector128.Create((byte)0x20))
                   | Vector128.GreaterThanOrEqual(text, Vector128.Create((byte)0x80))
                   | Vector128.Equals(text, Vector128.Create((byte)'"'))
                   | Vector128.Equals(text, Vector128.Create((byte)'\\'));
        return hits.ExtractMostSignificantBits();
    }
}
