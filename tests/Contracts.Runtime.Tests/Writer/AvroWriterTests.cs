using System;
using System.Buffers;
using System.Linq;
using System.Numerics;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Writer;

public sealed class AvroWriterTests
{
    private static readonly Gen<Value> Values = Gen.OneOf(
        Gen.Bool.Select(v => new Value("boolean", v, (ref AvroWriter w) => w.WriteBoolean(v))),
        Generators.AnyInt.Select(v => new Value("int", v, (ref AvroWriter w) => w.WriteInt(v))),
        Generators.AnyLong.Select(v => new Value("long", v, (ref AvroWriter w) => w.WriteLong(v))),
        Generators.AnyFloat.Select(v => new Value("float", v, (ref AvroWriter w) => w.WriteFloat(v))),
        Generators.AnyDouble.Select(v => new Value("double", v, (ref AvroWriter w) => w.WriteDouble(v))),
        Generators.Bytes.Select(v => new Value("bytes", v, (ref AvroWriter w) => w.WriteBytes(v))),
        Generators.UnicodeString.Select(v => new Value("string", v, (ref AvroWriter w) => w.WriteString(v))),
        Generators.Bytes.Select(v => new Value("fixed", v, (ref AvroWriter w) => w.WriteFixed(v, v.Length))),
        Gen.Guid.Select(v => new Value("uuid", v, (ref AvroWriter w) => w.WriteUuid(v))),
        DecimalCase.OnBytes.Select(c => new Value("decimal", c, (ref AvroWriter w) => w.WriteDecimal(c.Value, c.Precision, c.Scale))),
        DecimalCase.OnFixed.Select(c => new Value("decimal fixed", c, (ref AvroWriter w) => w.WriteDecimalFixed(c.Value, c.Precision, c.Scale, c.FixedSize))));

    private delegate void WriteOne(ref AvroWriter writer);

    [Fact]
    public void Output_split_across_tiny_segments_is_byte_for_byte_the_contiguous_output() =>
        Gen.Select(Values.Array[1, 60], Gen.Int).Sample(
            (values, seed) =>
            {
                var contiguous = AvroCodec.Write(values, WriteAll);
                var chunked = new ChunkedBufferWriter(seed);
                AvroCodec.WriteTo(chunked, values, WriteAll);
                Assert.Equal(contiguous, chunked.WrittenBytes);
            },
            iter: 300);

    [Fact]
    public void Small_writes_are_committed_in_chunks_not_one_GetSpan_per_value()
    {
        var values = Enumerable.Range(0, 1000).ToArray();
        var chunked = new ChunkedBufferWriter(seed: 1, maxExtra: 0);
        AvroCodec.WriteTo(chunked, values, (ref AvroWriter w, int[] v) =>
        {
            foreach (var item in v)
            {
                w.WriteInt(item);
            }
        });
        Assert.True(chunked.GetSpanCalls < 20, $"{chunked.GetSpanCalls} GetSpan calls for 1000 ints");
        Assert.Equal(AvroCodec.Write(values, (ref AvroWriter w, int[] v) => { foreach (var item in v) { w.WriteInt(item); } }), chunked.WrittenBytes);
    }

