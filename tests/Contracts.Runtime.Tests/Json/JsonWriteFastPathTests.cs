using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Contracts.Json;
using CsCheck;
using Xunit;
using static Contracts.Runtime.Tests.Json.JsonTestHelpers;

namespace Contracts.Runtime.Tests.Json;

/// <summary>
/// The JSON writer's fast paths against independent references: short doubles (at most seven decimals) against .NET's
/// shortest round-trip text, 64-bit decimals against fixed-point formatting, the vectorized escape scans against a
/// scalar reading of the escaping rules, and the property-name overloads against WritePropertyName + value.
/// </summary>
public sealed class JsonWriteFastPathTests
{
    private static readonly double[] Scales = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

    // Decimals a short fraction away from whole numbers, the doubles messages mostly carry, over the whole fast range.
    private static readonly Gen<double> ShortDoubles =
        Gen.Select(Gen.Long[-99_999_999_999_999, 99_999_999_999_999], Gen.Int[0, Scales.Length - 1], (units, scale) => units / Scales[scale]);

    [Fact]
    public void Short_doubles_have_the_shortest_round_trip_digits_in_python_layout()
    {
        ShortDoubles.Sample(value => Assert.Equal(PythonReference(value), Write(w => JsonFields.WriteDouble(w, value))), iter: 20000);
    }

    [Fact]
    public void Doubles_at_the_fast_path_edges_have_the_shortest_round_trip_digits()
    {
        double[] edges =
        [
            1e-4, 1.0000000000000002e-4, 9.999999999999999e-5, 1e14, 99999999999999.98, 1e14 + 0.015625, 1e15, 0.1, 0.2,
            0.1 + 0.2, 1.0 / 3, 2.0 / 3, 19.99, 249.5, 7.25, 899.0, 6.49, 0.5, 1.5, 2.5, 1e7 + 0.5, 123456.7890123,
            9007199254740992.0, 4503599627370496.5, 0.00012345, 0.0001234567891, 5e-324, double.MaxValue, double.Epsilon,
        ];
        foreach (var magnitude in edges)
        {
            foreach (var value in new[] { magnitude, -magnitude, Math.BitIncrement(magnitude), Math.BitDecrement(magnitude) }.Where(double.IsFinite))
            {
                Assert.Equal(PythonReference(value), Write(w => JsonFields.WriteDouble(w, value)));
            }
        }
    }

    [Fact]
    public void Random_doubles_keep_python_layout_and_round_trip()
    {
        Gen.Double[-1e15, 1e15].Sample(value =>
        {
            var json = Write(w => JsonFields.WriteDouble(w, value));
            Assert.Equal(PythonReference(value), json);
            Assert.Equal(value, double.Parse(json, CultureInfo.InvariantCulture));
        }, iter: 20000);
    }

