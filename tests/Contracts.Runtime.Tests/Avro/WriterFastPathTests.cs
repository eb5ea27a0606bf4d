using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// The writer's fast paths (single-pass UTF-8 with a guessed length prefix, 64-bit decimals) against independent
/// references: <see cref="Encoding.UTF8"/> and <see cref="BigInteger"/>. The boundaries they branch on (16- and
/// 8-character vector blocks, 63-byte one-byte prefixes, the 2730-character single-pass limit, 64-bit unscaled
/// values) are each crossed on purpose.
/// </summary>
public sealed class WriterFastPathTests
{
    private static readonly string[] NonAscii = ["é", "€", "😀", "\u07FF", "\u0800", "\uFFFD"];

    [Fact]
    public void Every_length_around_the_vector_and_prefix_boundaries_encodes_like_Encoding_UTF8()
    {
        foreach (var length in Enumerable.Range(0, 80).Concat(Enumerable.Range(2700, 40)))
        {
            var ascii = new string('a', length);
            AssertEncodesLikeUtf8(ascii);
            if (length == 0)
            {
                continue;
            }

            foreach (var special in NonAscii)
            {
                // The non-ASCII text at the start, at every position of the first 40, and at the end.
                foreach (var position in Enumerable.Range(0, Math.Min(length, 40)).Append(length - 1))
                {
                    AssertEncodesLikeUtf8(ascii.Remove(position, 1).Insert(position, special));
                }
            }
        }
    }

    [Fact]
    public void Mostly_non_ASCII_text_that_outgrows_a_one_byte_prefix_encodes_like_Encoding_UTF8()
    {
        for (var length = 15; length <= 70; length++)
        {
            AssertEncodesLikeUtf8(string.Concat(Enumerable.Repeat("ł", length)));
            AssertEncodesLikeUtf8(string.Concat(Enumerable.Repeat("語", length)));
            AssertEncodesLikeUtf8(string.Concat(Enumerable.Repeat("😀", length)));
        }
    }

    [Fact]
    public void Random_text_of_any_length_encodes_like_Encoding_UTF8()
    {
        Gen.Frequency(
                (3, Generators.CodePoint.Array[0, 70]),
                (1, Generators.CodePoint.Array[70, 3000]))
            .Select(string.Concat)
            .Sample(AssertEncodesLikeUtf8, iter: 600);
    }

    // Cases are passed by index: attribute arguments and xUnit's test-case serialization both store strings as
    // UTF-8, which would turn a lone surrogate into U+FFFD.
    private static readonly string[] UnpairedSurrogates =
    [
        "\uD800",
        "\uDC00",
        "abc\uD83D",
        "\uD83Dabc",
        "abc\uDE00def",
        "\uDC00\uDC00x",
        "0123456789abcdef\uD83D0123456789abcdef",
        "0123456789abcde\uD83D\uD83D\uDE00",
    ];

    public static TheoryData<int> UnpairedSurrogateCases() => new(Enumerable.Range(0, UnpairedSurrogates.Length));

