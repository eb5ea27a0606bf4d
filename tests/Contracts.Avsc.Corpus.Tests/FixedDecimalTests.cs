using System;
using System.Text;
using Contracts.Avro;
using Contracts.Json;
using Corpus.Logical;
using Xunit;

namespace Contracts.Avsc.Corpus.Tests;

/// <summary>
/// Decimals on fixed types (schemas/logical/fixed_decimals.avsc) used as a service would: the wire bytes are the
/// big-endian two's complement sign-extended to the fixed's size, the schema default applies, the JSON envelope writes
/// them as a bytes decimal is written, and a value the precision cannot carry is refused naming the field.
/// </summary>
public sealed class FixedDecimalTests
{
    private static FixedDecimals Sample() => new()
    {
        Amount = -1.23m,
        Balance = 12_345_678_901_234.5678m,
        Wide = -1234567890123456.789m,
        Roomy = -5m,
        Refund = 0.0001m,
        History = [99.99m, -0.01m],
    };

    [Fact]
    public void Avro_bytes_are_sign_extended_twos_complement_of_exactly_the_fixed_size()
    {
        var bytes = AvroSerializer.Serialize(Sample());

        // amount: -123 in 4 bytes; then balance (9 bytes) and wide (16 bytes); roomy: -5 in 12 bytes.
        Assert.Equal(Convert.FromHexString("FFFFFF85"), bytes[..4]);
        Assert.Equal(Convert.FromHexString("FFFFFFFFFFFFFFFFFFFFFFFB"), bytes[(4 + 9 + 16)..(4 + 9 + 16 + 12)]);
        Assert.Equal(Sample() with { History = null! }, AvroSerializer.Deserialize<FixedDecimals>(bytes) with { History = null! });
    }

    [Fact]
    public void The_schema_default_written_as_a_fixed_string_is_the_decimal_it_encodes()
    {
        var value = new FixedDecimals { Balance = 0m, Wide = 0m, Roomy = 0m };

        Assert.Equal(12.34m, value.Amount);
        Assert.Empty(value.History);
    }

    [Fact]
    public void The_json_envelope_writes_fixed_decimals_as_bytes_decimals_are_written_and_reads_them_back()
    {
        var envelope = JsonEnvelope.Serialize(Sample());
        var text = Encoding.UTF8.GetString(envelope);
        var bytesDecimal = Encoding.UTF8.GetString(JsonEnvelope.Serialize(new Decimals { Price = -1.23m, Rate = 0m, Whole = 0m, Discount = 0.001m }));

        Assert.Contains("\"amount\":\"-1.23\"", text, StringComparison.Ordinal);
        Assert.Contains("\"price\":\"-1.23\"", bytesDecimal, StringComparison.Ordinal);
        Assert.Contains("\"discount\":\"0.001\"", bytesDecimal, StringComparison.Ordinal);
        Assert.Contains("\"refund\":\"0.0001\"", text, StringComparison.Ordinal);
        var back = JsonEnvelope.Deserialize<FixedDecimals>(envelope);
        Assert.Equal(Sample().Wide, back.Wide);
        Assert.Equal(Sample().History, back.History);
    }

    [Theory]
    [InlineData(12_345_678.9, 0, "amount")]
    [InlineData(0, 1000, "roomy")]
    public void A_value_with_more_digits_than_the_precision_is_refused_naming_the_field(double amount, double roomy, string field)
    {
        var value = Sample() with { Amount = (decimal)amount, Roomy = (decimal)roomy };

        var avro = Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(value));
        var json = Assert.Throws<ContractEncodeException>(() => JsonEnvelope.Serialize(value));

        Assert.Equal(field, avro.FieldPath);
        Assert.Equal(field, json.FieldPath);
        Assert.Contains(field, avro.Message, StringComparison.Ordinal);
    }
}
