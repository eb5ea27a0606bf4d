using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using global::Avro.Generic;
using Xunit;

namespace Contracts.Runtime.Tests.ContractInterop;

using ApacheSchema = global::Avro.Schema;
using ApacheSchemaNormalization = global::Avro.SchemaNormalization;

/// <summary>
/// Generated contracts against Apache.Avro 1.12.2: our bytes decode with GenericDatumReader under our emitted schema to
/// the expected generic record, Apache's GenericDatumWriter produces the very same bytes, and our reader decodes them
/// (also split across segments) back to the same value.
/// </summary>
public sealed class ContractInteropTests
{
    private const long Iterations = 150;

    public static TheoryData<string> ContractTypes() => new(MessageContracts.Catalog.Select(d => d.ClrType.Name));

    [Fact]
    public void Catalog_lists_every_interop_test_contract()
    {
        // Other test folders declare contracts too; every one of ours must be listed.
        var listed = MessageContracts.Catalog.Select(d => d.ClrType).ToHashSet();
        Type[] ours = [typeof(CollectionsV1), typeof(LedgerV1), typeof(NullablesV1), typeof(PlainKeyedV1), typeof(RenamedV3), typeof(ScalarsV1), typeof(TreeV1), typeof(UnkeyedV1)];
        Assert.All(ours, type => Assert.Contains(type, listed));
    }

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void Schema_parses_in_Apache_and_canonical_form_and_fingerprint_match(string typeName)
    {
        var descriptor = Descriptor(typeName);
        var parsed = ApacheSchema.Parse(descriptor.Schema);

        // Apache.Avro 1.12.2 writes a fixed with a logical type (LedgerV1's decimals) as a bare name in its canonical
        // form, so it computes the form from the schema without those logical types, which the form strips anyway.
        var canonicalInput = ApacheSchema.Parse(ApacheCanonicalInput.WithoutFixedLogicalTypes(descriptor.Schema));
        Assert.Equal(ApacheSchemaNormalization.ToParsingForm(canonicalInput), descriptor.CanonicalSchema);
        Assert.Equal(ApacheSchemaNormalization.ParsingFingerprint64(canonicalInput), descriptor.Fingerprint);
        Assert.Equal(parsed.Fullname, ApacheSchema.Parse(descriptor.CanonicalSchema).Fullname);
    }

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void Key_schema_parses_in_Apache_and_canonical_form_and_fingerprint_match(string typeName)
    {
        var descriptor = Descriptor(typeName);
        if (descriptor.KeyFormat != KeyFormat.Record)
        {
            Assert.Null(descriptor.KeySchema);
            Assert.Null(descriptor.KeyFingerprint);
            return;
        }

        var parsed = ApacheSchema.Parse(descriptor.KeySchema!);
        Assert.Equal(ApacheSchemaNormalization.ToParsingForm(parsed), descriptor.KeyCanonicalSchema);
        Assert.Equal(ApacheSchemaNormalization.ParsingFingerprint64(parsed), descriptor.KeyFingerprint);
        var messageFields = ((global::Avro.RecordSchema)ApacheSchema.Parse(descriptor.Schema)).Fields.ToDictionary(f => f.Name);
        foreach (var keyField in ((global::Avro.RecordSchema)parsed).Fields)
        {
            Assert.Contains(keyField.Name, descriptor.KeyFields);
            Assert.Equal(messageFields[keyField.Name].Schema, keyField.Schema);
        }
    }

    [Fact]
    public void Scalars_interoperate_with_Apache_generic_datum_reader_and_writer() =>
        Interop(ContractValues.Scalars, ContractValues.ToGeneric);

    [Fact]
    public void Nullables_interoperate_with_Apache_generic_datum_reader_and_writer() =>
        Interop(ContractValues.Nullables, ContractValues.ToGeneric);

    [Fact]
    public void Collections_interoperate_with_Apache_generic_datum_reader_and_writer() =>
        Interop(ContractValues.Collections, ContractValues.ToGeneric);

    /// <summary>
    /// Values, not only the schema text: Apache.Avro's canonical form of a logical fixed differs (see
    /// <see cref="Schema_parses_in_Apache_and_canonical_form_and_fingerprint_match"/>), but its reader and writer agree with
    /// ours on every decimal-on-fixed field, defined in place, nullable, or reached by name.
    /// </summary>
    [Fact]
    public void Decimals_on_fixed_interoperate_with_Apache_generic_datum_reader_and_writer() =>
        Interop(ContractValues.Ledger, ContractValues.ToGeneric);

