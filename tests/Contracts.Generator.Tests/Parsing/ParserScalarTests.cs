using System.Linq;
using Contracts.Generator.Model;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Parsing;

public sealed class ParserScalarTests
{
    [Fact]
    public void Maps_every_scalar_and_logical_type()
    {
        var model = ParserProbe.ParseOne("""
            using System;
            using Contracts;
            namespace Acme;
            [Message("all", 1)]
            public partial record AllV1(
                bool Flag, int Count, long Total, float Ratio, double Score, string Name, byte[] Blob,
                ReadOnlyMemory<byte> Memory, Guid Id, DateTimeOffset At, DateTime When, DateOnly Born, TimeOnly Alarm, decimal Price,
                [AvroTimestamp(AvroTimestampKind.Micros)] DateTimeOffset AtMicros,
                [AvroTimestamp(AvroTimestampKind.LocalMillis)] DateTime LocalMillis,
                [AvroTimestamp(AvroTimestampKind.LocalMicros)] DateTime LocalMicros,
                [AvroDecimal(10, 2)] decimal Amount,
                [AvroFixed(16)] byte[] Hash,
                [AvroFixed(4, Name = "Magic")] ReadOnlyMemory<byte> Header);
            """);

        var root = model.Root();
        Assert.Equal("Acme.All", model.RootRecordFullName);
        Assert.Equal("all", model.MessageType);
        Assert.Equal(1, model.Version);
        Assert.Equal(0, model.KeyFormat);
        Assert.Equal(20, root.ConstructorParameterCount);
        Assert.Equal(
            [
                "flag", "count", "total", "ratio", "score", "name", "blob", "memory", "id", "at", "when", "born", "alarm", "price",
                "atMicros", "localMillis", "localMicros", "amount", "hash", "header",
            ],
            root.Fields.Select(f => f.AvroName));
        Assert.Equal(Enumerable.Range(0, 20), root.Fields.Select(f => f.ConstructorParameterIndex));

        Assert.Equal(new AvroTypeModel(AvroKind.Boolean, ClrShape.Boolean, "bool"), root.Field("flag").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Int, ClrShape.Int32, "int"), root.Field("count").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Long, ClrShape.Int64, "long"), root.Field("total").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Float, ClrShape.Single, "float"), root.Field("ratio").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Double, ClrShape.Double, "double"), root.Field("score").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.String, ClrShape.String, "string"), root.Field("name").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Bytes, ClrShape.ByteArray, "byte[]"), root.Field("blob").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Bytes, ClrShape.ReadOnlyMemoryOfByte, "global::System.ReadOnlyMemory<byte>"), root.Field("memory").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.String, ClrShape.Guid, "global::System.Guid", LogicalType: "uuid"), root.Field("id").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Long, ClrShape.DateTimeOffset, "global::System.DateTimeOffset", LogicalType: "timestamp-millis"), root.Field("at").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Long, ClrShape.DateTime, "global::System.DateTime", LogicalType: "timestamp-millis"), root.Field("when").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Int, ClrShape.DateOnly, "global::System.DateOnly", LogicalType: "date"), root.Field("born").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Long, ClrShape.TimeOnly, "global::System.TimeOnly", LogicalType: "time-micros"), root.Field("alarm").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Bytes, ClrShape.Decimal, "decimal", LogicalType: "decimal", Precision: 29, Scale: 10), root.Field("price").Type);
        Assert.Equal("timestamp-micros", root.Field("atMicros").Type.LogicalType);
        Assert.Equal("local-timestamp-millis", root.Field("localMillis").Type.LogicalType);
        Assert.Equal("local-timestamp-micros", root.Field("localMicros").Type.LogicalType);
        Assert.Equal(new AvroTypeModel(AvroKind.Bytes, ClrShape.Decimal, "decimal", LogicalType: "decimal", Precision: 10, Scale: 2), root.Field("amount").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Fixed, ClrShape.ByteArray, "byte[]", NamedTypeFullName: "Acme.Hash", FixedSize: 16), root.Field("hash").Type);
        Assert.Equal(new AvroTypeModel(AvroKind.Fixed, ClrShape.ReadOnlyMemoryOfByte, "global::System.ReadOnlyMemory<byte>", NamedTypeFullName: "Acme.Magic", FixedSize: 4), root.Field("header").Type);
        Assert.All(root.Fields, f => Assert.Null(f.DefaultJson));
    }

    [Fact]
    public void Describes_the_declaration_for_reopening_the_partial_type()
    {
        var model = ParserProbe.ParseOne("""
            using Contracts;
            namespace Acme.People
            {
                public static partial class Outer
                {
                    internal partial class Middle
                    {
                        [Message("person", 3)]
                        public readonly partial record struct PersonV3(string Name);
                    }
                }
            }
            """);

        Assert.Equal(
            new TypeDeclarationModel("Acme.People", "PersonV3", "record struct", new[] { "class Outer", "class Middle" }.ToEquatableArray(), "Acme.People.Outer.Middle.PersonV3"),
            model.Declaration);
        Assert.Equal("Acme.People.Person", model.RootRecordFullName);
        Assert.True(model.Root().IsValueType);
        Assert.Equal("global::Acme.People.Outer.Middle.PersonV3", model.Root().ClrTypeName);
    }

    [Theory]
    [InlineData("public partial record PersonV2(string Name);", "record", "Person")]
    [InlineData("public partial record class PersonV2(string Name);", "record", "Person")]
    [InlineData("public partial struct PersonV2 { public string Name { get; set; } }", "struct", "Person")]
    [InlineData("public partial class PersonV2 { public string Name { get; init; } = \"\"; }", "class", "Person")]
    [InlineData("public partial record Personv2(string Name);", "record", "Personv2")]
    [InlineData("public partial record PersonV22(string Name);", "record", "PersonV22")]
    public void Keyword_and_avro_name_follow_the_declaration(string declaration, string keyword, string avroName)
    {
        var model = ParserProbe.ParseOne("using Contracts;\n[Message(\"person\", 2)]\n" + declaration);

        Assert.Equal(keyword, model.Declaration.Keyword);
        Assert.Equal(string.Empty, model.Declaration.Namespace);
        Assert.Equal(avroName, model.RootRecordFullName);
        Assert.Equal("name", Assert.Single(model.Root().Fields).AvroName);
    }

    [Fact]
    public void Schema_name_and_namespace_override_the_defaults()
    {
        var model = ParserProbe.ParseOne("""
            using Contracts;
            namespace Acme;
            [Message("person", 2, SchemaName = "Human", SchemaNamespace = "com.acme.people")]
            public partial record PersonV2(string Name);
            """);

        Assert.Equal("com.acme.people.Human", model.RootRecordFullName);
        Assert.Equal("Acme", model.Declaration.Namespace);
    }

    [Fact]
    public void Keyword_named_members_are_escaped_for_generated_code()
    {
        var model = ParserProbe.ParseOne("""
            using Contracts;
            [Message("evt", 1)]
            public partial record @event(string @class, int @int);
            """);

        Assert.Equal("@event", model.Declaration.Name);
        Assert.Equal("event", model.RootRecordFullName);
        Assert.Equal(["@class", "@int"], model.Root().Fields.Select(f => f.MemberName));
        Assert.Equal(["class", "int"], model.Root().Fields.Select(f => f.AvroName));
    }
}
