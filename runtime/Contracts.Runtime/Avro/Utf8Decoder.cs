using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Contracts.Avro;

/// <summary>
/// UTF-8 to <see cref="string"/> for the short ASCII text most message strings are (ids, codes, names). The general
/// decoder counts characters in one pass, then transcodes in a second, behind several layers of argument checks; for
/// ASCII the count is the byte count, so one check of the bytes and one widening copy do. Other short text is
/// validated and transcoded in one pass into a stack buffer by <see cref="Utf8Transcoder"/> and copied once.
/// </summary>
internal static class Utf8Decoder
{
    /// <summary>The longest text checked here; longer text is rare enough for the general decoder's entry cost not to matter.</summary>
    private const int ShortLimit = 64;

    /// <summary>The longest text transcoded through a stack buffer (twice this many bytes of stack).</summary>
    private const int StackLimit = 256;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="bytes"/>, the UTF-8 of a string whose length prefix starts at <paramref name="start"/>.</summary>
    /// <exception cref="ContractDecodeException">The bytes are not valid UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, int start)
    {
        if (IsShortAscii(bytes))
        {
            return Widen(bytes);
        }

        return bytes.Length <= StackLimit ? DecodeShort(bytes, start) : DecodeStrict(bytes, start);
    }

    [SkipLocalsInit]
    private static string DecodeShort(ReadOnlySpan<byte> bytes, int start)
    {
        // UTF-8 never takes fewer bytes than UTF-16 takes characters, so the byte count (plus the transcoder's
        // slack) is room enough.
        Span<char> chars = stackalloc char[StackLimit + Utf8Transcoder.Slack];
        var written = Utf8Transcoder.Transcode(bytes, chars);
        return written >= 0 ? CopyToNew(chars.Slice(0, written)) : DecodeStrict(bytes, start);
    }

    private static string CopyToNew(ReadOnlySpan<char> chars)
    {
        var text = StringAllocator.Allocate(chars.Length);
        if (chars.Length != 0)
        {
            CopyChars(chars, ref StringAllocator.FirstChar(text));
        }

        return text;
    }

    /// <summary>
    /// Copies short text with a few overlapping vector moves, inline: <c>new string(span)</c> calls the general
    /// <c>Memmove</c>, whose call and size dispatch cost about as much as the copy.
    /// </summary>
    private static void CopyChars(ReadOnlySpan<char> text, ref char target)
    {
        ref var from = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
        ref var to = ref Unsafe.As<char, byte>(ref target);
        var size = (nuint)text.Length * sizeof(char);
        if (size >= 32 && Vector256.IsHardwareAccelerated)
        {
            for (nuint at = 0; at < size - 32; at += 32)
            {
                Vector256.LoadUnsafe(ref from, at).StoreUnsafe(ref to, at);
            }

            Vector256.LoadUnsafe(ref from, size - 32).StoreUnsafe(ref to, size - 32);
        }
        else if (size >= 16 && Vector128.IsHardwareAccelerated)
        {
            var head = Vector128.LoadUnsafe(ref from);
            var tail = Vector128.LoadUnsafe(ref from, size - 16);
            for (nuint at = 16; at < size - 16; at += 16)
            {
                Vector128.LoadUnsafe(ref from, at).StoreUnsafe(ref to, at);
            }

            head.StoreUnsafe(ref to);
            tail.StoreUnsafe(ref to, size - 16);
        }
        else
        {
            text.CopyTo(MemoryMarshal.CreateSpan(ref target, text.Length));
        }
    }

    /// <summary>The general decoder, whose exception for invalid input becomes the inner exception of ours.</summary>
    private static string DecodeStrict(ReadOnlySpan<byte> bytes, int start)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ContractDecodeException(ContractFormat.Avro, "the string is not valid UTF-8.", start, e);
        }
    }

    /// <summary>Whether <paramref name="bytes"/> is at most <see cref="ShortLimit"/> bytes, all ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsShortAscii(ReadOnlySpan<byte> bytes)
    {
        var length = (nuint)bytes.Length;
        ref var start = ref MemoryMarshal.GetReference(bytes);
        if (length >= 16)
        {
            if (length > ShortLimit || !Vector128.IsHardwareAccelerated)
            {
                return false;
            }

            // 16-byte blocks, the last one overlapping the one before, so no byte past the end is read.
            var any = Vector128<byte>.Zero;
            for (nuint i = 0; i < length - 16; i += 16)
            {
                any |= Vector128.LoadUnsafe(ref start, i);
            }

            any |= Vector128.LoadUnsafe(ref start, length - 16);
            return any.ExtractMostSignificantBits() == 0;
        }

        if (length >= 8)
        {
            return ((Unsafe.ReadUnaligned<ulong>(ref start) | Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - 8))) & 0x8080_8080_8080_8080UL) == 0;
        }

        if (length >= 4)
        {
            return ((Unsafe.ReadUnaligned<uint>(ref start) | Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, length - 4))) & 0x8080_8080u) == 0;
        }

        uint bits = 0;
        for (nuint i = 0; i < length; i++)
        {
            bits |= Unsafe.Add(ref start, i);
        }

        return bits < 0x80;
    }

    /// <summary>The string of ASCII <paramref name="bytes"/>, each byte widened to its character.</summary>
    public static string Widen(ReadOnlySpan<byte> bytes)
    {
        var text = StringAllocator.Allocate(bytes.Length);
        if (bytes.Length != 0)
        {
            WidenInto(bytes, ref StringAllocator.FirstChar(text));
        }

        return text;
    }

    private static void WidenInto(ReadOnlySpan<byte> ascii, ref char chars)
    {
        ref var source = ref MemoryMarshal.GetReference(ascii);
        ref var target = ref Unsafe.As<char, ushort>(ref chars);
        var length = (nuint)ascii.Length;
        nuint i = 0;
        if (length >= 16 && Vector128.IsHardwareAccelerated)
        {
            // 16 bytes to 16 characters a step, the last step overlapping the one before.
            while (true)
            {
                var block = Vector128.LoadUnsafe(ref source, i);
                var (lower, upper) = Vector128.Widen(block);
                lower.StoreUnsafe(ref target, i);
                upper.StoreUnsafe(ref target, i + 8);
                if (i + 16 >= length)
                {
                    return;
                }

                i = Math.Min(i + 16, length - 16);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref target, i) = Unsafe.Add(ref source, i);
        }
    }
}