    [Fact]
    public void Decimals_write_as_fixed_point_with_the_schema_scale()
    {
        Gen.Select(Gen.Long, Gen.Int[0, 18], Gen.Int[0, 10]).Sample((units, valueScale, extraScale) =>
        {
            var magnitude = (ulong)Math.Abs(units % 1_000_000_000_000_000_000);
            var value = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, (byte)valueScale);
            var scale = Math.Min(valueScale + extraScale, 28);
            Assert.Equal(
                "\"" + value.ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "\"",
                Write(w => JsonFields.WriteDecimal(w, value, 38, scale)));
        }, iter: 20000);
    }

    [Theory]
    [InlineData("0", 18, 2, "\"0.00\"")]
    [InlineData("-0.00", 18, 2, "\"0.00\"")]
    [InlineData("-0.05", 18, 2, "\"-0.05\"")]
    [InlineData("1289.45", 18, 2, "\"1289.45\"")]
    [InlineData("7", 1, 0, "\"7\"")]
    [InlineData("9223372036854775807", 19, 0, "\"9223372036854775807\"")]
    [InlineData("-9223372036854775808", 19, 0, "\"-9223372036854775808\"")]
    [InlineData("92233720368547758.08", 38, 2, "\"92233720368547758.08\"")]
    [InlineData("79228162514264337593543950335", 38, 0, "\"79228162514264337593543950335\"")]
    [InlineData("0.0000000000000000000000000001", 38, 28, "\"0.0000000000000000000000000001\"")]
    public void Decimals_on_either_side_of_the_64_bit_path_write_every_digit(string text, int precision, int scale, string expected)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(expected, Write(w => JsonFields.WriteDecimal(w, value, precision, scale)));
    }

    [Theory]
    [InlineData("100.00", 4, 2)]
    [InlineData("0.005", 18, 2)]
    [InlineData("-99999999999999999.991", 19, 2)]
    public void Decimals_that_do_not_fit_still_throw(string text, int precision, int scale)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteDecimal(w, value, precision, scale)));
    }

    [Fact]
    public void Every_special_character_at_every_position_around_the_vector_blocks_escapes_like_python()
    {
        string[] specials = ["\"", "\\", "\n", "\u0001", "\u001f", "\u0020", "\u007f", "\u2028", "\u2029", "\u2027", "\u202a", "é", "\ud7ff", "\ue000", "\uffff", "😀"];
        foreach (var length in Enumerable.Range(1, 40))
        {
            var plain = new string('a', length);
            Assert.Equal(plain, LogpipeJsonEncoder.Instance.Encode(plain));
            foreach (var special in specials)
            {
                foreach (var position in Enumerable.Range(0, length))
                {
                    var text = plain.Remove(position, 1).Insert(position, special);
                    Assert.Equal(EscapeReference(text), LogpipeJsonEncoder.Instance.Encode(text));
                    var utf8 = Encoding.UTF8.GetBytes(text);
                    Assert.Equal(FirstEscapedByteReference(utf8), LogpipeJsonEncoder.Instance.FindFirstCharacterToEncodeUtf8(utf8));
                }
            }
        }
    }

    [Fact]
    public void Unpaired_surrogates_at_every_position_are_refused()
    {
        foreach (var length in Enumerable.Range(1, 40))
        {
            foreach (var position in Enumerable.Range(0, length))
            {
                foreach (var surrogate in new[] { "\ud800", "\udfff", "\udc00\ud800" })
                {
                    var text = new string('a', length).Remove(position, 1).Insert(position, surrogate);
                    Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteString(w, text)));
                }
            }
        }
    }

    [Fact]
    public void Invalid_and_escaped_utf8_is_found_where_a_scalar_scan_finds_it()
    {
        Gen.Byte.Array[0, 48].Sample(bytes =>
        {
            // Mostly printable ASCII, so the interesting byte lands in different vector lanes and blocks.
            var text = bytes.Select(b => b < 200 ? (byte)('a' + (b % 26)) : b).ToArray();
            Assert.Equal(FirstEscapedByteReference(text), LogpipeJsonEncoder.Instance.FindFirstCharacterToEncodeUtf8(text));
        }, iter: 20000);
    }

    [Fact]
    public void Property_overloads_write_what_the_name_and_value_calls_write()
    {
        var name = JsonEncodedText.Encode("field");
        var guid = Guid.Parse("7d5c3a1e-9b2f-4c8e-a6d4-0f1e2d3c4b5a");
        var instant = new DateTimeOffset(2026, 11, 23, 10, 15, 30, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        var local = new DateTime(2026, 11, 23, 10, 15, 30, 123, DateTimeKind.Unspecified).AddTicks(4567);
        byte[] bytes = [1, 2, 3, 250];
        (Action<Utf8JsonWriter> Property, Action<Utf8JsonWriter> Value)[] pairs =
        [
            (w => JsonFields.WriteString(w, name, "Zoë \"q\" \u2028"), w => JsonFields.WriteString(w, "Zoë \"q\" \u2028")),
            (w => JsonFields.WriteUuid(w, name, guid), w => JsonFields.WriteUuid(w, guid)),
            (w => JsonFields.WriteBytes(w, name, bytes), w => JsonFields.WriteBytes(w, bytes)),
            (w => JsonFields.WriteBytes(w, name, bytes.AsSpan()), w => JsonFields.WriteBytes(w, bytes.AsSpan())),
            (w => JsonFields.WriteFixed(w, name, bytes, 4), w => JsonFields.WriteFixed(w, bytes, 4)),
            (w => JsonFields.WriteFixed(w, name, bytes.AsSpan(), 4), w => JsonFields.WriteFixed(w, bytes.AsSpan(), 4)),
            (w => JsonFields.WriteDouble(w, name, 1e16), w => JsonFields.WriteDouble(w, 1e16)),
            (w => JsonFields.WriteDouble(w, name, 19.99), w => JsonFields.WriteDouble(w, 19.99)),
            (w => JsonFields.WriteSingle(w, name, 0.1f), w => JsonFields.WriteSingle(w, 0.1f)),
            (w => JsonFields.WriteDecimal(w, name, 12.5m, 10, 3), w => JsonFields.WriteDecimal(w, 12.5m, 10, 3)),
            (w => JsonFields.WriteDate(w, name, new DateOnly(2026, 2, 28)), w => JsonFields.WriteDate(w, new DateOnly(2026, 2, 28))),
            (w => JsonFields.WriteTimeMillis(w, name, TimeOnly.FromDateTime(local)), w => JsonFields.WriteTimeMillis(w, TimeOnly.FromDateTime(local))),
            (w => JsonFields.WriteTimeMicros(w, name, TimeOnly.FromDateTime(local)), w => JsonFields.WriteTimeMicros(w, TimeOnly.FromDateTime(local))),
            (w => JsonFields.WriteTimestampMillis(w, name, instant), w => JsonFields.WriteTimestampMillis(w, instant)),
            (w => JsonFields.WriteTimestampMicros(w, name, instant), w => JsonFields.WriteTimestampMicros(w, instant)),
            (w => JsonFields.WriteTimestampMillis(w, name, local), w => JsonFields.WriteTimestampMillis(w, local)),
            (w => JsonFields.WriteTimestampMicros(w, name, local), w => JsonFields.WriteTimestampMicros(w, local)),
            (w => JsonFields.WriteLocalTimestampMillis(w, name, local), w => JsonFields.WriteLocalTimestampMillis(w, local)),
            (w => JsonFields.WriteLocalTimestampMicros(w, name, local), w => JsonFields.WriteLocalTimestampMicros(w, local)),
            (w => JsonFields.WriteLocalTimestampMillis(w, name, instant), w => JsonFields.WriteLocalTimestampMillis(w, instant)),
            (w => JsonFields.WriteLocalTimestampMicros(w, name, instant), w => JsonFields.WriteLocalTimestampMicros(w, instant)),
        ];
        foreach (var (property, value) in pairs)
        {
            var expected = Write(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName(name);
                value(w);
                w.WriteEndObject();
            });
            Assert.Equal(expected, Write(w =>
            {
                w.WriteStartObject();
                property(w);
                w.WriteEndObject();
            }));
        }
    }

    [Fact]
    public void Property_overloads_refuse_what_the_value_writers_refuse()
    {
        var name = JsonEncodedText.Encode("field");
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteString(w, name, null)));
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteString(w, name, "\ud800")));
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteBytes(w, name, (byte[]?)null)));
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteFixed(w, name, (byte[]?)null, 2)));
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteFixed(w, name, new byte[3], 2)));
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteDouble(w, name, double.NaN)));
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteSingle(w, name, float.PositiveInfinity)));
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteDecimal(w, name, 1.005m, 10, 2)));
    }

    // Python's repr(float) from .NET's shortest round-trip text: positional from 1e-4 up to 1e16 (".0" on whole numbers).
    private static string PythonReference(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e15)
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            Assert.DoesNotContain("E", text, StringComparison.Ordinal);
            return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
        }

        // Outside the positional range the slow path is the reference (covered by the Python vectors).
        var json = Write(w => JsonFields.WriteDouble(w, value));
        Assert.Equal(value, double.Parse(json, CultureInfo.InvariantCulture));
        return json;
    }

    private static string EscapeReference(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                _ when c < 0x20 || c == '\u2028' || c == '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    // The byte index of the first character the encoder must handle: one it escapes, or the start of invalid UTF-8.
    private static int FirstEscapedByteReference(byte[] utf8)
    {
        var index = 0;
        while (index < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done ||
                LogpipeJsonEncoder.Instance.WillEncode(rune.Value))
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }
}
