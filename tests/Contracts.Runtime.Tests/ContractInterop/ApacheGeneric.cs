using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Runtime.Tests.Support;
using global::Avro;
using global::Avro.Generic;
using global::Avro.IO;
using Xunit;

namespace Contracts.Runtime.Tests.ContractInterop;

using AvroDecimal = global::Avro.AvroDecimal;
using Schema = global::Avro.Schema;

/// <summary>
/// Apache.Avro's generic data model as the oracle: build the GenericRecord a contract value should be, write and read
/// it with GenericDatumWriter/GenericDatumReader, and compare generic values deeply with a path in every failure.
/// </summary>
internal static class ApacheGeneric
{
    public static GenericRecord Record(Schema schema, params (string Name, object? Value)[] fields)
    {
        var recordSchema = (RecordSchema)NonNull(schema);
        var record = new GenericRecord(recordSchema);
        foreach (var (name, value) in fields)
        {
            Assert.True(recordSchema.TryGetField(name, out _), $"the schema of {recordSchema.Fullname} has no field '{name}'");
            record.Add(name, value);
        }

        Assert.Equal(recordSchema.Fields.Count, fields.Length);
        return record;
    }

    /// <summary>The schema of field <paramref name="name"/> of a record schema (itself possibly inside a nullable union).</summary>
    public static Schema Field(Schema record, string name) => ((RecordSchema)NonNull(record)).Fields.Single(f => f.Name == name).Schema;

    /// <summary>The item schema of an array schema.</summary>
    public static Schema Items(Schema array) => ((ArraySchema)NonNull(array)).ItemSchema;

    /// <summary>The value schema of a map schema.</summary>
    public static Schema Values(Schema map) => ((MapSchema)NonNull(map)).ValueSchema;

    /// <summary>The non-null branch of a nullable union, or the schema itself.</summary>
    public static Schema NonNull(Schema schema) =>
        schema is UnionSchema union ? union.Schemas.Single(branch => branch.Tag != Schema.Type.Null) : schema;

    public static GenericEnum Enum(Schema schema, string symbol) => new((EnumSchema)NonNull(schema), symbol);

    public static GenericFixed Fixed(Schema schema, byte[] value) => new((FixedSchema)NonNull(schema), value);

    public static AvroDecimal Decimal(decimal value, int scale) =>
        new(ExactDecimal.Unscaled(value, scale) ?? throw new ArgumentException($"{value} has more than {scale} decimals"), scale);

    /// <summary>A decimal as the bytes of a fixed: the unscaled value as big-endian two's complement, sign-extended to the size.</summary>
    public static GenericFixed DecimalFixed(Schema schema, decimal value, int scale)
    {
        var fixedSchema = (FixedSchema)NonNull(schema);
        var unscaled = Decimal(value, scale).UnscaledValue;
        var minimal = unscaled.ToByteArray(isUnsigned: false, isBigEndian: true);
        var bytes = new byte[fixedSchema.Size];
        System.Array.Fill(bytes, unscaled.Sign < 0 ? (byte)0xFF : (byte)0);
        minimal.CopyTo(bytes, fixedSchema.Size - minimal.Length);
        return new GenericFixed(fixedSchema, bytes);
    }

    public static DateTime Date(DateOnly value) => value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static object[] Array<T>(IEnumerable<T> items, Func<T, object?> map) => items.Select(item => map(item)!).ToArray();

    public static Dictionary<string, object> Map<T>(IEnumerable<KeyValuePair<string, T>> entries, Func<T, object?> map) =>
        entries.ToDictionary(entry => entry.Key, entry => map(entry.Value)!);

    public static byte[] Write(Schema schema, GenericRecord record)
    {
        using var stream = new MemoryStream();
        var encoder = new BinaryEncoder(stream);
        new GenericDatumWriter<GenericRecord>(schema).Write(record, encoder);
        encoder.Flush();
        return stream.ToArray();
    }