    [Fact]
    public void Recursive_records_interoperate_with_Apache_generic_datum_reader_and_writer() =>
        Interop(ContractValues.Tree, ContractValues.ToGeneric);

    [Fact]
    public void Record_key_decodes_in_Apache_with_the_key_schema() =>
        ContractValues.Scalars.Sample(
            value =>
            {
                var keySchema = ApacheSchema.Parse(ScalarsV1.Descriptor.KeySchema!);
                var key = ApacheGeneric.Read(keySchema, AvroSerializer.SerializeKey(value));
                ApacheGeneric.AssertEqual(ApacheGeneric.Record(keySchema, ("id", value.Id)), key);
            },
            iter: 50);

    [Fact]
    public void Composite_record_key_decodes_in_Apache_with_the_key_schema()
    {
        var value = new RenamedV3("emea", 42, ["x"], "Ada");
        var keySchema = ApacheSchema.Parse(RenamedV3.Descriptor.KeySchema!);
        Assert.Equal(["region", "number"], RenamedV3.Descriptor.KeyFields);
        var key = ApacheGeneric.Read(keySchema, AvroSerializer.SerializeKey(value));
        ApacheGeneric.AssertEqual(ApacheGeneric.Record(keySchema, ("region", "emea"), ("number", 42)), key);
    }

    [Fact]
    public void Plain_key_is_the_UTF8_text_and_no_key_is_empty()
    {
        Assert.Equal(Encoding.UTF8.GetBytes("CODE-é"), AvroSerializer.SerializeKey(new PlainKeyedV1("CODE-é", 5)));
        Assert.Empty(AvroSerializer.SerializeKey(new UnkeyedV1("x")));
    }

    [Fact]
    public void Renamed_contract_carries_its_names_aliases_docs_and_defaults_into_Apache()
    {
        var schema = (global::Avro.RecordSchema)ApacheSchema.Parse(RenamedV3.Descriptor.Schema);
        Assert.Equal("org.example.crm.Customer", schema.Fullname);
        using var json = System.Text.Json.JsonDocument.Parse(RenamedV3.Descriptor.Schema);
        Assert.Equal(["Client", "org.example.legacy.Customer"], json.RootElement.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["region", "number", "tags", "display", "visits", "weight", "active", "status", "nickname"], schema.Fields.Select(f => f.Name));
        Assert.Equal("The sales region.", schema.Fields[0].Documentation);
        Assert.Equal(["name", "title"], schema.Fields[3].Aliases);
    }

    [Fact]
    public void Defaults_fill_fields_missing_from_old_data_when_Apache_resolves_schemas()
    {
        // Data written by a writer that only knew the key fields: Apache's schema resolution must take every other
        // field's default from our schema, and they must equal the C# parameter defaults.
        var writerSchema = ApacheSchema.Parse("""
            {"type":"record","name":"Customer","namespace":"org.example.crm","fields":[
              {"name":"region","type":"string"},{"name":"number","type":"int"}]}
            """);
        var old = ApacheGeneric.Write(writerSchema, ApacheGeneric.Record(writerSchema, ("region", "apac"), ("number", 9)));
        var readerSchema = ApacheSchema.Parse(RenamedV3.Descriptor.Schema);
        using var stream = new System.IO.MemoryStream(old);
        var resolved = new GenericDatumReader<GenericRecord>(writerSchema, readerSchema).Read(null!, new global::Avro.IO.BinaryDecoder(stream));

        var defaults = new RenamedV3("apac", 9, ["a", "b"]);
        var expected = ToGeneric(defaults, readerSchema);
        ApacheGeneric.AssertEqual(expected, resolved);

        // And the resolved record written back by Apache reads as the C# value with its defaults.
        var decoded = AvroSerializer.Deserialize<RenamedV3>(ApacheGeneric.Write(readerSchema, resolved));
        ApacheGeneric.AssertEqual(expected, ToGeneric(decoded, readerSchema));
    }

