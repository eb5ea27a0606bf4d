using System;
using System.Collections.Generic;
using Contracts.Json;
using Xunit;
using static Contracts.Runtime.Tests.Json.JsonTestHelpers;

namespace Contracts.Runtime.Tests.Json;

public class JsonEncodeErrorTests
{
    private static ContractEncodeException Encode(JsonTestPerson person)
    {
        var error = Assert.Throws<ContractEncodeException>(() => JsonEnvelope.Serialize(person));
        Assert.Equal(ContractFormat.Json, error.Format);
        return error;
    }

    // Theory data would not do: xunit's serialization of test cases turns lone surrogates into U+FFFD.
    private static readonly string[] UnpairedSurrogates = ["bad \ud800 high", "bad \udc00 low", "ends high \ud83c", "\udf89 reversed \ud83c"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Unpaired_surrogates_are_refused_with_the_field_path(int index)
    {
        var error = Encode(JsonEnvelopeTests.Sample() with { Name = UnpairedSurrogates[index] });

        Assert.Equal("name", error.FieldPath);
        Assert.Contains("not valid Unicode", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_surrogates_in_map_keys_are_refused()
    {
        var error = Encode(JsonEnvelopeTests.Sample() with { Attributes = new Dictionary<string, string> { ["\ud800"] = "v" } });

        Assert.Equal("attributes", error.FieldPath);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_numbers_are_refused(double score)
    {
        var error = Encode(JsonEnvelopeTests.Sample() with { Score = score });

        Assert.Equal("score", error.FieldPath);
        Assert.Contains("not a finite number", error.Reason, StringComparison.Ordinal);
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteSingle(w, (float)score)));
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("123456789.5")]
    public void Decimals_that_do_not_fit_are_refused_not_rounded(string balance)
    {
        var error = Encode(JsonEnvelopeTests.Sample() with { Balance = decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal("balance", error.FieldPath);
    }

    [Theory]
    [InlineData("99999999.99", 10, 2, "\"99999999.99\"")]
    [InlineData("-99999999.9", 10, 2, "\"-99999999.90\"")]
    [InlineData("0.5", 1, 1, "\"0.5\"")]
    [InlineData("7", 28, 28, null)]
    [InlineData("0.0000000000000000000000000001", 28, 28, "\"0.0000000000000000000000000001\"")]
    [InlineData("100000000", 10, 2, null)]
    [InlineData("1", 1, 1, null)]
    [InlineData("1.005", 10, 2, null)]
    [InlineData("-0.00", 4, 2, "\"0.00\"")]
    public void Decimals_are_checked_at_the_precision_and_scale_boundaries(string value, int precision, int scale, string? expected)
    {
        var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        if (expected is null)
        {
            Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteDecimal(w, number, precision, scale)));
        }
        else
        {
            Assert.Equal(expected, Write(w => JsonFields.WriteDecimal(w, number, precision, scale)));
        }
    }

    [Fact]
    public void Nulls_the_schema_does_not_allow_are_refused()
    {
        Assert.Equal("name", Encode(JsonEnvelopeTests.Sample() with { Name = null! }).FieldPath);
        Assert.Equal("tags", Encode(JsonEnvelopeTests.Sample() with { Tags = [null!] }).FieldPath);
        Assert.Throws<ContractEncodeException>(() => JsonEnvelope.Serialize<JsonTestPerson>(null!));
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteBytes(w, (byte[]?)null)));
    }

    [Fact]
    public void Fixed_values_of_the_wrong_size_are_refused()
    {
        Assert.Equal("\"AQID\"", Write(w => JsonFields.WriteFixed(w, new byte[] { 1, 2, 3 }, 3)));
        Assert.Throws<ContractEncodeException>(() => Write(w => JsonFields.WriteFixed(w, new byte[] { 1, 2 }, 3)));
    }

    [Fact]
    public void Invalid_utf8_written_as_utf8_is_refused()
    {
        Assert.Throws<ContractEncodeException>(() => Write(w => w.WriteStringValue(new byte[] { 0x61, 0xFF, 0x62 })));
        Assert.Throws<ContractEncodeException>(() => Write(w => w.WriteStringValue(new byte[] { 0x22, 0xC3 })));
    }

    [Fact]
    public void A_failed_write_leaves_the_cached_writer_usable()
    {
        Encode(JsonEnvelopeTests.Sample() with { Score = double.NaN });

        Assert.Equal(JsonEnvelopeTests.Sample(), JsonEnvelope.Deserialize<JsonTestPerson>(JsonEnvelope.Serialize(JsonEnvelopeTests.Sample())));
    }
}
