using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Contracts.Json;
using Xunit;
using static Contracts.Runtime.Tests.Json.JsonTestHelpers;

namespace Contracts.Runtime.Tests.Json;

/// <summary>Every value the JSON helpers write reads back unchanged, and the text is JSON any reader accepts.</summary>
public class JsonPropertyTests
{
    // Scalar values as code points, so surrogates only ever come in pairs.
    private static readonly Gen<string> ValidText = Gen.Frequency(
            (4, Gen.Int[0, 0x7F]),
            (2, Gen.Int[0x80, 0xD7FF]),
            (1, Gen.Int[0xE000, 0xFFFF]),
            (1, Gen.Int[0x10000, 0x10FFFF]),
            (1, Gen.OneOfConst(0x2028, 0x2029, 0x22, 0x5C, 0x7F, 0xFFFD)))
        .Array[0, 40]
        .Select(codePoints =>
        {
            var text = new StringBuilder();
            foreach (var codePoint in codePoints)
            {
                text.Append(char.ConvertFromUtf32(codePoint));
            }

            return text.ToString();
        });

    [Fact]
    public void Strings_round_trip_and_only_the_python_set_is_escaped()
    {
        ValidText.Sample(text =>
        {
            var json = Write(w => JsonFields.WriteString(w, text));
            Assert.Equal(text, Read(json, JsonFields.ReadString));
            Assert.Equal(text, JsonDocument.Parse(json).RootElement.GetString());
            var body = json.Substring(1, json.Length - 2);
            foreach (var c in body)
            {
                Assert.True(c >= 0x20 && c != '\u2028' && c != '\u2029', "unescaped control or line separator in output");
            }

            // Everything outside the escape set is written raw: removing the escapes leaves no backslash sequences behind.
            Assert.Equal(EscapeLikePython(text), body);
        }, iter: 2000);
    }

    [Fact]
    public void Finite_doubles_round_trip_bit_for_bit()
    {
        Gen.Double.Where(double.IsFinite).Sample(value =>
        {
            var json = Write(w => JsonFields.WriteDouble(w, value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(Read(json, JsonFields.ReadDouble)));
            Assert.Equal(value, double.Parse(json, CultureInfo.InvariantCulture));
        }, iter: 5000);
    }

    [Fact]
    public void Finite_floats_round_trip_bit_for_bit()
    {
        Gen.Float.Where(float.IsFinite).Sample(value =>
        {
            var json = Write(w => JsonFields.WriteSingle(w, value));
            Assert.Equal(BitConverter.SingleToInt32Bits(value), BitConverter.SingleToInt32Bits(Read(json, JsonFields.ReadSingle)));
        }, iter: 5000);
    }

    [Fact]
    public void Decimals_within_precision_and_scale_round_trip()
    {
        Gen.Select(Gen.Long, Gen.Int[0, 18]).Sample((unscaled, scale) =>
        {
            var magnitude = (ulong)Math.Abs(unscaled % 1_000_000_000_000_000_000L);
            var value = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, (byte)scale);
            var json = Write(w => JsonFields.WriteDecimal(w, value, 38, scale));
            Assert.Equal(value, Read(json, (ref Utf8JsonReader r) => JsonFields.ReadDecimal(ref r, 38, scale)));
            var text = json.Trim('"');
            Assert.Equal(scale, text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0);
        }, iter: 3000);
    }

    [Fact]
    public void Timestamps_times_and_dates_round_trip_at_their_unit()
    {
        Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks].Sample(ticks =>
        {
            var instant = new DateTimeOffset(ticks, TimeSpan.Zero);
            var micros = ticks - (ticks % 10);
            var millis = ticks - (ticks % TimeSpan.TicksPerMillisecond);
            Assert.Equal(micros, Read(Write(w => JsonFields.WriteTimestampMicros(w, instant)), JsonFields.ReadTimestampMicrosOffset).UtcTicks);
            Assert.Equal(millis, Read(Write(w => JsonFields.WriteTimestampMillis(w, instant)), JsonFields.ReadTimestampMillisOffset).UtcTicks);
            Assert.Equal(micros, Read(Write(w => JsonFields.WriteLocalTimestampMicros(w, new DateTime(ticks))), JsonFields.ReadLocalTimestampMicros).Ticks);
            var time = new TimeOnly(ticks % TimeSpan.TicksPerDay);
            Assert.Equal(time.Ticks - (time.Ticks % 10), Read(Write(w => JsonFields.WriteTimeMicros(w, time)), JsonFields.ReadTimeMicros).Ticks);
            var date = DateOnly.FromDateTime(new DateTime(ticks));
            Assert.Equal(date, Read(Write(w => JsonFields.WriteDate(w, date)), JsonFields.ReadDate));
        }, iter: 3000);
    }

    [Fact]
    public void Bytes_and_uuids_round_trip()
    {
        Gen.Byte.Array[0, 64].Sample(bytes => Assert.Equal(bytes, Read(Write(w => JsonFields.WriteBytes(w, bytes)), JsonFields.ReadBytes)));
        Gen.Guid.Sample(id => Assert.Equal(id, Read(Write(w => JsonFields.WriteUuid(w, id)), JsonFields.ReadUuid)));
    }

    private static string EscapeLikePython(string text)
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
                '\u2028' => "\\u2028",
                '\u2029' => "\\u2029",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
