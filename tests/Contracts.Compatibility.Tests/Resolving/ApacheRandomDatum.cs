using System;
using System.IO;
using System.Linq;
using global::Avro;
using ApacheSchema = global::Avro.Schema;
using global::Avro.Generic;
using global::Avro.IO;

namespace Contracts.Compatibility.Tests.Resolving;

/// <summary>
/// Random values of any schema as Apache.Avro's generic datums, encoded by its <c>GenericDatumWriter</c>: old data
/// written the way a service that still has only the old schema writes it, with no C# type of ours involved.
/// </summary>
internal static class ApacheRandomDatum
{
    public static byte[] Write(string schemaJson, Random random)
    {
        var schema = ApacheSchema.Parse(schemaJson);
        return Encode(schema, For(schema, random));
    }

    /// <summary>Apache.Avro's encoding of a generic datum.</summary>
    public static byte[] Encode(ApacheSchema schema, object? datum)
    {
        using var output = new MemoryStream();
        var encoder = new BinaryEncoder(output);
        new GenericDatumWriter<object?>(schema).Write(datum, encoder);
        encoder.Flush();
        return output.ToArray();
    }

    private static object? For(ApacheSchema schema, Random random)
    {
        switch (schema)
        {
            case RecordSchema record:
                var value = new GenericRecord(record);
                foreach (var field in record.Fields)
                {
                    value.Add(field.Name, For(field.Schema, random));
                }

                return value;
            case EnumSchema enumSchema:
                return new GenericEnum(enumSchema, enumSchema.Symbols[random.Next(enumSchema.Symbols.Count)]);
            case ArraySchema array:
                return Enumerable.Range(0, random.Next(4)).Select(_ => For(array.ItemSchema, random)).ToArray();
            case MapSchema map:
                return Enumerable.Range(0, random.Next(4)).ToDictionary(i => "k" + i, _ => For(map.ValueSchema, random));
            case UnionSchema union:
                return For(union.Schemas[random.Next(union.Count)], random);
            case FixedSchema fixedSchema:
                var bytes = new byte[fixedSchema.Size];
                random.NextBytes(bytes);
                return new GenericFixed(fixedSchema, bytes);
            default:
                return schema.Tag switch
                {
                    ApacheSchema.Type.Null => null,
                    ApacheSchema.Type.Boolean => random.Next(2) == 0,
                    ApacheSchema.Type.Int => random.Next(3) == 0 ? int.MinValue + random.Next(2) : random.Next(-1000, 1000),
                    ApacheSchema.Type.Long => random.NextInt64(long.MinValue, long.MaxValue),
                    ApacheSchema.Type.Float => (float)((random.NextDouble() - 0.5) * 1e6),
                    ApacheSchema.Type.Double => (random.NextDouble() - 0.5) * 1e12,
                    ApacheSchema.Type.Bytes => System.Text.Encoding.UTF8.GetBytes(PersonValues.Text(random)),
                    ApacheSchema.Type.String => PersonValues.Text(random),
                    _ => throw new NotSupportedException("No random value for " + schema),
                };
        }
    }
}
