using System;
using System.Linq;
using Contracts.Json;
using Xunit;
using static Contracts.Runtime.Tests.Json.JsonTestHelpers;

namespace Contracts.Runtime.Tests.Json;

/// <summary>Byte-for-byte agreement with what Python 3 / Django REST Framework write (vectors in Python/PythonVectors.g.cs).</summary>
public class JsonPythonCompatibilityTests
{
    public static TheoryData<int> StringCases => new(Enumerable.Range(0, PythonVectors.Strings.Length));

    [Theory]
    [MemberData(nameof(StringCases))]
    public void Strings_are_escaped_as_drf_escapes_them(int index)
    {
        var (text, json) = PythonVectors.Strings[index];

        Assert.Equal(json, Write(w => JsonFields.WriteString(w, text)));
        Assert.Equal(text, Read(json, JsonFields.ReadString));
    }

    [Fact]
    public void Map_keys_and_the_utf8_path_escape_the_same_way()
    {
        foreach (var (text, json) in PythonVectors.Strings)
        {
            Assert.Equal("{" + json + ":1}", Write(w =>
            {
                w.WriteStartObject();
                JsonFields.WriteMapKey(w, text);
                w.WriteNumberValue(1);
                w.WriteEndObject();
            }));
            Assert.Equal(json, Write(w => w.WriteStringValue(System.Text.Encoding.UTF8.GetBytes(text))));
        }
    }

    [Fact]
    public void Doubles_are_written_as_python_repr()
    {
        foreach (var (bits, repr) in PythonVectors.Doubles)
        {
            var value = BitConverter.Int64BitsToDouble(bits);
            Assert.Equal(repr, Write(w => JsonFields.WriteDouble(w, value)));
            Assert.Equal(bits, BitConverter.DoubleToInt64Bits(Read(repr, JsonFields.ReadDouble)));
        }
    }

    [Theory]
    [InlineData(0.1f, "0.1")]
    [InlineData(1f, "1.0")]
    [InlineData(-2.5f, "-2.5")]
    [InlineData(16777216f, "16777216.0")]
    [InlineData(1e20f, "1e+20")]
    [InlineData(1.5e-7f, "1.5e-07")]
    [InlineData(3.4028235e38f, "3.4028235e+38")]
    [InlineData(1e-45f, "1e-45")]
    public void Floats_use_their_own_shortest_digits_in_python_layout(float value, string expected)
    {
        Assert.Equal(expected, Write(w => JsonFields.WriteSingle(w, value)));
        Assert.Equal(value, Read(expected, JsonFields.ReadSingle));
    }

    [Fact]
    public void Timestamps_are_written_as_drf_datetime_fields()
    {
        foreach (var (micros, utc, naive) in PythonVectors.Timestamps)
        {
            var ticks = DateTime.UnixEpoch.Ticks + (micros * 10);
            var instant = new DateTimeOffset(ticks, TimeSpan.Zero);
            Assert.Equal("\"" + utc + "\"", Write(w => JsonFields.WriteTimestampMicros(w, instant)));
            Assert.Equal("\"" + utc + "\"", Write(w => JsonFields.WriteTimestampMicros(w, instant.ToOffset(TimeSpan.FromHours(-5)))));
            Assert.Equal("\"" + utc + "\"", Write(w => JsonFields.WriteTimestampMicros(w, new DateTime(ticks, DateTimeKind.Utc))));
            Assert.Equal("\"" + naive + "\"", Write(w => JsonFields.WriteLocalTimestampMicros(w, new DateTime(ticks, DateTimeKind.Unspecified))));
            Assert.Equal(instant, Read("\"" + utc + "\"", JsonFields.ReadTimestampMicrosOffset));
            Assert.Equal(new DateTime(ticks, DateTimeKind.Utc), Read("\"" + utc + "\"", JsonFields.ReadTimestampMicros));
            Assert.Equal(new DateTime(ticks), Read("\"" + naive + "\"", JsonFields.ReadLocalTimestampMicros));
        }
    }

    [Fact]
    public void Timestamp_millis_drop_sub_millisecond_digits_as_avro_does()
    {
        var value = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_567);

        Assert.Equal("\"2024-01-02T03:04:05.123000Z\"", Write(w => JsonFields.WriteTimestampMillis(w, value)));
        Assert.Equal("\"2024-01-02T03:04:05Z\"", Write(w => JsonFields.WriteTimestampMillis(w, value.AddTicks(-1_234_567 + 9_999))));
        Assert.Equal(
            new DateTimeOffset(2024, 1, 2, 3, 4, 5, 123, TimeSpan.Zero),
            Read("\"2024-01-02T03:04:05.123999Z\"", JsonFields.ReadTimestampMillisOffset));
    }

    [Fact]
    public void Times_and_dates_are_written_as_python_isoformat()
    {
        foreach (var (micros, iso) in PythonVectors.Times)
        {
            var time = new TimeOnly(micros * 10);
            Assert.Equal("\"" + iso + "\"", Write(w => JsonFields.WriteTimeMicros(w, time)));
            Assert.Equal(time, Read("\"" + iso + "\"", JsonFields.ReadTimeMicros));
        }

        Assert.Equal("\"0001-01-01\"", Write(w => JsonFields.WriteDate(w, DateOnly.MinValue)));
        Assert.Equal("\"9999-12-31\"", Write(w => JsonFields.WriteDate(w, DateOnly.MaxValue)));
        Assert.Equal(new DateOnly(2024, 2, 29), Read("\"2024-02-29\"", JsonFields.ReadDate));
        Assert.Equal("\"23:59:59.999000\"", Write(w => JsonFields.WriteTimeMillis(w, new TimeOnly(23, 59, 59, 999, 999))));
    }

    [Fact]
    public void Decimals_are_strings_with_exactly_scale_digits_as_drf_writes_them()
    {
        foreach (var (text, scale, drf) in PythonVectors.Decimals)
        {
            var value = decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("\"" + drf + "\"", Write(w => JsonFields.WriteDecimal(w, value, 29, scale)));
            Assert.Equal(value, Read("\"" + drf + "\"", (ref System.Text.Json.Utf8JsonReader r) => JsonFields.ReadDecimal(ref r, 29, scale)));
        }
    }
}
