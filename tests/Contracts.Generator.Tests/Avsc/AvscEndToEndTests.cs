using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Avsc;

/// <summary>
/// Three .avsc files (records, enums, fixed, every logical type, nullable and general unions, recursion, cross-file
/// references, nested namespaces, aliases, defaults of every kind) generate code that compiles with every warning on,
/// round-trips through Avro and the JSON envelope, applies defaults, and carries the schema the files describe.
/// </summary>
public sealed class AvscEndToEndTests
{
    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using Acme.Common;
        using Acme.People;
        using Contracts.Avro;
        using Contracts.Json;

        namespace Probe;

        public static class Samples
        {
            public static PersonProfile Full() => new()
            {
                Id = Guid.Parse("6f1c2a8e-8d4b-4c3e-9f7a-2b5d8e1c0a94"),
                FirstName = "Ann",
                Class = 3,
                Event = false,
                Age = 41,
                Ratio = 0.25f,
                Score = -2.5,
                Photo = [1, 2, 3],
                Hash = [9, 8, 7, 6],
                Born = new DateOnly(1985, 4, 12),
                Wakes = new TimeOnly(6, 45, 10, 250),
                Sleeps = new TimeOnly(22, 30, 5, 1, 2),
                Created = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123),
                Updated = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000).AddTicks(4560),
                LocalCreated = new DateTime(2024, 2, 29, 12, 0, 0, 7),
                LocalUpdated = new DateTime(2024, 2, 29, 12, 0, 0, 7).AddTicks(80),
                Balance = 1234.56m,
                Email = "ann@example.com",
                Nickname = "Annie",
                Contact = new PersonProfile.ContactUnion.Phone(new Phone { Number = "555-0100" }),
                Home = new Address { Street = "Elm", Previous = new Address { Street = "Oak", City = "Shelbyville" } },
                Addresses = [new Address { Street = "1st" }],
                Tags = ["a"],
                Scores = new Dictionary<string, int> { ["x"] = 1, ["y"] = -2 },
                Status = Status.Closed,
                History = [new Dictionary<string, Status?> { ["then"] = Status.InProgress, ["never"] = null }],
                Meta = new Acme.People.Meta.Meta { Source = "app", Phone = new Phone { Number = "1" } },
            };

            public static PersonProfile Minimal() => new()
            {
                Id = Guid.Empty,
                FirstName = "Bo",
                Born = new DateOnly(2000, 1, 1),
                Wakes = TimeOnly.MinValue,
                Sleeps = TimeOnly.MaxValue.Add(TimeSpan.FromTicks(-9)),
                Created = DateTimeOffset.UnixEpoch,
                Updated = DateTimeOffset.UnixEpoch,
                LocalCreated = new DateTime(2000, 1, 1),
                LocalUpdated = new DateTime(2000, 1, 1),
            };

            public static byte[] ToAvro(PersonProfile value) => AvroSerializer.Serialize(value);

            public static PersonProfile FromAvro(byte[] data) => AvroSerializer.Deserialize<PersonProfile>(data);

            public static byte[] ToJson(PersonProfile value) => JsonEnvelope.Serialize(value);

            public static PersonProfile FromJson(byte[] data) => JsonEnvelope.Deserialize<PersonProfile>(data);

            public static string Describe(PersonProfile p) => string.Join("|",
                p.Class, p.Event, p.Age, p.Ratio, p.Score, Convert.ToHexString(p.Photo), Convert.ToHexString(p.Hash), p.Balance,
                p.Email ?? "null", p.Nickname!.Match(s => s), p.Contact is null ? "null" : "contact", p.Home.Street, p.Home.City,
                p.Addresses.Count, p.Addresses[0].City, string.Join(",", p.Tags), p.Scores["a"], p.Status, p.History.Count, p.Meta.Source,
                p.Meta.Phone is null ? "null" : "phone");
        }
        """;

    [Fact]
    public void Generated_types_compile_cleanly_and_every_file_becomes_its_types()
    {
        var run = Project().Run();

        Assert.Empty(run.AllDiagnostics);
        Assert.Equal(
            [
                "Acme.People.PersonProfile.g.cs", "Avsc.Acme.Common.Address.g.cs", "Avsc.Acme.Common.Status.g.cs",
                "Avsc.Acme.People.Meta.Meta.g.cs", "Avsc.Acme.People.PersonProfile.g.cs", "Avsc.Acme.People.Phone.g.cs", "MessageContracts.g.cs",
            ],
            run.Result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Keyword_names_chosen_by_settings_and_an_enum_in_the_null_namespace_compile()
    {
        var run = new AvscProject()
            .Schema("schemas/r.avsc", """
                {"type": "record", "name": "R", "namespace": "ns.event", "contracts.typeName": "record",
                 "fields": [{"name": "x", "type": "int", "contracts.memberName": "class"},
                            {"name": "k", "type": {"type": "enum", "name": "Kind", "namespace": "", "symbols": ["int", "string"]}, "default": "int"}]}
                """)
            .Source("Use.cs", "public static class Use { public static int X(Ns.Event.@record r) => r.@class + (int)r.K; public static TestAssembly.Kind K => TestAssembly.Kind.Int; }")
            .Run();

        Assert.Empty(run.AllDiagnostics);
    }

    [Fact]
    public void Values_round_trip_through_avro_and_the_json_envelope()
    {
        var samples = Load(Project().Run());

        foreach (var sample in new[] { samples.Call("Full"), samples.Call("Minimal") })
        {
            var avro = (byte[])samples.Call("ToAvro", sample)!;
            var fromAvro = samples.Call("FromAvro", avro);
            Assert.Equal(avro, (byte[])samples.Call("ToAvro", fromAvro)!);

            var json = (byte[])samples.Call("ToJson", sample)!;
            var fromJson = samples.Call("FromJson", json);
            Assert.Equal(avro, (byte[])samples.Call("ToAvro", fromJson)!);
            Assert.Equal(json, (byte[])samples.Call("ToJson", fromJson)!);
        }
    }

    [Fact]
    public void Defaults_fill_properties_not_set_in_code_and_fields_missing_from_json()
    {
        var samples = Load(Project().Run());
        const string Expected = "7|True|-1|0.5|1000|FF0041|61626364|12.34|null|none|null|Main St|Springfield|1|B|x,y|1|InProgress|0|web|null";

        Assert.Equal(Expected, samples.Call("Describe", samples.Call("Minimal")));

        var json = "json:{\"type\":\"person\",\"version\":3,\"message\":{\"id\":\"00000000-0000-0000-0000-000000000000\",\"first_name\":\"Bo\"," +
            "\"born\":\"2000-01-01\",\"wakes\":\"00:00:00\",\"sleeps\":\"23:59:59.999999\",\"created\":\"1970-01-01T00:00:00Z\"," +
            "\"updated\":\"1970-01-01T00:00:00Z\",\"local_created\":\"2000-01-01T00:00:00\",\"local_updated\":\"2000-01-01T00:00:00\"}}";
        Assert.Equal(Expected, samples.Call("Describe", samples.Call("FromJson", System.Text.Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void The_contract_schema_has_the_canonical_form_and_fingerprint_of_the_source_file()
    {
        var samples = Load(Project().Run());
        var descriptor = samples.Assembly.GetType("Acme.People.PersonProfile")!.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        // The person file refers to types of the other files; Apache.Avro parses one self-contained schema, so the
        // expected schema is the person file with each referenced type's definition written at its first use.
        var inlined = AvscSchemas.Person
            .Replace("\"type\": \"acme.common.Hash\"", "\"type\": {\"type\": \"fixed\", \"name\": \"Hash\", \"namespace\": \"acme.common\", \"size\": 4}", StringComparison.Ordinal)
            .Replace("\"type\": \"acme.common.Address\", \"default\"", "\"type\": " + AvscSchemas.Address + ", \"default\"", StringComparison.Ordinal)
            .Replace("\"type\": \"acme.common.Status\", \"default\"", "\"type\": {\"type\": \"enum\", \"name\": \"Status\", \"namespace\": \"acme.common\", \"symbols\": [\"ACTIVE\", \"IN_PROGRESS\", \"closed\"], \"default\": \"ACTIVE\"}, \"default\"", StringComparison.Ordinal);
        var apache = global::Avro.Schema.Parse(inlined);

        Assert.Equal(global::Avro.SchemaNormalization.ToParsingForm(apache), Property(descriptor, "CanonicalSchema"));
        Assert.Equal(global::Avro.SchemaNormalization.ParsingFingerprint64(apache), Property(descriptor, "Fingerprint"));
        Assert.Equal("person", Property(descriptor, "MessageType"));
        Assert.Equal(3, Property(descriptor, "Version"));

        // The full schema (docs, aliases, defaults) parses in Apache.Avro to the same canonical form.
        var full = global::Avro.Schema.Parse((string)Property(descriptor, "Schema")!);
        Assert.Equal(global::Avro.SchemaNormalization.ToParsingForm(apache), global::Avro.SchemaNormalization.ToParsingForm(full));
    }

    [Fact]
    public void Apache_avro_reads_what_the_generated_code_writes_and_writes_the_same_bytes_back()
    {
        var samples = Load(Project().Run());
        var descriptor = samples.Assembly.GetType("Acme.People.PersonProfile")!.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var schema = global::Avro.Schema.Parse((string)Property(descriptor, "Schema")!);
        var ours = (byte[])samples.Call("ToAvro", samples.Call("Full"))!;

        var record = new global::Avro.Generic.GenericDatumReader<global::Avro.Generic.GenericRecord>(schema, schema)
            .Read(null!, new global::Avro.IO.BinaryDecoder(new MemoryStream(ours)));
        using var output = new MemoryStream();
        new global::Avro.Generic.GenericDatumWriter<global::Avro.Generic.GenericRecord>(schema).Write(record, new global::Avro.IO.BinaryEncoder(output));

        Assert.Equal("Ann", record["first_name"]);
        Assert.Equal(ours, output.ToArray());
    }

    internal static AvscProject Project() => new AvscProject()
        .Schema("schemas/common/address.avsc", AvscSchemas.Address)
        .Schema("schemas/common/kinds.avsc", AvscSchemas.Kinds)
        .Schema("schemas/people/person.avsc", AvscSchemas.Person)
        .Source("Probe.cs", Probe);

    private static object? Property(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target);

    private static LoadedSamples Load(GeneratorRunner run)
    {
        Assert.Empty(run.AllDiagnostics);
        using var stream = new MemoryStream();
        var result = run.Output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var assembly = new AssemblyLoadContext("avsc-e2e", isCollectible: true).LoadFromStream(stream);
        return new LoadedSamples(assembly);
    }

    private sealed class LoadedSamples(Assembly assembly)
    {
        public Assembly Assembly { get; } = assembly;

        public object? Call(string method, params object?[] arguments)
        {
            try
            {
                return Assembly.GetType("Probe.Samples")!.GetMethod(method)!.Invoke(null, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
