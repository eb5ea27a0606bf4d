using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Contracts.Avro;
using Contracts.Json;
using Xunit;

namespace Contracts.Runtime.Tests.ContractInterop;

/// <summary>
/// Small nested records are written in place (no call per record) and each fallible field has its own handler instead
/// of a field index: faults anywhere in them still carry the full field path, in both formats.
/// </summary>
public sealed class GeneratedWriterInPlaceTests
{
    [Fact]
    public void Null_string_in_a_nested_nullable_record_names_the_record_and_field()
    {
        var value = Nullables() with { Home = new Address(null!, 7) };
        Assert.Equal("home.street", Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(value)).FieldPath);
        Assert.Equal("home.street", Assert.Throws<ContractEncodeException>(() => JsonEnvelope.Serialize(value)).FieldPath);
    }

    [Fact]
    public void Unpaired_surrogate_in_a_nested_record_names_the_optional_field_after_the_string()
    {
        var value = Nullables() with { Home = new Address("Main", 7, "b" + (char)0xDC00) };
        Assert.Equal("home.unit", Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(value)).FieldPath);
        Assert.Equal("home.unit", Assert.Throws<ContractEncodeException>(() => JsonEnvelope.Serialize(value)).FieldPath);
    }

    [Fact]
    public void Null_items_of_a_list_of_nullable_records_are_fine_and_a_later_fault_names_its_item()
    {
        var value = Nullables() with { MaybeAddresses = [new Address("A", 1), null, new Address(null!, 3)] };
        Assert.Equal("maybeAddresses[2].street", Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(value)).FieldPath);
    }

    [Fact]
    public void Null_item_record_in_a_list_names_the_item()
    {
        var value = new CollectionsV1([], [], [new Address("A", 1), null!], ImmutableArray<long>.Empty, [], new Dictionary<string, Address>(), [], [], [], []);
        var error = Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(value));
        Assert.Equal("addresses[1]", error.FieldPath);
        Assert.Contains("null", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fault_in_a_map_of_records_names_the_key_and_field()
    {
        var value = new CollectionsV1([], [], [], ImmutableArray<long>.Empty, [], new Dictionary<string, Address> { ["home"] = new("x", 1, "\ud800") }, [], [], [], []);
        Assert.Equal("places[\"home\"].unit", Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(value)).FieldPath);
    }

    [Fact]
    public void Short_non_ASCII_strings_in_nested_records_round_trip()
    {
        foreach (var street in new[] { "Zoë", "Kurfürstendamm 195", "ü", "a€b", "😀", "straße straße straße straße straße straße straße straße", new string('é', 63), new string('a', 62) + "é" })
        {
            var value = Nullables() with { Home = new Address(street, 1, street) };
            Assert.Equal(value.Home, AvroSerializer.Deserialize<NullablesV1>(AvroSerializer.Serialize(value)).Home);
        }
    }

    private static NullablesV1 Nullables() =>
        new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
