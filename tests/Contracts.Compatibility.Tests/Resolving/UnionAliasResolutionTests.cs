using System;
using System.Linq;
using Acme.Couriers;
using global::Avro;
using ApacheSchema = global::Avro.Schema;
using global::Avro.Generic;
using Xunit;

namespace Contracts.Compatibility.Tests.Resolving;

/// <summary>
/// Union branch selection through named-type aliases, against Apache.Avro's resolving reader: the shipped v1 of the
/// .avsc contract <see cref="Courier"/> wrote a record <c>Truck</c>, an enum <c>acme.legacy.Stage</c> and a fixed
/// <c>Badge</c>; v2's unions have no branch of those names, only branches that list them as aliases (<c>Van</c>,
/// <c>Phase</c>, <c>Code</c>), and the reordered <c>vehicle</c> union keeps v1's <c>Bike</c> under its own name.
/// </summary>
public sealed class UnionAliasResolutionTests
{
    [Fact]
    public void Shipped_v1_data_read_through_branch_aliases_equals_apache_resolution()
    {
        Assert.Equal(new[] { 1 }, Courier.Descriptor.ResolvingReaders.Select(r => r.WriterVersion));
        var writerSchema = ShippedBaselineReaderTests.ShippedSchema("courier", 1);
        var random = new Random(21);
        for (var i = 0; i < 300; i++)
        {
            ApacheResolution.AssertSameAsApache<Courier>(writerSchema, 1, ApacheRandomDatum.Write(writerSchema, random));
        }
    }

    [Fact]
    public void Each_value_lands_in_the_branch_that_names_its_writer_type_as_an_alias()
    {
        var schema = (RecordSchema)ApacheSchema.Parse(ShippedBaselineReaderTests.ShippedSchema("courier", 1));
        var vehicles = (UnionSchema)schema["vehicle"].Schema;
        var truck = new GenericRecord((RecordSchema)vehicles.Schemas[1]);
        truck.Add("capacity", 12);
        var bike = new GenericRecord((RecordSchema)vehicles.Schemas[2]);
        bike.Add("gears", 21);
        var v1 = new GenericRecord(schema);
        v1.Add("id", "c-1");
        v1.Add("vehicle", truck);
        v1.Add("state", new GenericEnum((EnumSchema)schema["state"].Schema, "Busy"));
        v1.Add("tag", new GenericFixed((FixedSchema)schema["tag"].Schema, [1, 2, 3, 4]));
        v1.Add("previous", new object[] { truck });

        var courier = ApacheResolution.AssertSameAsApache<Courier>(schema.ToString(), 1, ApacheRandomDatum.Encode(schema, v1));

        var van = new Van { Capacity = 12, Plate = "none" };                      // int capacity promoted, plate defaulted
        Assert.Equal(new Courier.VehicleUnion.Van(van), courier.Vehicle);
        Assert.Equal(new Courier.StateUnion.Phase(Phase.Busy), courier.State);      // not the string branch listed first
        Assert.Equal([1, 2, 3, 4], Assert.IsType<Courier.TagUnion.Code>(courier.Tag).Value.ToArray());
        Assert.Equal(new Courier.PreviousUnion[] { new Courier.PreviousUnion.Van(van) }, courier.Previous);

        v1.Add("vehicle", bike);
        courier = ApacheResolution.AssertSameAsApache<Courier>(schema.ToString(), 1, ApacheRandomDatum.Encode(schema, v1));
        Assert.Equal(new Courier.VehicleUnion.Bike(new Bike { Gears = 21 }), courier.Vehicle);
    }
}
