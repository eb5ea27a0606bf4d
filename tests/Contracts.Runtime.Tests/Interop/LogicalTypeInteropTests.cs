using System;
using System.Numerics;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;
using ApacheDecimal = global::Avro.AvroDecimal;

namespace Contracts.Runtime.Tests.Interop;

/// <summary>Logical types against Apache.Avro's own conversions (Avro.Util.*) on the same schema.</summary>
public sealed class LogicalTypeInteropTests
{
    private static readonly global::Avro.LogicalSchema UuidSchema = ApacheCodec.LogicalSchema("""{"type":"string","logicalType":"uuid"}""");
    private static readonly global::Avro.LogicalSchema DateSchema = ApacheCodec.LogicalSchema("""{"type":"int","logicalType":"date"}""");
    private static readonly global::Avro.LogicalSchema TimeMicrosSchema = ApacheCodec.LogicalSchema("""{"type":"long","logicalType":"time-micros"}""");
    private static readonly global::Avro.LogicalSchema TimeMillisSchema = ApacheCodec.LogicalSchema("""{"type":"int","logicalType":"time-millis"}""");
    private static readonly global::Avro.LogicalSchema TimestampMillisSchema = ApacheCodec.LogicalSchema("""{"type":"long","logicalType":"timestamp-millis"}""");
    private static readonly global::Avro.LogicalSchema TimestampMicrosSchema = ApacheCodec.LogicalSchema("""{"type":"long","logicalType":"timestamp-micros"}""");
    private static readonly global::Avro.LogicalSchema LocalTimestampMillisSchema = ApacheCodec.LogicalSchema("""{"type":"long","logicalType":"local-timestamp-millis"}""");
    private static readonly global::Avro.LogicalSchema LocalTimestampMicrosSchema = ApacheCodec.LogicalSchema("""{"type":"long","logicalType":"local-timestamp-micros"}""");

    [Fact]
    public void Uuid_matches_Apache() => InteropAssert.Agrees(
        Gen.Guid,
        (ref AvroWriter w, Guid v) => w.WriteUuid(v),
        (e, v) => e.WriteString((string)ApacheCodec.ToBase(UuidSchema, v)),
        (ref AvroReader r) => r.ReadUuid(),
        d => (Guid)ApacheCodec.ToLogical(UuidSchema, d.ReadString()));

    [Fact]
    public void Uuid_in_upper_case_is_read()
    {
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var bytes = ApacheCodec.Write(e => e.WriteString(guid.ToString().ToUpperInvariant()));
        Assert.Equal(guid, AvroCodec.ReadAll(bytes, (ref AvroReader r) => r.ReadUuid()));
    }

