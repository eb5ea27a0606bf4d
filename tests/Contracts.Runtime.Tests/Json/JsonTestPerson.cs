using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using Contracts.Avro;
using Contracts.Json;

namespace Contracts.Runtime.Tests.Json;

/// <summary>
/// A contract written by hand the way the generator writes JSON codecs (field path on errors, duplicate and missing
/// field checks), so the envelope is tested on its own. Avro is not part of these tests.
/// </summary>
public sealed record JsonTestPerson(
    Guid Id,
    string Name,
    int Age,
    decimal Balance,
    DateTimeOffset CreatedAt,
    DateOnly? Born,
    IReadOnlyList<string> Tags,
    double Score,
    IReadOnlyDictionary<string, string> Attributes) : IMessageContract<JsonTestPerson>
{
    public static MessageDescriptor<JsonTestPerson> Descriptor { get; } = new()
    {
        MessageType = "person",
        Version = 2,
        Schema = "{}",
        CanonicalSchema = "{}",
        Fingerprint = 0,
        KeyFormat = KeyFormat.None,
        KeyFields = [],
    };

    public static void WriteAvro(ref AvroWriter writer, JsonTestPerson value) => throw new NotSupportedException("JSON-only test contract.");

    public static JsonTestPerson ReadAvro(ref AvroReader reader) => throw new NotSupportedException("JSON-only test contract.");

    public static void WriteKey(IBufferWriter<byte> output, JsonTestPerson value)
    {
    }

    public static void WriteJson(Utf8JsonWriter writer, JsonTestPerson value)
    {
        var field = "id";
        try
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id"u8);
            JsonFields.WriteUuid(writer, value.Id);
            writer.WritePropertyName("name"u8);
            field = "name";
            JsonFields.WriteString(writer, value.Name);
            writer.WriteNumber("age"u8, value.Age);
            writer.WritePropertyName("balance"u8);
            field = "balance";
            JsonFields.WriteDecimal(writer, value.Balance, 10, 2);
            writer.WritePropertyName("createdAt"u8);
            JsonFields.WriteTimestampMillis(writer, value.CreatedAt);
            writer.WritePropertyName("born"u8);
            if (value.Born is { } born)
            {
                JsonFields.WriteDate(writer, born);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WritePropertyName("tags"u8);
            field = "tags";
            writer.WriteStartArray();
            for (var i = 0; i < value.Tags.Count; i++)
            {
                JsonFields.WriteString(writer, value.Tags[i]);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("score"u8);
            field = "score";
            JsonFields.WriteDouble(writer, value.Score);
            writer.WritePropertyName("attributes"u8);
            field = "attributes";
            writer.WriteStartObject();
            foreach (var pair in (Dictionary<string, string>)value.Attributes)
            {
                JsonFields.WriteMapKey(writer, pair.Key);
                JsonFields.WriteString(writer, pair.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        catch (ContractException error)
        {
            error.PrependField(field);
            throw;
        }
    }

    public static JsonTestPerson ReadJson(ref Utf8JsonReader reader)
    {
        JsonFields.ExpectStartObject(ref reader);
        Guid id = default;
        string name = string.Empty;
        int age = 0;
        decimal balance = 0;
        DateTimeOffset createdAt = default;
        DateOnly? born = null;
        var tags = new List<string>();
        double score = 0;
        var attributes = new Dictionary<string, string>();
        var seen = 0;
        while (JsonFields.NextProperty(ref reader))
        {
            var field = Match(ref reader);
            if (field < 0)
            {
                JsonFields.SkipValue(ref reader);
                continue;
            }

            if ((seen & (1 << field)) != 0)
            {
                throw JsonFields.DuplicateField(ref reader, Names[field]);
            }

            seen |= 1 << field;
            try
            {
                JsonFields.MoveToValue(ref reader);
                switch (field)
                {
                    case 0: id = JsonFields.ReadUuid(ref reader); break;
                    case 1: name = JsonFields.ReadString(ref reader); break;
                    case 2: age = JsonFields.ReadInt32(ref reader); break;
                    case 3: balance = JsonFields.ReadDecimal(ref reader, 10, 2); break;
                    case 4: createdAt = JsonFields.ReadTimestampMillisOffset(ref reader); break;
                    case 5: born = reader.TokenType == JsonTokenType.Null ? null : JsonFields.ReadDate(ref reader); break;
                    case 6:
                        JsonFields.ExpectStartArray(ref reader);
                        for (var i = 0; JsonFields.NextItem(ref reader); i++)
                        {
                            try
                            {
                                tags.Add(JsonFields.ReadString(ref reader));
                            }
                            catch (ContractException error)
                            {
                                error.PrependIndex(i);
                                throw;
                            }
                        }

                        break;
                    case 7: score = JsonFields.ReadDouble(ref reader); break;
                    default:
                        JsonFields.ExpectStartObject(ref reader);
                        while (JsonFields.NextProperty(ref reader))
                        {
                            var key = JsonFields.ReadMapKey(ref reader);
                            if (attributes.ContainsKey(key))
                            {
                                throw JsonFields.DuplicateMapKey(ref reader, key);
                            }

                            JsonFields.MoveToValue(ref reader);
                            try
                            {
                                attributes.Add(key, JsonFields.ReadString(ref reader));
                            }
                            catch (ContractException error)
                            {
                                error.PrependMapKey(key);
                                throw;
                            }
                        }

                        break;
                }
            }
            catch (ContractException error)
            {
                error.PrependField(Names[field]);
                throw;
            }
        }

        for (var field = 0; field < Names.Length; field++)
        {
            // "born" is nullable with default null; every other field is required.
            if ((seen & (1 << field)) == 0 && field != 5)
            {
                throw JsonFields.MissingField(ref reader, Names[field]);
            }
        }

        return new JsonTestPerson(id, name, age, balance, createdAt, born, tags, score, attributes);
    }

    private static readonly string[] Names = ["id", "name", "age", "balance", "createdAt", "born", "tags", "score", "attributes"];

    private static int Match(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (reader.ValueTextEquals(Names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public bool Equals(JsonTestPerson? other) =>
        other is not null && Id == other.Id && Name == other.Name && Age == other.Age && Balance == other.Balance
        && CreatedAt == other.CreatedAt && Born == other.Born && System.Linq.Enumerable.SequenceEqual(Tags, other.Tags)
        && Score.Equals(other.Score) && Attributes.Count == other.Attributes.Count
        && System.Linq.Enumerable.All(Attributes, pair => other.Attributes.TryGetValue(pair.Key, out var v) && v == pair.Value);

    public override int GetHashCode() => Id.GetHashCode();
}
