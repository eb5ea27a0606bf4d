using System;
using System.Text;
using Contracts.Schema;
using CsCheck;
using Xunit;
using ApacheSchema = global::Avro.Schema;
using ApacheSchemaNormalization = global::Avro.SchemaNormalization;

namespace Contracts.Runtime.Tests.Interop;

public sealed class FingerprintInteropTests
{
    public static TheoryData<string> Schemas() => new()
    {
        "\"null\"",
        "\"boolean\"",
        "\"int\"",
        "\"long\"",
        "\"float\"",
        "\"double\"",
        "\"bytes\"",
        "\"string\"",
        """{"type":"array","items":"long"}""",
        """{"type":"map","values":{"type":"array","items":"string"}}""",
        """["null","string"]""",
        """{"type":"fixed","name":"Md5","namespace":"org.example","size":16}""",
        """{"type":"enum","name":"Suit","symbols":["SPADES","HEARTS","DIAMONDS","CLUBS"],"default":"SPADES","doc":"card suit"}""",
        """{"type":"string","logicalType":"uuid"}""",
        """{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}""",
        """
        {"type":"record","name":"Person","namespace":"Contracts.People","doc":"A person.","aliases":["Human"],
         "fields":[
           {"name":"id","type":{"type":"string","logicalType":"uuid"}},
           {"name":"firstName","type":"string","doc":"Given name.","aliases":["first"]},
           {"name":"email","type":["null","string"],"default":null},
           {"name":"born","type":["null",{"type":"int","logicalType":"date"}],"default":null},
           {"name":"addresses","type":{"type":"array","items":{"type":"record","name":"Address","fields":[
               {"name":"street","type":"string"},{"name":"number","type":"int","default":1}]}}},
           {"name":"home","type":["null","Address"],"default":null},
           {"name":"tags","type":{"type":"map","values":"string"},"default":{}},
           {"name":"kind","type":{"type":"enum","name":"Kind","namespace":"other.ns","symbols":["A","B"]}},
           {"name":"hash","type":{"type":"fixed","name":"Hash","size":4}},
           {"name":"names","type":{"type":"array","items":"string"},"default":["é","日本","𝄞"]}
         ]}
        """,
        """
        {"type":"record","name":"Node","fields":[
          {"name":"value","type":"long"},
          {"name":"children","type":{"type":"array","items":"Node"}},
          {"name":"next","type":["null","Node"],"default":null}]}
        """,
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Fingerprint_of_the_canonical_form_equals_Apache_ParsingFingerprint64(string schemaJson)
    {
        var parsed = ApacheSchema.Parse(schemaJson);
        var canonical = ApacheSchemaNormalization.ToParsingForm(parsed);
        Assert.Equal(ApacheSchemaNormalization.ParsingFingerprint64(parsed), RabinFingerprint.Compute(canonical));
        Assert.Equal(ApacheSchemaNormalization.ParsingFingerprint64(parsed), RabinFingerprint.Compute(Encoding.UTF8.GetBytes(canonical)));
    }

    [Fact]
    public void Fingerprint_of_any_bytes_equals_Apache_Fingerprint64() =>
        Gen.Byte.Array[0, 200].Sample(
            bytes => Assert.Equal(ApacheFingerprint(bytes), RabinFingerprint.Compute(bytes)),
            iter: 500);

    [Fact]
    public void Fingerprint_of_nothing_is_the_specification_empty_value()
    {
        Assert.Equal(unchecked((long)RabinFingerprint.Empty), RabinFingerprint.Compute([]));
        Assert.Equal(unchecked((long)RabinFingerprint.Empty), ApacheFingerprint([]));
    }

    // Apache returns the CRC-64-AVRO fingerprint as 8 little-endian bytes.
    private static long ApacheFingerprint(byte[] bytes) =>
        BitConverter.ToInt64(ApacheSchemaNormalization.Fingerprint("CRC-64-AVRO", bytes));
}
