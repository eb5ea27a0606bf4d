using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using Xunit;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// The read side's own text decoders: short non-ASCII strings are validated and transcoded without
/// <c>Utf8.ToUtf16</c>, and uuid digits are converted 8 at a time. Both must accept exactly what the strict decoders
/// accept and fail everything else with the error the slower path raised: every one- and two-byte sequence, the
/// three- and four-byte leads against every continuation byte, and every byte of real text replaced or cut short,
/// in text short enough for the byte-at-a-time path and long enough for the 8-byte steps.
/// </summary>
public sealed class ReaderTextFastPathTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>ASCII around the sequence under test: none (the byte loop), and enough for 8-byte steps on either side.</summary>
    private static readonly (string Before, string After)[] Surroundings =
    [
        ("", ""),
        ("a", "b"),
        ("abcdefg", ""),
        ("", "abcdefghi"),
        ("abcdefghij", "klmnopqrstu"),
    ];

    /// <summary>Continuation bytes at the edges of the ranges four-byte sequences allow, and bytes that break them.</summary>
    private static readonly byte[] ContinuationEdges = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0];

    /// <summary>Bytes that start, continue, end or break UTF-8 sequences at their edges.</summary>
    private static readonly byte[] EdgeBytes = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF];

    [Fact]
    public void Every_one_and_two_byte_sequence_decodes_or_fails_as_the_strict_decoder_does()
    {
        for (var first = 0; first < 256; first++)
        {
            AssertLikeStrictDecoder([(byte)first]);
            for (var second = 0; second < 256; second++)
            {
                AssertLikeStrictDecoder([(byte)first, (byte)second]);
            }
        }
    }

    [Fact]
    public void Three_byte_leads_against_every_continuation_decode_or_fail_as_the_strict_decoder_does()
    {
        for (var lead = 0xE0; lead <= 0xEF; lead++)
        {
            for (var second = 0; second < 256; second++)
            {
                foreach (var third in EdgeBytes)
                {
                    AssertLikeStrictDecoder([(byte)lead, (byte)second, third]);
                }
            }
        }
    }

    [Fact]
    public void Four_byte_leads_against_every_continuation_decode_or_fail_as_the_strict_decoder_does()
    {
        for (var lead = 0xF0; lead <= 0xFF; lead++)
        {
            for (var second = 0; second < 256; second++)
            {
                AssertLikeStrictDecoder([(byte)lead, (byte)second, 0x80, 0x80]);
                AssertLikeStrictDecoder([(byte)lead, (byte)second, 0xBF, 0xBF]);
            }

            foreach (var second in ContinuationEdges)
            {
                foreach (var third in ContinuationEdges)
                {
                    foreach (var fourth in ContinuationEdges)
                    {
                        AssertLikeStrictDecoder([(byte)lead, second, third, fourth]);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("Zoë Łukasiewicz-Ortega")]
    [InlineData("Kurfürstendamm 195")]
    [InlineData("Leave the parcel with the neighbour at no. 12 — ring twice.")]
    [InlineData("語😀é")]
    [InlineData("ab😀cdefghijklmnop€qrstuvwxyzé")]
    public void Real_text_with_any_byte_replaced_or_cut_short_decodes_or_fails_as_the_strict_decoder_does(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(text, Read(bytes));
        for (var position = 0; position < bytes.Length; position++)
        {
            AssertLikeStrictDecoder(bytes[..position]);
            for (var value = 0; value < 256; value++)
            {
                var changed = (byte[])bytes.Clone();
                changed[position] = (byte)value;
                AssertLikeStrictDecoder(changed);
            }
        }
    }

    [Fact]
    public void Uuid_text_with_any_byte_replaced_reads_as_the_framework_parses_it_or_fails()
    {
        var uuid = Encoding.ASCII.GetBytes("7d5c3a1e-9B2F-4c8e-a6d4-0f1e2d3c4b5a");
        for (var position = 0; position < uuid.Length; position++)
        {
            for (var value = 0; value < 256; value++)
            {
                var changed = (byte[])uuid.Clone();
                changed[position] = (byte)value;
                var input = new byte[] { 0x00, 0x48 }.Concat(changed).ToArray();
                if (IsUuidText(changed))
                {
                    Assert.Equal(input.Length, AvroPrimitives.ReadUuid(input, 1, out var read));
                    Assert.Equal(Guid.ParseExact(Encoding.ASCII.GetString(changed), "D"), read);
                }
                else
                {
                    var error = Assert.Throws<ContractDecodeException>(() => AvroPrimitives.ReadUuid(input, 1, out _));
                    Assert.Equal(1L, error.Offset);
                    Assert.Equal("the uuid is not in the 36-character form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.", error.Reason);
                }
            }
        }
    }

    [Fact]
    public void Uuid_digits_of_every_value_in_every_position_read_back()
    {
        foreach (var digit in "0123456789abcdefABCDEF")
        {
            foreach (var position in Enumerable.Range(0, 36).Where(p => p is not (8 or 13 or 18 or 23)))
            {
                var text = new StringBuilder("00000000-0000-0000-0000-000000000000") { [position] = digit }.ToString();
                var input = new byte[] { 0x48 }.Concat(Encoding.ASCII.GetBytes(text)).ToArray();
                Assert.Equal(input.Length, AvroPrimitives.ReadUuid(input, 0, out var read));
                Assert.Equal(Guid.ParseExact(text, "D"), read);
            }
        }
    }

    private static bool IsUuidText(byte[] text) =>
        text.Select((b, i) => i is 8 or 13 or 18 or 23 ? b == (byte)'-' : char.IsAsciiHexDigit((char)b)).All(ok => ok);

    /// <summary>Reads <paramref name="sequence"/> in every surrounding as an Avro string and compares with the strict decoder.</summary>
    private static void AssertLikeStrictDecoder(byte[] sequence)
    {
        foreach (var (before, after) in Surroundings)
        {
            var text = Encoding.ASCII.GetBytes(before).Concat(sequence).Concat(Encoding.ASCII.GetBytes(after)).ToArray();
            string? expected;
            try
            {
                expected = StrictUtf8.GetString(text);
            }
            catch (DecoderFallbackException)
            {
                expected = null;
            }

            if (expected is not null)
            {
                Assert.Equal(expected, Read(text));
                continue;
            }

            var input = Prefixed(text);
            var error = Assert.Throws<ContractDecodeException>(() => AvroPrimitives.ReadString(input, 1, out _));
            Assert.Equal(1L, error.Offset);
            Assert.Equal("the string is not valid UTF-8.", error.Reason);
            Assert.IsType<DecoderFallbackException>(error.InnerException);
        }
    }

    private static string Read(byte[] text)
    {
        var input = Prefixed(text);
        Assert.Equal(input.Length, AvroPrimitives.ReadString(input, 1, out var value));
        return value;
    }

    /// <summary>A byte before the string (so its offset is 1), its length prefix, then <paramref name="text"/>.</summary>
    private static byte[] Prefixed(byte[] text)
    {
        var input = new List<byte> { 0x02 };
        input.AddRange(AvroCodec.Write((long)text.Length, (ref AvroWriter w, long length) => w.WriteLong(length)));
        input.AddRange(text);
        return input.ToArray();
    }
}
