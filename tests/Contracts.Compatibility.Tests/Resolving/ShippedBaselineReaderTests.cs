using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Acme.Parcels;
using global::Avro;
using ApacheSchema = global::Avro.Schema;
using global::Avro.Generic;
using Xunit;

namespace Contracts.Compatibility.Tests.Resolving;

/// <summary>
/// Earlier versions that exist only in the shipped baseline (<c>Resolving/Shipped/&lt;type&gt;/v&lt;N&gt;.avsc</c>, AdditionalFiles
/// with <c>ContractsShippedSchema=true</c>) are read by the attribute contract <see cref="ShipmentV3"/> and by the .avsc
/// contract <see cref="Parcel"/> (whose fields are general unions), exactly as Apache.Avro's resolving reader reads data
/// Apache.Avro wrote with the shipped schema.
/// </summary>
public sealed class ShippedBaselineReaderTests
{
    [Fact]
    public void Attribute_and_avsc_contracts_read_every_version_of_their_shipped_baseline_with_its_schema()
    {
        Assert.Equal(new[] { 1, 2 }, ShipmentV3.Descriptor.ResolvingReaders.Select(r => r.WriterVersion));
        Assert.Equal(new[] { 1, 2 }, Parcel.Descriptor.ResolvingReaders.Select(r => r.WriterVersion));
        foreach (var (messageType, readers) in new[] { ("shipment", ShipmentV3.Descriptor.ResolvingReaders.Select(r => (r.WriterVersion, r.WriterSchema))), ("parcel", Parcel.Descriptor.ResolvingReaders.Select(r => (r.WriterVersion, r.WriterSchema))) })
        {
            foreach (var (version, schema) in readers)
            {
                Assert.Equal(SchemaNormalization.ToParsingForm(ApacheSchema.Parse(ShippedSchema(messageType, version))), SchemaNormalization.ToParsingForm(ApacheSchema.Parse(schema)));
                Assert.DoesNotContain('\n', schema);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Shipped_data_read_by_the_attribute_contract_equals_apache_resolution(int version)
    {
        var writerSchema = ShippedSchema("shipment", version);
        var random = new Random(version);
        for (var i = 0; i < 300; i++)
        {
            ApacheResolution.AssertSameAsApache<ShipmentV3>(writerSchema, version, ApacheRandomDatum.Write(writerSchema, random));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Shipped_data_read_by_the_avsc_contract_into_union_classes_equals_apache_resolution(int version)
    {
        var writerSchema = ShippedSchema("parcel", version);
        var random = new Random(10 + version);
        for (var i = 0; i < 300; i++)
        {
            ApacheResolution.AssertSameAsApache<Parcel>(writerSchema, version, ApacheRandomDatum.Write(writerSchema, random));
        }
    }

    [Fact]
    public void A_shipped_v1_value_takes_the_union_branch_of_its_own_type_else_the_first_that_can_read_it()
    {
        var schema = (RecordSchema)ApacheSchema.Parse(ShippedSchema("parcel", 1));
        var v1 = new GenericRecord(schema);
        v1.Add("id", "p-1");
        v1.Add("size", 42);
        v1.Add("label", "fragile");
        v1.Add("amount", 7L);
        v1.Add("history", new object[] { "made", "sent" });
        v1.Add("extras", new Dictionary<string, object> { ["insured"] = true });

        var parcel = ApacheResolution.AssertSameAsApache<Parcel>(schema.ToString(), 1, ApacheRandomDatum.Encode(schema, v1));

        Assert.Equal("p-1", parcel.Id);
        Assert.Equal(new Parcel.SizeUnion.Long(42), parcel.Size);            // int: "null" cannot read it, long can (promoted)
        Assert.Equal(new Parcel.LabelUnion.String("fragile"), parcel.Label);
        Assert.Equal(new Parcel.AmountUnion.Long(7), parcel.Amount);         // long: the long branch, though double comes first
        Assert.Equal(new Parcel.HistoryUnion[] { new Parcel.HistoryUnion.String("made"), new Parcel.HistoryUnion.String("sent") }, parcel.History);
        Assert.Equal(new Parcel.ExtrasUnion.Boolean(true), parcel.Extras["insured"]);
        Assert.Null(parcel.Origin);                                            // absent in v1: its default
    }

    [Fact]
    public void A_shipped_v1_value_gets_defaults_promotions_and_the_enum_default()
    {
        var schema = (RecordSchema)ApacheSchema.Parse(ShippedSchema("shipment", 1));
        var stop = new GenericRecord((RecordSchema)((ArraySchema)schema["stops"].Schema).ItemSchema);
        stop.Add("city", "Utrecht");
        stop.Add("minutes", 90);
        var v1 = new GenericRecord(schema);
        v1.Add("id", "s-1");
        v1.Add("weight", int.MaxValue);
        v1.Add("status", new GenericEnum((EnumSchema)schema["status"].Schema, "Lost"));
        v1.Add("tags", new object[] { "a" });
        v1.Add("note", null);
        v1.Add("stops", new object[] { stop });
        v1.Add("legacy", 5L);

        var shipment = ApacheResolution.AssertSameAsApache<ShipmentV3>(schema.ToString(), 1, ApacheRandomDatum.Encode(schema, v1));

        Assert.Equal((double)int.MaxValue, shipment.Weight);
        Assert.Equal(ShipmentStatus.Unknown, shipment.Status);
        Assert.Equal(new[] { new ShipmentStop("Utrecht", 90) }, shipment.Stops);
        Assert.Equal("unknown", shipment.Carrier);
        Assert.Null(shipment.Metrics);
        Assert.Equal(1, shipment.Priority);
    }

    [Fact]
    public void Truncated_shipped_data_is_refused_with_a_typed_exception()
    {
        var data = ApacheRandomDatum.Write(ShippedSchema("parcel", 2), new Random(3));
        for (var cut = 0; cut < data.Length; cut++)
        {
            Assert.Throws<ContractDecodeException>(() => Parcel.Descriptor.ReadAvro(data.AsSpan(0, cut), 2));
        }
    }

    internal static string ShippedSchema(string messageType, int version) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Resolving", "Shipped", messageType, "v" + version + ".avsc"));
}