    public static GenericRecord Read(Schema schema, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var record = new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(stream));
        Assert.True(stream.Position == bytes.Length, $"Apache.Avro read {stream.Position} of {bytes.Length} bytes");
        return record;
    }

    /// <summary>Deep equality of generic values; the failure names the path, e.g. <c>addresses[1].street</c>.</summary>
    public static void AssertEqual(object? expected, object? actual, string path = "")
    {
        var where = path.Length == 0 ? "the root" : path;
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{where}: expected null, got {Describe(actual)}");
                return;
            case GenericRecord expectedRecord:
                var actualRecord = Assert.IsType<GenericRecord>(actual);
                Assert.Equal(expectedRecord.Schema.Fullname, actualRecord.Schema.Fullname);
                foreach (var field in expectedRecord.Schema.Fields)
                {
                    Assert.True(actualRecord.TryGetValue(field.Name, out var actualValue), $"{where}: no field '{field.Name}'");
                    expectedRecord.TryGetValue(field.Name, out var expectedValue);
                    AssertEqual(expectedValue, actualValue, path.Length == 0 ? field.Name : path + "." + field.Name);
                }

                return;
            case GenericEnum expectedEnum:
                Assert.True(actual is GenericEnum e && e.Value == expectedEnum.Value, $"{where}: expected enum {expectedEnum.Value}, got {Describe(actual)}");
                return;
            case GenericFixed expectedFixed:
                Assert.True(actual is GenericFixed f && f.Value.AsSpan().SequenceEqual(expectedFixed.Value), $"{where}: expected fixed {Convert.ToHexString(expectedFixed.Value)}, got {Describe(actual)}");
                return;
            case byte[] expectedBytes:
                Assert.True(actual is byte[] b && b.AsSpan().SequenceEqual(expectedBytes), $"{where}: expected bytes {Convert.ToHexString(expectedBytes)}, got {Describe(actual)}");
                return;
            case AvroDecimal expectedDecimal:
                Assert.True(
                    actual is AvroDecimal d && d.UnscaledValue == expectedDecimal.UnscaledValue && d.Scale == expectedDecimal.Scale,
                    $"{where}: expected decimal {expectedDecimal} (unscaled {expectedDecimal.UnscaledValue}, scale {expectedDecimal.Scale}), got {Describe(actual)}");
                return;
            case DateTime expectedTime:
                // Kinds differ between Apache's conversions; the wire carries ticks only.
                Assert.True(actual is DateTime t && t.Ticks == expectedTime.Ticks, $"{where}: expected {expectedTime:O}, got {Describe(actual)}");
                return;
            case float expectedFloat:
                Assert.True(actual is float g && BitConverter.SingleToInt32Bits(g) == BitConverter.SingleToInt32Bits(expectedFloat), $"{where}: expected {expectedFloat:R}, got {Describe(actual)}");
                return;
            case double expectedDouble:
                Assert.True(actual is double h && BitConverter.DoubleToInt64Bits(h) == BitConverter.DoubleToInt64Bits(expectedDouble), $"{where}: expected {expectedDouble:R}, got {Describe(actual)}");
                return;
            case IDictionary expectedMap:
                var actualMap = Assert.IsAssignableFrom<IDictionary>(actual);
                Assert.True(expectedMap.Count == actualMap.Count, $"{where}: expected {expectedMap.Count} map entries, got {actualMap.Count}");
                foreach (DictionaryEntry entry in expectedMap)
                {
                    Assert.True(actualMap.Contains(entry.Key), $"{where}: no map key '{entry.Key}'");
                    AssertEqual(entry.Value, actualMap[entry.Key], $"{path}[\"{entry.Key}\"]");
                }

                return;
            case IList expectedList:
                var actualList = Assert.IsAssignableFrom<IList>(actual);
                Assert.True(expectedList.Count == actualList.Count, $"{where}: expected {expectedList.Count} items, got {actualList.Count}");
                for (var i = 0; i < expectedList.Count; i++)
                {
                    AssertEqual(expectedList[i], actualList[i], $"{path}[{i}]");
                }

                return;
            default:
                Assert.True(expected.Equals(actual), $"{where}: expected {Describe(expected)}, got {Describe(actual)}");
                return;
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        byte[] bytes => "bytes " + Convert.ToHexString(bytes),
        GenericFixed f => "fixed " + Convert.ToHexString(f.Value),
        GenericEnum e => "enum " + e.Value,
        DateTime t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => $"{value} ({value.GetType().Name})",
    };
}