    [Fact]
    public void Nothing_is_committed_before_Flush_and_everything_after()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(output);
        writer.WriteString("hello");
        writer.WriteLong(long.MinValue);
        Assert.Equal(0, output.WrittenCount);
        writer.Flush();
        Assert.Equal(6 + 10, output.WrittenCount);
        writer.Flush();
        Assert.Equal(6 + 10, output.WrittenCount);
    }

    [Fact]
    public void A_buffer_writer_that_returns_less_than_asked_is_reported_not_overrun()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            AvroCodec.WriteTo(new ShortChangingBufferWriter(), 1L, (ref AvroWriter w, long v) => w.WriteLong(v)));
        Assert.Contains("returned 4 bytes where", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_output_is_rejected() =>
        Assert.Throws<ArgumentNullException>(() => new AvroWriter(null!));

    [Fact]
    public void Null_writes_no_bytes() =>
        Assert.Empty(AvroCodec.Write(0, (ref AvroWriter w, int _) => w.WriteNull()));

    [Fact]
    public void Null_string_is_an_encode_error()
    {
        var error = Assert.Throws<ContractEncodeException>(() => AvroCodec.Write<string?>(null, (ref AvroWriter w, string? v) => w.WriteString(v)));
        Assert.Equal(ContractFormat.Avro, error.Format);
        Assert.Contains("null is not allowed here", error.Reason, StringComparison.Ordinal);
        Assert.Contains("at the message root", error.Message, StringComparison.Ordinal);
    }

    // Lone surrogates are spelled {XXXX}: xUnit would replace them with U+FFFD when it serializes theory data.
    [Theory]
    [InlineData("{D800}")]
    [InlineData("{DC00}")]
    [InlineData("a{DBFF}b")]
    [InlineData("surrogate pair reversed {DC00}{D800}")]
    [InlineData("a string longer than twenty-one characters ending in a lone high surrogate {D83D}")]
    [InlineData("{D83D} a string longer than twenty-one characters starting with a lone one")]
    public void Unpaired_surrogate_is_an_encode_error(string spelled)
    {
        var value = System.Text.RegularExpressions.Regex.Replace(spelled, "{([0-9A-F]{4})}", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        Assert.False(value.Contains('{', StringComparison.Ordinal));
        var fromString = Assert.Throws<ContractEncodeException>(() => AvroCodec.Write(value, (ref AvroWriter w, string v) => w.WriteString(v)));
        Assert.Contains("unpaired UTF-16 surrogate", fromString.Reason, StringComparison.Ordinal);
        var fromSpan = Assert.Throws<ContractEncodeException>(() => AvroCodec.Write(value, (ref AvroWriter w, string v) => w.WriteString(v.AsSpan())));
        Assert.Contains("unpaired UTF-16 surrogate", fromSpan.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(5, 4)]
    [InlineData(0, 16)]
    public void Fixed_of_the_wrong_size_is_an_encode_error(int length, int size)
    {
        var error = Assert.Throws<ContractEncodeException>(() => AvroCodec.Write(new byte[length], (ref AvroWriter w, byte[] v) => w.WriteFixed(v, size)));
        Assert.Contains($"fixed value has {length} bytes; the schema requires exactly {size}", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.234", 10, 2, "more than 2 digits after the point")]
    [InlineData("0.001", 3, 2, "more than 2 digits after the point")]
    [InlineData("12345", 4, 0, "has more than 4 digits")]
    [InlineData("100", 4, 2, "has more than 4 digits")]
    [InlineData("-100", 4, 2, "has more than 4 digits")]
    [InlineData("79228162514264337593543950335", 38, 10, "has more than 38 digits")]
    [InlineData("-79228162514264337593543950335", 38, 28, "has more than 38 digits")]
    [InlineData("1", 1, 1, "has more than 1 digits")]
    public void Decimal_that_does_not_fit_precision_and_scale_is_an_encode_error_never_rounded(string text, int precision, int scale, string reason)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var error = Assert.Throws<ContractEncodeException>(() => AvroCodec.Write(value, (ref AvroWriter w, decimal v) => w.WriteDecimal(v, precision, scale)));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Throws<ContractEncodeException>(() => AvroCodec.Write(value, (ref AvroWriter w, decimal v) => w.WriteDecimalFixed(v, precision, scale, 16)));
    }

    [Theory]
    [InlineData("99.99", 4, 2)]
    [InlineData("-99.99", 4, 2)]
    [InlineData("1.5000", 2, 1)] // trailing zeros beyond the scale are not digits lost
    [InlineData("79228162514264337593543950335", 38, 9)]
    [InlineData("0.0000000000000000000000000001", 38, 38)]
    public void Decimal_that_fits_is_written_at_the_schema_scale(string text, int precision, int scale)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var bytes = AvroCodec.Write(value, (ref AvroWriter w, decimal v) => w.WriteDecimal(v, precision, scale));
        Assert.Equal(value, AvroCodec.ReadAll(bytes, (ref AvroReader r) => r.ReadDecimal(scale)));
    }

    [Fact]
    public void Decimal_too_large_for_its_fixed_is_an_encode_error()
    {
        var error = Assert.Throws<ContractEncodeException>(() => AvroCodec.Write(2_147_483_648m, (ref AvroWriter w, decimal v) => w.WriteDecimalFixed(v, 12, 0, 4)));
        Assert.Contains("needs 5 bytes; the fixed holds 4", error.Reason, StringComparison.Ordinal);
        Assert.Equal(4, AvroCodec.Write(-2_147_483_648m, (ref AvroWriter w, decimal v) => w.WriteDecimalFixed(v, 12, 0, 4)).Length);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(39, 2)]
    [InlineData(10, -1)]
    [InlineData(10, 11)]
    public void Decimal_schema_outside_what_the_writer_supports_is_an_argument_error(int precision, int scale) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AvroCodec.Write(1m, (ref AvroWriter w, decimal v) => w.WriteDecimal(v, precision, scale)));

    [Fact]
    public void Any_decimal_is_written_exactly_or_rejected_never_rounded_or_wrapped() =>
        Gen.Select(Gen.Decimal, Gen.Int[1, 38]).SelectMany((value, precision) => Gen.Int[0, precision].Select(scale => (value, precision, scale))).Sample(
            c =>
            {
                var expected = ExactDecimal.Unscaled(c.value, c.scale);
                var fits = expected is { } unscaled && BigInteger.Abs(unscaled) < BigInteger.Pow(10, c.precision);
                if (fits)
                {
                    var bytes = AvroCodec.Write(c.value, (ref AvroWriter w, decimal v) => w.WriteDecimal(v, c.precision, c.scale));
                    var body = AvroCodec.ReadAll(bytes, (ref AvroReader r) => r.ReadBytes());
                    Assert.Equal(expected!.Value, new BigInteger(body, isUnsigned: false, isBigEndian: true));
                    Assert.Equal(expected.Value.GetByteCount(), body.Length);
                }
                else
                {
                    Assert.Throws<ContractEncodeException>(() => AvroCodec.Write(c.value, (ref AvroWriter w, decimal v) => w.WriteDecimal(v, c.precision, c.scale)));
                }
            },
            iter: 2000);

    private static void WriteAll(ref AvroWriter writer, Value[] values)
    {
        foreach (var value in values)
        {
            value.Write(ref writer);
        }
    }

    private sealed record Value(string Kind, object Payload, WriteOne Write)
    {
        public override string ToString() => $"{Kind}: {Payload}";
    }
}
