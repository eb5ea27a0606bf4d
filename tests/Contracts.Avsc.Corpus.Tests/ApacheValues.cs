using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using global::Avro;
using global::Avro.Generic;

namespace Contracts.Avsc.Corpus.Tests;

using Schema = global::Avro.Schema;

/// <summary>
/// CsCheck generators of Apache.Avro generic values for any schema: what Apache's GenericDatumWriter accepts, with
/// logical types as their .NET values (Guid, DateTime, TimeSpan, AvroDecimal) and every union branch reachable.
/// Recursive schemas stop at <see cref="MaxDepth"/>: there a union takes its null (or first) branch and collections are empty.
/// </summary>
internal static class ApacheValues
{
    private const int MaxDepth = 4;

    private static readonly Gen<object?> NullValue = Gen.Bool.Select(_ => (object?)null);

    private static readonly Gen<string> MapKey = Gen.Frequency((3, Gen.String[Gen.Char.AlphaNumeric, 0, 6]), (1, Generators.UnicodeString));

    public static Gen<GenericRecord> For(RecordSchema schema) => Record(schema, 0).Select(value => (GenericRecord)value!);

    private static Gen<object?> Of(Schema schema, int depth) => schema switch
    {
        RecordSchema record => Record(record, depth),
        EnumSchema enumSchema => Gen.Int[0, enumSchema.Symbols.Count - 1].Select(i => (object?)new GenericEnum(enumSchema, enumSchema.Symbols[i])),
        FixedSchema fixedSchema when fixedSchema.GetProperty("precision") is not null => DecimalInFixed(fixedSchema),
        FixedSchema fixedSchema => Gen.Byte.Array[fixedSchema.Size].Select(bytes => (object?)new GenericFixed(fixedSchema, bytes)),
        ArraySchema array => depth >= MaxDepth
            ? Gen.Const<object?>(Array.Empty<object>())
            : Of(array.ItemSchema, depth + 1).Array[0, 4].Select(items => (object?)items),
        MapSchema map => depth >= MaxDepth
            ? Gen.Const<object?>(new Dictionary<string, object?>())
            : Gen.Select(MapKey, Of(map.ValueSchema, depth + 1)).Array[0, 4]
                .Select(entries => (object?)entries.DistinctBy(e => e.Item1).ToDictionary(e => e.Item1, e => e.Item2)),
        UnionSchema union => Union(union, depth),
        LogicalSchema logical => Logical(logical),
        PrimitiveSchema primitive => Primitive(primitive.Tag),
        _ => throw new NotSupportedException("No generator for " + schema),
    };

    private static Gen<object?> Record(RecordSchema schema, int depth)
    {
        var fields = schema.Fields.Select(field => Of(field.Schema, depth + 1)).ToArray();
        var values = fields.Aggregate(
            Gen.Const(System.Collections.Immutable.ImmutableList<object?>.Empty),
            (list, field) => list.Select(field, (items, value) => items.Add(value)));
        return values.Select(items =>
        {
            var record = new GenericRecord(schema);
            for (var i = 0; i < items.Count; i++)
            {
                record.Add(schema.Fields[i].Name, items[i]);
            }

            return (object?)record;
        });
    }

    private static Gen<object?> Union(UnionSchema union, int depth)
    {
        if (depth >= MaxDepth)
        {
            var nullIndex = union.Schemas.ToList().FindIndex(s => s.Tag == Schema.Type.Null);
            return nullIndex >= 0 ? NullValue : Of(union.Schemas[0], depth);
        }

        return Gen.Int[0, union.Count - 1].SelectMany(i => Of(union.Schemas[i], depth));
    }

    private static Gen<object?> Primitive(Schema.Type type) => type switch
    {
        Schema.Type.Null => NullValue,
        Schema.Type.Boolean => Gen.Bool.Select(v => (object?)v),
        Schema.Type.Int => Generators.AnyInt.Select(v => (object?)v),
        Schema.Type.Long => Generators.AnyLong.Select(v => (object?)v),
        Schema.Type.Float => Generators.AnyFloat.Select(v => (object?)v),
        Schema.Type.Double => Generators.AnyDouble.Select(v => (object?)v),
        Schema.Type.Bytes => Generators.Bytes.Select(v => (object?)v),
        Schema.Type.String => Generators.UnicodeString.Select(v => (object?)v),
        _ => throw new NotSupportedException("No generator for primitive " + type),
    };

    private static Gen<object?> Logical(LogicalSchema schema) => schema.LogicalTypeName switch
    {
        "uuid" => Gen.Guid.Select(v => (object?)v),
        "date" => Gen.Int[(int)(DateTime.MinValue - DateTime.UnixEpoch).TotalDays, (int)(new DateTime(9999, 12, 31) - DateTime.UnixEpoch).TotalDays]
            .Select(days => (object?)DateTime.UnixEpoch.AddDays(days)),
        "time-millis" => Gen.Int[0, 86_399_999].Select(ms => (object?)TimeSpan.FromMilliseconds(ms)),
        "time-micros" => Gen.Long[0, 86_399_999_999].Select(us => (object?)TimeSpan.FromTicks(us * 10)),
        "timestamp-millis" or "local-timestamp-millis" => Generators.ApacheExactUtcInstant(TimeSpan.TicksPerMillisecond).Select(Kind(schema)),
        "timestamp-micros" or "local-timestamp-micros" => Generators.UtcInstant(TimeSpan.TicksPerMicrosecond).Select(Kind(schema)),
        "decimal" => Decimal(schema),
        _ => Of(schema.BaseSchema, MaxDepth),
    };

    private static Func<DateTime, object?> Kind(LogicalSchema schema) => schema.LogicalTypeName.StartsWith("local-", StringComparison.Ordinal)
        ? instant => DateTime.SpecifyKind(instant, DateTimeKind.Unspecified)
        : instant => instant;

    /// <summary>Unscaled values of up to the schema's precision (at most 28 digits, what <see cref="decimal"/> holds).</summary>
    private static Gen<object?> Decimal(Schema schema) =>
        Unscaled(schema).Select(unscaled => (object?)new AvroDecimal(unscaled, int.Parse(schema.GetProperty("scale") ?? "0", System.Globalization.CultureInfo.InvariantCulture)));

    private static Gen<BigInteger> Unscaled(Schema schema)
    {
        var precision = Math.Min(28, int.Parse(schema.GetProperty("precision") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
        return Gen.Int[0, precision].SelectMany(digits =>
            Gen.Select(Gen.Int[0, 9].Array[digits], Gen.Bool, (ds, negative) =>
            {
                var unscaled = ds.Aggregate(BigInteger.Zero, (acc, d) => (acc * 10) + d);
                return negative ? -unscaled : unscaled;
            }));
    }

    /// <summary>
    /// A decimal fixed reached by name: Apache.Avro 1.12.2 resolves the name to the plain fixed (the logical type stays on
    /// the definition), so it takes a GenericFixed: the unscaled value as big-endian two's complement, sign-extended.
    /// </summary>
    private static Gen<object?> DecimalInFixed(FixedSchema schema) => Unscaled(schema).Select(unscaled =>
    {
        var minimal = unscaled.ToByteArray(isUnsigned: false, isBigEndian: true);
        var bytes = new byte[schema.Size];
        Array.Fill(bytes, unscaled.Sign < 0 ? (byte)0xFF : (byte)0);
        minimal.CopyTo(bytes, schema.Size - minimal.Length);
        return (object?)new GenericFixed(schema, bytes);
    });
}
