using System;
using System.Linq;
using Contracts.Avro;
using Xunit;

namespace Contracts.Compatibility.Tests.Resolving;

public sealed class ResolvingReaderTests
{
    [Fact]
    public void Each_contract_gets_readers_for_exactly_the_compatible_earlier_versions()
    {
        Assert.Empty(PersonV1.Descriptor.ResolvingReaders);
        Assert.Equal(new[] { 1 }, PersonV2.Descriptor.ResolvingReaders.Select(r => r.WriterVersion));
        Assert.Equal(PersonV1.Descriptor.Schema, PersonV2.Descriptor.ResolvingReaders[0].WriterSchema);

        // v3 needs 'rank', which v1 never wrote and v3 gives no default: v1 data must not be read as v3.
        Assert.Equal(new[] { 2 }, PersonV3.Descriptor.ResolvingReaders.Select(r => r.WriterVersion));
        Assert.True(PersonV3.Descriptor.CanReadAvro(3));
        Assert.True(PersonV3.Descriptor.CanReadAvro(2));
        Assert.False(PersonV3.Descriptor.CanReadAvro(1));
        Assert.False(PersonV3.Descriptor.CanReadAvro(4));
    }

    [Fact]
    public void V1_data_read_as_v2_equals_apache_resolution()
    {
        var count = 0;
        foreach (var v1 in PersonValues.V1(200))
        {
            ApacheResolution.AssertSameAsApache<PersonV1, PersonV2>(AvroSerializer.Serialize(v1), ApplyV2AliasesAndPromotions);
            count++;
        }

        Assert.Equal(202, count);
    }

    [Fact]
    public void V2_data_read_as_v3_equals_apache_resolution()
    {
        foreach (var v2 in PersonValues.V2(100))
        {
            var v3 = ApacheResolution.AssertSameAsApache<PersonV2, PersonV3>(
                AvroSerializer.Serialize(v2), schema => ApacheResolution.ReplaceOnce(
                    schema, "{\"name\":\"mail\",\"type\":\"string\",\"aliases\":[\"email\"]}", "{\"name\":\"email\",\"type\":\"string\"}"));
            Assert.Equal(v2.Mail, v3.Email);
            Assert.Equal(v2.Rank, v3.Rank);
        }
    }

    // v2 reads v1's 'email' through its alias and v1's bytes 'avatar' as a string (see ApacheResolution).
    private static string ApplyV2AliasesAndPromotions(string v1Schema) =>
        ApacheResolution.ReplaceOnce(
            ApacheResolution.ReplaceOnce(v1Schema, "\"name\":\"email\"", "\"name\":\"mail\""),
            "{\"name\":\"avatar\",\"type\":\"bytes\"}",
            "{\"name\":\"avatar\",\"type\":\"string\"}");

    [Fact]
    public void Resolution_applies_every_rule_to_a_full_v1_value()
    {
        var v1 = PersonValues.V1(0).Last();

        var v2 = PersonV2.Descriptor.ReadAvro(AvroSerializer.Serialize(v1), 1);

        Assert.Equal(v1.Id, v2.Id);
        Assert.Equal((long)int.MaxValue, v2.Age);                         // int -> long
        Assert.Equal((double)float.MaxValue, v2.Height);                  // float -> double
        Assert.Equal((double)long.MaxValue, v2.Visits);                   // long -> double
        Assert.Equal("ada@example.org", v2.Mail);                         // renamed, read through the alias
        Assert.Equal(ColorV2.Unknown, v2.Favorite);                       // Purple is gone: the enum default
        Assert.Equal(new[] { ColorV2.Unknown, ColorV2.Blue, ColorV2.Red, ColorV2.Green }, v2.Palette); // symbols remapped by name
        Assert.Equal(new[] { new AddressV2("Main", int.MinValue, "NL"), new AddressV2("Side", 7, "NL") }, v2.Addresses.ToArray()); // nested default
        Assert.Equal(new AddressV2("Home", 1, "NL"), v2.Home);
        Assert.Equal((double)int.MinValue, v2.Scores["a"]);               // map values int -> double
        Assert.Equal("avatar", v2.Avatar);                                // bytes -> string
        Assert.Equal(7, v2.Rank);                                         // absent: its default
        Assert.Null(v2.Motto);
        Assert.Null(v2.Tags);
    }

    [Fact]
    public void Data_of_an_incompatible_or_unknown_version_is_refused_with_the_versions_it_can_read()
    {
        var v1 = AvroSerializer.Serialize(PersonValues.V1(0).First());

        var incompatible = Assert.Throws<ContractDecodeException>(() => PersonV3.Descriptor.ReadAvro(v1, 1));
        Assert.Contains("'person' v3 (PersonV3) has no reader for data written by v1; it reads v3, v2.", incompatible.Message);
        var newer = Assert.Throws<ContractDecodeException>(() => PersonV2.Descriptor.ReadAvro(v1, 3));
        Assert.Contains("'person' v2 (PersonV2) has no reader for data written by v3; it reads v2, v1.", newer.Message);
    }

    [Fact]
    public void Own_version_reads_through_the_ordinary_reader()
    {
        var v3 = new PersonV3(Guid.NewGuid(), "n", 5, "e", 9, "nick");
        Assert.Equal(v3, PersonV3.Descriptor.ReadAvro(AvroSerializer.Serialize(v3), 3));
    }

    [Fact]
    public void Truncated_and_trailing_old_data_is_refused_with_the_writer_field_path()
    {
        var data = AvroSerializer.Serialize(PersonValues.V1(0).Skip(1).First());

        var truncated = Assert.Throws<ContractDecodeException>(() => PersonV2.Descriptor.ReadAvro(data.AsSpan(0, data.Length - 2), 1));
        Assert.Contains("legacy", truncated.Message);
        Assert.Throws<ContractDecodeException>(() => PersonV2.Descriptor.ReadAvro([.. data, 0], 1));
        for (var cut = 0; cut < data.Length; cut++)
        {
            Assert.Throws<ContractDecodeException>(() => PersonV2.Descriptor.ReadAvro(data.AsSpan(0, cut), 1));
        }
    }
}