    [Fact]
    public void Date_matches_Apache_over_the_whole_DateOnly_range() => InteropAssert.Agrees(
        Gen.Frequency((3, Gen.DateOnly), (1, Gen.OneOfConst(DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1970, 1, 1), new DateOnly(1969, 12, 31)))),
        (ref AvroWriter w, DateOnly v) => w.WriteDate(v),
        (e, v) => e.WriteInt((int)ApacheCodec.ToBase(DateSchema, v.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))),
        (ref AvroReader r) => r.ReadDate(),
        d => DateOnly.FromDateTime((DateTime)ApacheCodec.ToLogical(DateSchema, d.ReadInt())));

    [Fact]
    public void Time_micros_matches_Apache() => InteropAssert.Agrees(
        Gen.Long[0, (TimeSpan.TicksPerDay / 10) - 1].Select(micros => new TimeOnly(micros * 10)),
        (ref AvroWriter w, TimeOnly v) => w.WriteTimeMicros(v),
        (e, v) => e.WriteLong((long)ApacheCodec.ToBase(TimeMicrosSchema, v.ToTimeSpan())),
        (ref AvroReader r) => r.ReadTimeMicros(),
        d => TimeOnly.FromTimeSpan((TimeSpan)ApacheCodec.ToLogical(TimeMicrosSchema, d.ReadLong())));

    [Fact]
    public void Time_millis_matches_Apache() => InteropAssert.Agrees(
        Gen.Int[0, (int)(TimeSpan.TicksPerDay / TimeSpan.TicksPerMillisecond) - 1].Select(millis => new TimeOnly(millis * TimeSpan.TicksPerMillisecond)),
        (ref AvroWriter w, TimeOnly v) => w.WriteTimeMillis(v),
        (e, v) => e.WriteInt((int)ApacheCodec.ToBase(TimeMillisSchema, v.ToTimeSpan())),
        (ref AvroReader r) => r.ReadTimeMillis(),
        d => TimeOnly.FromTimeSpan((TimeSpan)ApacheCodec.ToLogical(TimeMillisSchema, d.ReadInt())));

    [Fact]
    public void Timestamp_millis_DateTime_matches_Apache() => InteropAssert.Agrees(
        Generators.ApacheExactUtcInstant(TimeSpan.TicksPerMillisecond),
        (ref AvroWriter w, DateTime v) => w.WriteTimestampMillis(v),
        (e, v) => e.WriteLong((long)ApacheCodec.ToBase(TimestampMillisSchema, v)),
        (ref AvroReader r) => r.ReadTimestampMillis(),
        d => (DateTime)ApacheCodec.ToLogical(TimestampMillisSchema, d.ReadLong()),
        SameUtcInstant);

    [Fact]
    public void Timestamp_micros_DateTime_matches_Apache() => InteropAssert.Agrees(
        Generators.UtcInstant(TimeSpan.TicksPerMicrosecond),
        (ref AvroWriter w, DateTime v) => w.WriteTimestampMicros(v),
        (e, v) => e.WriteLong((long)ApacheCodec.ToBase(TimestampMicrosSchema, v)),
        (ref AvroReader r) => r.ReadTimestampMicros(),
        d => (DateTime)ApacheCodec.ToLogical(TimestampMicrosSchema, d.ReadLong()),
        SameUtcInstant);

    [Fact]
    public void Timestamp_millis_DateTimeOffset_at_any_offset_matches_Apache_on_the_UTC_instant() => InteropAssert.Agrees(
        OffsetInstant(Generators.ApacheExactUtcInstant(TimeSpan.TicksPerMillisecond)),
        (ref AvroWriter w, DateTimeOffset v) => w.WriteTimestampMillis(v),
        (e, v) => e.WriteLong((long)ApacheCodec.ToBase(TimestampMillisSchema, v.UtcDateTime)),
        (ref AvroReader r) => r.ReadTimestampMillisOffset(),
        d => new DateTimeOffset((DateTime)ApacheCodec.ToLogical(TimestampMillisSchema, d.ReadLong())),
        (a, b) => a.UtcTicks == b.UtcTicks);

    [Fact]
    public void Timestamp_micros_DateTimeOffset_at_any_offset_matches_Apache_on_the_UTC_instant() => InteropAssert.Agrees(
        OffsetInstant(Generators.UtcInstant(TimeSpan.TicksPerMicrosecond)),
        (ref AvroWriter w, DateTimeOffset v) => w.WriteTimestampMicros(v),
        (e, v) => e.WriteLong((long)ApacheCodec.ToBase(TimestampMicrosSchema, v.UtcDateTime)),
        (ref AvroReader r) => r.ReadTimestampMicrosOffset(),
        d => new DateTimeOffset((DateTime)ApacheCodec.ToLogical(TimestampMicrosSchema, d.ReadLong())),
        (a, b) => a.UtcTicks == b.UtcTicks);

    [Theory]
    [InlineData(TimeSpan.TicksPerMillisecond)]
    [InlineData(TimeSpan.TicksPerMicrosecond)]
    public void Timestamps_are_exact_over_years_1_to_9999_and_Apache_reads_them(long ticksPerUnit)
    {
        var schema = ticksPerUnit == TimeSpan.TicksPerMillisecond ? TimestampMillisSchema : TimestampMicrosSchema;
        Generators.UtcInstant(ticksPerUnit).Sample(
            value =>
            {
                var bytes = ticksPerUnit == TimeSpan.TicksPerMillisecond
                    ? AvroCodec.Write(value, (ref AvroWriter w, DateTime v) => w.WriteTimestampMillis(v))
                    : AvroCodec.Write(value, (ref AvroWriter w, DateTime v) => w.WriteTimestampMicros(v));
                var exactUnits = (long)BigInteger.Divide(value.Ticks - DateTime.UnixEpoch.Ticks, ticksPerUnit);
                Assert.Equal(exactUnits, AvroCodec.ReadAll(bytes, (ref AvroReader r) => r.ReadLong()));
                Assert.Equal(value, ApacheCodec.ReadAll(bytes, d => (DateTime)ApacheCodec.ToLogical(schema, d.ReadLong())));
                var read = ticksPerUnit == TimeSpan.TicksPerMillisecond
                    ? AvroCodec.ReadAll(bytes, (ref AvroReader r) => r.ReadTimestampMillis())
                    : AvroCodec.ReadAll(bytes, (ref AvroReader r) => r.ReadTimestampMicros());
                Assert.Equal(value, read);
            },
            iter: InteropAssert.Iterations);
    }

    [Fact]
    public void Timestamps_read_as_UTC()
    {
        var bytes = AvroCodec.Write(0L, (ref AvroWriter w, long v) => w.WriteLong(v));
        Assert.Equal(DateTimeKind.Utc, AvroCodec.ReadAll(bytes, (ref AvroReader r) => r.ReadTimestampMillis()).Kind);
        Assert.Equal(TimeSpan.Zero, AvroCodec.ReadAll(bytes, (ref AvroReader r) => r.ReadTimestampMicrosOffset()).Offset);
        Assert.Equal(DateTime.UnixEpoch, AvroCodec.ReadAll(bytes, (ref AvroReader r) => r.ReadTimestampMicros()));
    }

    [Fact]
    public void Timestamp_before_1970_with_sub_millisecond_ticks_rounds_towards_the_past_like_Java_Instant()
    {
        // Apache.Avro C# truncates towards zero here; Java's Instant.toEpochMilli (the reference) floors, and so do we.
        var value = new DateTime(1969, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(5_000);
        var bytes = AvroCodec.Write(value, (ref AvroWriter w, DateTime v) => w.WriteTimestampMillis(v));
        Assert.Equal(-1L, AvroCodec.ReadAll(bytes, (ref AvroReader r) => r.ReadLong()));
        var micros = AvroCodec.Write(value.AddTicks(5), (ref AvroWriter w, DateTime v) => w.WriteTimestampMicros(v));
        Assert.Equal(-500L, AvroCodec.ReadAll(micros, (ref AvroReader r) => r.ReadLong()));
    }

    [Fact]
    public void Local_timestamp_millis_matches_Apache() => InteropAssert.Agrees(
        Generators.ApacheExactUtcInstant(TimeSpan.TicksPerMillisecond).Select(v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified)),
        (ref AvroWriter w, DateTime v) => w.WriteLocalTimestampMillis(v),
        (e, v) => e.WriteLong((long)ApacheCodec.ToBase(LocalTimestampMillisSchema, v)),
        (ref AvroReader r) => r.ReadLocalTimestampMillis(),
        d => (DateTime)ApacheCodec.ToLogical(LocalTimestampMillisSchema, d.ReadLong()),
        SameWallClock);

    [Fact]
    public void Local_timestamp_micros_matches_Apache() => InteropAssert.Agrees(
        Generators.UtcInstant(TimeSpan.TicksPerMicrosecond).Select(v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified)),
        (ref AvroWriter w, DateTime v) => w.WriteLocalTimestampMicros(v),
        (e, v) => e.WriteLong((long)ApacheCodec.ToBase(LocalTimestampMicrosSchema, v)),
        (ref AvroReader r) => r.ReadLocalTimestampMicros(),
        d => (DateTime)ApacheCodec.ToLogical(LocalTimestampMicrosSchema, d.ReadLong()),
        SameWallClock);

    [Fact]
    public void Local_timestamp_of_a_DateTimeOffset_keeps_its_wall_clock_time()
    {
        OffsetInstant(Generators.UtcInstant(TimeSpan.TicksPerMicrosecond)).Sample(
            value =>
            {
                var millis = AvroCodec.Write(value, (ref AvroWriter w, DateTimeOffset v) => w.WriteLocalTimestampMicros(v));
                var read = AvroCodec.ReadAll(millis, (ref AvroReader r) => r.ReadLocalTimestampMicrosOffset());
                Assert.Equal(value.DateTime, read.DateTime);
                Assert.Equal(TimeSpan.Zero, read.Offset);
            },
            iter: InteropAssert.Iterations);
    }

    [Fact]
    public void Decimal_on_bytes_matches_Apache_at_any_precision_and_scale()
    {
        DecimalCase.OnBytes.Sample(
            c =>
            {
                var schema = ApacheCodec.LogicalSchema($$"""{"type":"bytes","logicalType":"decimal","precision":{{c.Precision}},"scale":{{c.Scale}}}""");
                var ours = AvroCodec.Write(c.Value, (ref AvroWriter w, decimal v) => w.WriteDecimal(v, c.Precision, c.Scale));
                var apache = ApacheCodec.Write(e => e.WriteBytes((byte[])ApacheCodec.ToBase(schema, c.ApacheValue)));
                Assert.Equal(apache, ours);
                Assert.Equal(c.Value, AvroCodec.ReadAll(apache, (ref AvroReader r) => r.ReadDecimal(c.Scale)));
                var readByApache = (ApacheDecimal)ApacheCodec.ReadAll(ours, d => ApacheCodec.ToLogical(schema, d.ReadBytes()));
                Assert.Equal(c.Unscaled, readByApache.UnscaledValue);
                Assert.Equal(c.Scale, readByApache.Scale);
            },
            iter: InteropAssert.Iterations,
            print: c => c.ToString());
    }

    [Fact]
    public void Decimal_on_fixed_matches_Apache_at_any_size_precision_and_scale()
    {
        DecimalCase.OnFixed.Sample(
            c =>
            {
                var schema = ApacheCodec.LogicalSchema($$"""{"type":"fixed","name":"money","size":{{c.FixedSize}},"logicalType":"decimal","precision":{{c.Precision}},"scale":{{c.Scale}}}""");
                var ours = AvroCodec.Write(c.Value, (ref AvroWriter w, decimal v) => w.WriteDecimalFixed(v, c.Precision, c.Scale, c.FixedSize));
                var apacheFixed = (global::Avro.Generic.GenericFixed)ApacheCodec.ToBase(schema, c.ApacheValue);
                var apache = ApacheCodec.Write(e => e.WriteFixed(apacheFixed.Value));
                Assert.Equal(apache, ours);
                Assert.Equal(c.Value, AvroCodec.ReadAll(apache, (ref AvroReader r) => r.ReadDecimalFixed(c.Scale, c.FixedSize)));
                var readByApache = (ApacheDecimal)ApacheCodec.ReadAll(ours, d =>
                {
                    var buffer = new byte[c.FixedSize];
                    d.ReadFixed(buffer);
                    return ApacheCodec.ToLogical(schema, new global::Avro.Generic.GenericFixed((global::Avro.FixedSchema)schema.BaseSchema, buffer));
                });
                Assert.Equal(c.Unscaled, readByApache.UnscaledValue);
            },
            iter: InteropAssert.Iterations,
            print: c => c.ToString());
    }

    private static Gen<DateTimeOffset> OffsetInstant(Gen<DateTime> instants) =>
        Gen.Select(instants, Generators.Offset, (utc, offset) => (utc, offset))
            .Where(t => t.utc.Ticks + t.offset.Ticks >= DateTime.MinValue.Ticks && t.utc.Ticks + t.offset.Ticks <= DateTime.MaxValue.Ticks)
            .Select(t => new DateTimeOffset(t.utc).ToOffset(t.offset));

    private static bool SameUtcInstant(DateTime expected, DateTime actual) =>
        expected.Ticks == actual.ToUniversalTime().Ticks && actual.Kind == DateTimeKind.Utc;

    private static bool SameWallClock(DateTime expected, DateTime actual) => expected.Ticks == actual.Ticks;
}
