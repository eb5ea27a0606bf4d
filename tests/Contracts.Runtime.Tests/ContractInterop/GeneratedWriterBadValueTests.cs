using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.ContractInterop;

/// <summary>Values the schema cannot carry: one ContractEncodeException naming the field path, never silent bytes.</summary>
public sealed class GeneratedWriterBadValueTests
{
    private static readonly ScalarsV1 Sample = ContractValues.Scalars.Single();

    [Fact]
    public void Null_string_in_a_list_item_names_the_item_and_field()
    {
        var value = new CollectionsV1([], [], [new Address("A", 1), new Address(null!, 2)], ImmutableArray<long>.Empty, [], new Dictionary<string, Address>(), [], [], [], []);
        var error = Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(value));
        Assert.Equal("addresses[1].street", error.FieldPath);
        Assert.Contains("null", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_surrogate_in_a_map_value_names_the_key()
    {
        var value = new NullablesV1(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, new Dictionary<string, string> { ["k"] = "a" + (char)0xD800 }, null, null, null);
        var error = Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(value));
        Assert.Equal("labels[\"k\"]", error.FieldPath);
        Assert.Contains("unpaired UTF-16 surrogate", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_with_more_decimals_than_the_scale_names_the_field() =>
        Assert.Equal("price", Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(Sample with { Price = 0.0001m })).FieldPath);

    [Fact]
    public void Decimal_with_more_digits_than_the_precision_names_the_field() =>
        Assert.Equal("price", Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(Sample with { Price = 1_000_000_000m })).FieldPath);

    [Fact]
    public void Fixed_of_the_wrong_size_names_the_field() =>
        Assert.Equal("hash", Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(Sample with { Hash = new byte[15] })).FieldPath);

    [Fact]
    public void Enum_value_without_a_symbol_names_the_field() =>
        Assert.Equal("suit", Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(Sample with { Suit = (Suit)42 })).FieldPath);

    [Fact]
    public void Null_record_in_a_non_nullable_field_names_the_field()
    {
        var error = Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(new TreeV1(null!, 0)));
        Assert.Equal("root", error.FieldPath);
    }
}