    [Fact]
    public void Record_alias_lets_Apache_read_data_written_under_the_old_record_name()
    {
        // Field aliases are in the schema too (asserted above), but Apache.Avro C# 1.12.2 ignores field aliases when
        // resolving, so only the record alias can be exercised through it.
        var writerSchema = ApacheSchema.Parse("""
            {"type":"record","name":"Customer","namespace":"org.example.legacy","fields":[
              {"name":"region","type":"string"},{"name":"number","type":"int"},{"name":"display","type":"string"}]}
            """);
        var old = ApacheGeneric.Write(writerSchema, ApacheGeneric.Record(writerSchema, ("region", "emea"), ("number", 1), ("display", "Grace")));
        var readerSchema = ApacheSchema.Parse(RenamedV3.Descriptor.Schema);
        using var stream = new System.IO.MemoryStream(old);
        var resolved = new GenericDatumReader<GenericRecord>(writerSchema, readerSchema).Read(null!, new global::Avro.IO.BinaryDecoder(stream));
        ApacheGeneric.AssertEqual(ToGeneric(new RenamedV3("emea", 1, ["a", "b"], "Grace"), readerSchema), resolved);
    }

    [Fact]
    public void Enum_default_symbol_lets_Apache_read_a_symbol_our_schema_does_not_know()
    {
        var writerSchema = ApacheSchema.Parse("""
            {"type":"record","name":"Customer","namespace":"org.example.crm","fields":[
              {"name":"region","type":"string"},{"name":"number","type":"int"},
              {"name":"status","type":{"type":"enum","name":"Status","namespace":"Contracts.Runtime.Tests.ContractInterop","symbols":["Unknown","Active","Closed","Suspended"]}}]}
            """);
        var written = ApacheGeneric.Write(writerSchema, ApacheGeneric.Record(
            writerSchema, ("region", "emea"), ("number", 1), ("status", ApacheGeneric.Enum(ApacheGeneric.Field(writerSchema, "status"), "Suspended"))));
        var readerSchema = ApacheSchema.Parse(RenamedV3.Descriptor.Schema);
        using var stream = new System.IO.MemoryStream(written);
        var resolved = new GenericDatumReader<GenericRecord>(writerSchema, readerSchema).Read(null!, new global::Avro.IO.BinaryDecoder(stream));
        ApacheGeneric.AssertEqual(ApacheGeneric.Enum(ApacheGeneric.Field(readerSchema, "status"), "Unknown"), resolved["status"], "status");
    }

    [Fact]
    public void Renamed_contract_interoperates_with_Apache() =>
        Interop(
            Gen.Select(Generators.UnicodeString, Gen.Int, Generators.UnicodeString.List[0, 3], Generators.UnicodeString, Gen.Int, Gen.Double, Gen.Bool, Gen.Enum<Status>())
                .Select(Gen.Null(Generators.UnicodeString), (t, nickname) => new RenamedV3(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8, nickname)),
            ToGeneric);

    private static GenericRecord ToGeneric(RenamedV3 v, ApacheSchema s) => ApacheGeneric.Record(
        s,
        ("region", v.Region),
        ("number", v.Number),
        ("tags", ApacheGeneric.Array(v.Tags, t => t)),
        ("display", v.DisplayName),
        ("visits", v.Visits),
        ("weight", v.Weight),
        ("active", v.Active),
        ("status", ApacheGeneric.Enum(ApacheGeneric.Field(s, "status"), v.Status.ToString())),
        ("nickname", v.Nickname));

    private static void Interop<T>(Gen<T> values, Func<T, ApacheSchema, GenericRecord> toGeneric)
        where T : IMessageContract<T>
    {
        var schema = ApacheSchema.Parse(T.Descriptor.Schema);
        Gen.Select(values, Gen.Int).Sample(
            (value, seed) =>
            {
                var expected = toGeneric(value, schema);

                var ours = AvroSerializer.Serialize(value);
                ApacheGeneric.AssertEqual(expected, ApacheGeneric.Read(schema, ours));

                var apache = ApacheGeneric.Write(schema, expected);
                Assert.Equal(apache, ours);

                ApacheGeneric.AssertEqual(expected, toGeneric(AvroSerializer.Deserialize<T>(apache), schema));
                ApacheGeneric.AssertEqual(expected, toGeneric(AvroSerializer.Deserialize<T>(Segmented(apache, seed)), schema));

                var chunked = new ChunkedBufferWriter(seed);
                AvroSerializer.Serialize(chunked, value);
                Assert.Equal(ours, chunked.WrittenBytes);
            },
            iter: Iterations);
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int seed) => SegmentedSequence.Split(bytes, new Random(seed));

    private static IMessageDescriptor Descriptor(string typeName) => MessageContracts.Catalog.Single(d => d.ClrType.Name == typeName);
}