    [Theory]
    [MemberData(nameof(UnpairedSurrogateCases))]
    public void An_unpaired_surrogate_anywhere_is_an_encode_error(int index)
    {
        var text = UnpairedSurrogates[index];
        foreach (var padded in new[] { text, text + new string('x', 3000), new string('x', 3000) + text })
        {
            var error = Assert.Throws<ContractEncodeException>(() => AvroCodec.Write(padded, (ref AvroWriter w, string v) => w.WriteString(v)));
            Assert.Contains("unpaired UTF-16 surrogate", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0", 18, 2)]
    [InlineData("-0.00", 18, 2)]
    [InlineData("1289.45", 18, 2)]
    [InlineData("-1289.4", 18, 2)]
    [InlineData("1.27", 3, 2)]
    [InlineData("1.28", 3, 2)]
    [InlineData("-1.28", 3, 2)]
    [InlineData("-1.29", 3, 2)]
    [InlineData("9999999999999999.99", 18, 2)]
    [InlineData("-9999999999999999.99", 18, 2)]
    [InlineData("92233720368547758.07", 19, 2)]
    [InlineData("92233720368547758.08", 19, 2)]
    [InlineData("-92233720368547758.08", 19, 2)]
    [InlineData("-92233720368547758.09", 19, 2)]
    [InlineData("18446744073709551615", 29, 0)]
    [InlineData("18446744073709551616", 29, 0)]
    [InlineData("79228162514264337593543950335", 29, 0)]
    [InlineData("1.5", 38, 28)]
    [InlineData("123.000", 10, 1)]
    [InlineData("922337203685477.5807", 19, 4)]
    [InlineData("922337203685477.5808", 19, 4)]
    [InlineData("-922337203685477.5808", 19, 4)]
    [InlineData("-922337203685477.5809", 19, 4)]
    [InlineData("92233720368547758.0", 19, 2)]
    [InlineData("92233720368547758.1", 19, 2)]
    [InlineData("-92233720368547758.1", 19, 2)]
    [InlineData("922337203685477580", 38, 1)]
    [InlineData("922337203685477581", 38, 1)]
    [InlineData("1844674407370955161.5", 38, 3)]
    [InlineData("18446744073709551615", 38, 5)]
    [InlineData("-1844674407370955161.5", 38, 6)]
    [InlineData("1", 38, 18)]
    [InlineData("10", 38, 18)]
    [InlineData("0.0000000000000000000000000001", 38, 28)]
    public void Decimals_on_both_sides_of_64_bits_encode_as_minimal_twos_complement_and_read_back(string text, int precision, int scale)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        var written = AvroCodec.Write(value, (ref AvroWriter w, decimal v) => w.WriteDecimal(v, precision, scale));

        var unscaled = UnscaledOf(value, scale);
        var expectedBytes = unscaled.ToByteArray(isUnsigned: false, isBigEndian: true);
        Assert.Equal(Length(expectedBytes.Length).Concat(expectedBytes).ToArray(), written);

        var read = AvroCodec.ReadAll(written, (ref AvroReader r) => r.ReadDecimal(scale));
        Assert.Equal(value, read);
        Assert.Equal(scale, read.Scale);
    }

    [Theory]
    [InlineData("1000", 3, 0)]
    [InlineData("-1000", 3, 0)]
    [InlineData("10.00", 3, 2)]
    [InlineData("9999999999999999999", 18, 0)]
    [InlineData("1.234", 10, 2)]
    public void Decimals_beyond_precision_or_scale_are_encode_errors(string text, int precision, int scale)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        Assert.Throws<ContractEncodeException>(() => AvroCodec.Write(value, (ref AvroWriter w, decimal v) => w.WriteDecimal(v, precision, scale)));
    }

    [Fact]
    public void Random_decimals_encode_as_BigInteger_says()
    {
        Gen.Select(Gen.Long, Gen.Int[0, 12], Gen.Int[0, 6])
            .Sample(
                sample =>
                {
                    var (mantissa, valueScale, extraScale) = sample;
                    var value = new decimal(mantissa) / (decimal)Math.Pow(10, valueScale);
                    var scale = Math.Min(28, valueScale + extraScale);
                    var written = AvroCodec.Write(value, (ref AvroWriter w, decimal v) => w.WriteDecimal(v, 38, scale));
                    var expectedBytes = UnscaledOf(value, scale).ToByteArray(isUnsigned: false, isBigEndian: true);
                    Assert.Equal(Length(expectedBytes.Length).Concat(expectedBytes).ToArray(), written);
                    Assert.Equal(value, AvroCodec.ReadAll(written, (ref AvroReader r) => r.ReadDecimal(scale)));
                },
                iter: 2000);
    }

    private static void AssertEncodesLikeUtf8(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var expected = Length(utf8.Length).Concat(utf8).ToArray();
        Assert.Equal(expected, AvroCodec.Write(text, (ref AvroWriter w, string v) => w.WriteString(v)));
        Assert.Equal(text, AvroCodec.ReadAll(expected, (ref AvroReader r) => r.ReadString()));
    }

    private static BigInteger UnscaledOf(decimal value, int scale)
    {
        var bits = decimal.GetBits(value);
        var magnitude = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | (uint)bits[0];
        var valueScale = (bits[3] >> 16) & 0xFF;
        magnitude = scale >= valueScale
            ? magnitude * BigInteger.Pow(10, scale - valueScale)
            : magnitude / BigInteger.Pow(10, valueScale - scale);
        return bits[3] < 0 ? -magnitude : magnitude;
    }

    /// <summary>The Avro zig-zag varint of a length.</summary>
    private static byte[] Length(long length)
    {
        var zigZag = (ulong)(length << 1);
        var bytes = new System.Collections.Generic.List<byte>();
        while (zigZag >= 0x80)
        {
            bytes.Add((byte)(zigZag | 0x80));
            zigZag >>= 7;
        }

        bytes.Add((byte)zigZag);
        return bytes.ToArray();
    }
}
