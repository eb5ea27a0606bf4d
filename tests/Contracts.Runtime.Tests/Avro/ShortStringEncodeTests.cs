using System;
using System.Linq;
using System.Text;
using Contracts.Avro;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// The short-string write path after its leading ASCII run (<c>Utf8Encoder.EncodeRest</c>, which replaced
/// <c>Utf8.FromUtf16</c>): every UTF-16 code unit that is not a surrogate, surrogate pairs, unpaired surrogates at
/// every position, and byte lengths on both sides of the one-byte length prefix, against <see cref="Encoding.UTF8"/>.
/// Written through <see cref="AvroPrimitives.WriteString(Span{byte}, int, string?)"/>, the entry generated code calls.
/// </summary>
public sealed class ShortStringEncodeTests
{
    [Fact]
    public void Every_non_surrogate_character_after_an_ASCII_run_and_before_ASCII_encodes_like_Encoding_UTF8()
    {
        // Each character behind 0, 3 and 9 ASCII characters (the rest starts at it) and followed by 0, 1 and 5
        // ASCII characters (the 4-character ASCII steps and the single ones after it).
        for (var c = 0x80; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var ch = ((char)c).ToString();
            AssertWritesLikeUtf8(ch);
            AssertWritesLikeUtf8("abc" + ch + "d");
            AssertWritesLikeUtf8("abcdefghi" + ch + "jklmn");
        }
    }

    [Fact]
    public void Every_boundary_of_the_one_two_and_three_byte_forms_encodes_like_Encoding_UTF8()
    {
        char[] edges = ['\u0000', '\u007F', '\u0080', '\u07FF', '\u0800', '\uD7FF', '\uE000', '\uFFFF'];
        foreach (var a in edges)
        {
            foreach (var b in edges)
            {
                // A non-ASCII character first so the rest encoder sees both edges, in every order.
                AssertWritesLikeUtf8("é" + a + b);
                AssertWritesLikeUtf8("x€" + a + "yz" + b + "0123");
            }
        }
    }

    [Fact]
    public void Surrogate_pairs_of_every_high_and_every_low_surrogate_encode_like_Encoding_UTF8()
    {
        for (var high = 0xD800; high <= 0xDBFF; high++)
        {
            foreach (var low in new[] { 0xDC00, 0xDE00, 0xDFFF })
            {
                var pair = new string([(char)high, (char)low]);
                AssertWritesLikeUtf8(pair);
                AssertWritesLikeUtf8("ab" + pair + "cdefg" + pair);
            }
        }

        for (var low = 0xDC00; low <= 0xDFFF; low++)
        {
            foreach (var high in new[] { 0xD800, 0xD83D, 0xDBFF })
            {
                AssertWritesLikeUtf8("é" + new string([(char)high, (char)low]) + "x");
            }
        }
    }

    [Fact]
    public void An_unpaired_surrogate_at_every_position_of_short_text_is_the_same_encode_error()
    {
        foreach (var lone in new[] { '\uD800', '\uDBFF', '\uDC00', '\uDFFF' })
        {
            for (var length = 1; length <= 64; length++)
            {
                for (var position = 0; position < length; position++)
                {
                    // Plain ASCII around it, and text that already left the ASCII run before it.
                    var ascii = new string('a', length).ToCharArray();
                    ascii[position] = lone;
                    AssertUnpairedSurrogate(new string(ascii));

                    var accented = new string('ł', length).ToCharArray();
                    accented[position] = lone;
                    AssertUnpairedSurrogate(new string(accented));
                }
            }
        }

        // A high surrogate followed by another high one, by ASCII, by a non-ASCII character, or last after a pair.
        AssertUnpairedSurrogate("é\uD83D\uD83D\uDE00");
        AssertUnpairedSurrogate("é\uD83Dabcd");
        AssertUnpairedSurrogate("é\uD83Dé");
        AssertUnpairedSurrogate("é\uD83D\uDE00\uD83D");
        AssertUnpairedSurrogate("é\uDE00\uD83D");
    }

    [Fact]
    public void ASCII_runs_of_every_length_between_and_after_non_ASCII_characters_encode_like_Encoding_UTF8()
    {
        // The rest encoder copies ASCII 8 characters a step and takes fewer than 8 at the end from the text's last 8:
        // two non-ASCII characters at every pair of positions in text of 1 to 40 characters cover every run length
        // before, between and after them, and every overlap of that last step with encoded characters.
        foreach (var (first, second) in new[] { ("é", "ł"), ("€", "—"), ("😀", "é"), ("\u0080", "\uFFFF") })
        {
            for (var length = 1; length <= 40; length++)
            {
                for (var p = 0; p < length; p++)
                {
                    for (var q = p; q < length; q++)
                    {
                        var text = new System.Text.StringBuilder(new string('a', length));
                        text.Remove(q, 1).Insert(q, second);
                        if (q != p)
                        {
                            text.Remove(p, 1).Insert(p, first);
                        }

                        AssertWritesLikeUtf8(text.ToString());
                    }
                }
            }
        }
    }

    [Fact]
    public void Random_short_text_mixing_ASCII_with_every_kind_of_character_encodes_like_Encoding_UTF8()
    {
        // Mostly ASCII with one- to four-byte characters sprinkled in, 1 to 63 characters, as names and notes are.
        var character = Gen.Frequency(
            (12, Gen.Char['\u0000', '\u007F'].Select(c => c.ToString())),
            (2, Gen.Char['\u0080', '\u07FF'].Select(c => c.ToString())),
            (2, Gen.Char['\u0800', '\uD7FF'].Select(c => c.ToString())),
            (1, Gen.Char['\uE000', '\uFFFF'].Select(c => c.ToString())),
            (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));
        character.Array[1, 63].Select(string.Concat).Where(t => t.Length <= 63).Sample(AssertWritesLikeUtf8, iter: 20_000);
    }

    [Fact]
    public void Byte_lengths_around_the_one_byte_prefix_limit_encode_like_Encoding_UTF8()
    {
        // 63 bytes is the last length with a one-byte prefix; text of at most 63 characters that grows past it is
        // moved up by one for a two-byte prefix.
        foreach (var tail in new[] { "é", "€", "😀" })
        {
            for (var bytes = 55; bytes <= 70; bytes++)
            {
                var asciiCount = bytes - Encoding.UTF8.GetByteCount(tail);
                foreach (var split in new[] { 0, 1, asciiCount / 2, asciiCount })
                {
                    var text = new string('a', split) + tail + new string('b', asciiCount - split);
                    if (text.Length <= 63)
                    {
                        AssertWritesLikeUtf8(text);
                    }
                }
            }

            for (var count = 1; count <= 63 / tail.Length; count++)
            {
                AssertWritesLikeUtf8("a" + string.Concat(Enumerable.Repeat(tail, count)));
            }
        }
    }

    private static void AssertWritesLikeUtf8(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var expected = Prefix(utf8.Length).Concat(utf8).ToArray();

        // Garbage around the value: the writer must neither read it nor leave it in the output.
        var buffer = new byte[4 + AvroPrimitives.MaxStringSize(text) + 4];
        buffer.AsSpan().Fill(0xEE);
        var end = AvroPrimitives.WriteString(buffer, 4, text);
        Assert.Equal(expected, buffer.AsSpan(4, end - 4).ToArray());

        // Bytes past the value may be overwritten up to its bound, never beyond it, even with room there.
        Assert.All(buffer[..4], b => Assert.Equal(0xEE, b));
        Assert.All(buffer[(4 + (int)AvroPrimitives.MaxStringSize(text))..], b => Assert.Equal(0xEE, b));
    }

    private static void AssertUnpairedSurrogate(string text)
    {
        var buffer = new byte[AvroPrimitives.MaxStringSize(text)];
        var error = Assert.Throws<ContractEncodeException>(() => AvroPrimitives.WriteString(buffer, 0, text));
        Assert.Contains("unpaired UTF-16 surrogate", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Prefix(int length) =>
        length <= 63 ? [(byte)(length << 1)] : [(byte)((length << 1) | 0x80), (byte)((length << 1) >> 7)];
}
