using System.Linq;
using Contracts.Generator.Model;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Parsing;

public sealed class ParserShapeTests
{
    [Fact]
    public void Nullable_annotations_decide_unions()
    {
        var model = ParserProbe.ParseOne("""
            using System;
            using System.Collections.Generic;
            using Contracts;
            [Message("n", 1)]
            public partial record NullsV1(string Required, string? Optional, int? Count, Guid? Id, List<string?>? Tags, Dictionary<string, int?> Scores);
            """);

        var root = model.Root();
        Assert.Equal(new AvroTypeModel(AvroKind.String, ClrShape.String, "string"), root.Field("required").Type);
        Assert.Equal(
            new AvroTypeModel(AvroKind.Nullable, ClrShape.NullableReferenceType, "string?", Items: new AvroTypeModel(AvroKind.String, ClrShape.String, "string")),
            root.Field("optional").Type);
        Assert.Equal(
            new AvroTypeModel(AvroKind.Nullable, ClrShape.NullableValueType, "int?", Items: new AvroTypeModel(AvroKind.Int, ClrShape.Int32, "int")),
            root.Field("count").Type);
        Assert.Equal("global::System.Guid?", root.Field("id").Type.ClrTypeName);
        Assert.Equal("uuid", root.Field("id").Type.Items!.LogicalType);

        var tags = root.Field("tags").Type;
        Assert.Equal((AvroKind.Nullable, ClrShape.NullableReferenceType, "global::System.Collections.Generic.List<string?>?"), (tags.Kind, tags.Clr, tags.ClrTypeName));
        Assert.Equal((AvroKind.Array, ClrShape.List, "global::System.Collections.Generic.List<string?>"), (tags.Items!.Kind, tags.Items.Clr, tags.Items.ClrTypeName));
        Assert.Equal(ClrShape.NullableReferenceType, tags.Items.Items!.Clr);

        var scores = root.Field("scores").Type;
        Assert.Equal((AvroKind.Map, ClrShape.Dictionary), (scores.Kind, scores.Clr));
        Assert.Equal("int?", scores.Items!.ClrTypeName);
    }

    [Theory]
    [InlineData("int[]", nameof(ClrShape.Array))]
    [InlineData("List<int>", nameof(ClrShape.List))]
    [InlineData("IReadOnlyList<int>", nameof(ClrShape.ArrayInterface))]
    [InlineData("IReadOnlyCollection<int>", nameof(ClrShape.ArrayInterface))]
    [InlineData("IEnumerable<int>", nameof(ClrShape.ArrayInterface))]
    [InlineData("IList<int>", nameof(ClrShape.ArrayInterface))]
    [InlineData("ICollection<int>", nameof(ClrShape.ArrayInterface))]
    [InlineData("ImmutableArray<int>", nameof(ClrShape.ImmutableArray))]
    [InlineData("ImmutableList<int>", nameof(ClrShape.ImmutableList))]
    public void Sequences_map_to_arrays(string type, string shapeName)
    {
        var model = ParserProbe.ParseOne($$"""
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using Contracts;
            [Message("s", 1)]
            public partial record SeqV1({{type}} Items);
            """);

        var shape = System.Enum.Parse<ClrShape>(shapeName);
        var items = model.Root().Field("items").Type;
        Assert.Equal(AvroKind.Array, items.Kind);
        Assert.Equal(shape, items.Clr);
        Assert.Equal(new AvroTypeModel(AvroKind.Int, ClrShape.Int32, "int"), items.Items);
    }

    [Theory]
    [InlineData("Dictionary<string, long>", nameof(ClrShape.Dictionary))]
    [InlineData("IDictionary<string, long>", nameof(ClrShape.DictionaryInterface))]
    [InlineData("IReadOnlyDictionary<string, long>", nameof(ClrShape.DictionaryInterface))]
    [InlineData("ImmutableDictionary<string, long>", nameof(ClrShape.ImmutableDictionary))]
    public void String_keyed_dictionaries_map_to_maps(string type, string shapeName)
    {
        var model = ParserProbe.ParseOne($$"""
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using Contracts;
            [Message("m", 1)]
            public partial record MapV1({{type}} Values);
            """);

        var shape = System.Enum.Parse<ClrShape>(shapeName);
        var values = model.Root().Field("values").Type;
        Assert.Equal((AvroKind.Map, shape), (values.Kind, values.Clr));
        Assert.Equal(new AvroTypeModel(AvroKind.Long, ClrShape.Int64, "long"), values.Items);
    }

    [Fact]
    public void Jagged_arrays_and_lists_of_bytes_nest()
    {
        var model = ParserProbe.ParseOne("""
            using System.Collections.Generic;
            using Contracts;
            [Message("j", 1)]
            public partial record JaggedV1(int[][] Grid, List<byte[]> Chunks, Dictionary<string, List<int>> Groups);
            """);

        var root = model.Root();
        Assert.Equal("int[][]", root.Field("grid").Type.ClrTypeName);
        Assert.Equal(ClrShape.Array, root.Field("grid").Type.Items!.Clr);
        Assert.Equal(new AvroTypeModel(AvroKind.Bytes, ClrShape.ByteArray, "byte[]"), root.Field("chunks").Type.Items);
        Assert.Equal(ClrShape.List, root.Field("groups").Type.Items!.Clr);
    }

    [Fact]
    public void Nested_and_recursive_records_are_built_once_and_referenced_by_name()
    {
        var model = ParserProbe.ParseOne(
            """
            using System.Collections.Generic;
            using Contracts;
            namespace Acme.People;
            [Message("person", 2, Key = nameof(Id))]
            public partial record PersonV2(int Id, Address Home, IReadOnlyList<Address> Others, Node? Tree);
            """,
            """
            using System.Collections.Generic;
            namespace Acme.People;
            public record Address(string Street, Geo.Point Location);
            public sealed class Node
            {
                public string Name { get; init; } = "";
                public Node? Next { get; init; }
                public List<Node> Children { get; init; } = [];
            }
            """,
            """
            namespace Acme.Geo;
            public readonly record struct Point(double Lat, double Lon);
            """);

        Assert.Equal(["Acme.Geo.Point", "Acme.People.Address", "Acme.People.Node", "Acme.People.Person"], model.Records.Select(r => r.AvroFullName));
        var root = model.Root();
        Assert.Equal(new AvroTypeModel(AvroKind.Record, ClrShape.Record, "global::Acme.People.Address", NamedTypeFullName: "Acme.People.Address"), root.Field("home").Type);
        Assert.Equal("Acme.People.Address", root.Field("others").Type.Items!.NamedTypeFullName);
        Assert.Equal("Acme.People.Node", root.Field("tree").Type.Items!.NamedTypeFullName);

        var node = model.Record("Acme.People.Node");
        Assert.False(node.IsValueType);
        Assert.Equal(0, node.ConstructorParameterCount);
        Assert.Equal(["name", "next", "children"], node.Fields.Select(f => f.AvroName));
        Assert.All(node.Fields, f => Assert.Equal(-1, f.ConstructorParameterIndex));
        Assert.Equal("Acme.People.Node", node.Field("next").Type.Items!.NamedTypeFullName);
        Assert.Equal("Acme.People.Node", node.Field("children").Type.Items!.NamedTypeFullName);
        Assert.Equal("\"\"", node.Field("name").DefaultJson);
        Assert.Equal("[]", node.Field("children").DefaultJson);
        Assert.Equal("new global::System.Collections.Generic.List<global::Acme.People.Node>()", node.Field("children").DefaultExpression);
        Assert.Equal(("null", "null"), (node.Field("next").DefaultJson, node.Field("next").DefaultExpression));

        var point = model.Record("Acme.Geo.Point");
        Assert.True(point.IsValueType);
        Assert.Equal(2, point.ConstructorParameterCount);
    }

    [Fact]
    public void Enums_keep_declaration_order_names_aliases_docs_and_default()
    {
        var model = ParserProbe.ParseOne("""
            using Contracts;
            namespace Acme;
            /// <summary>Where an order is.</summary>
            [AvroName("OrderStatus"), AvroAliases("Status", "old.Status"), AvroEnumDefault(nameof(Status.Unknown))]
            public enum Status { Shipped = 5, Unknown = 0, [AvroName("IN_TRANSIT")] InTransit = -3 }
            [Message("order", 1)]
            public partial record OrderV1(Status Status, Status? Previous = null, Status Initial = Status.Shipped);
            """);

        var status = Assert.Single(model.Enums);
        Assert.Equal(
            new EnumModel(
                "Acme.OrderStatus",
                "global::Acme.Status",
                "Where an order is.",
                new[] { "Status", "old.Status" }.ToEquatableArray(),
                new[] { new EnumSymbolModel("Shipped", "Shipped"), new EnumSymbolModel("Unknown", "Unknown"), new EnumSymbolModel("IN_TRANSIT", "InTransit") }.ToEquatableArray(),
                "Unknown"),
            status);
        var root = model.Root();
        Assert.Equal(new AvroTypeModel(AvroKind.Enum, ClrShape.Enum, "global::Acme.Status", NamedTypeFullName: "Acme.OrderStatus"), root.Field("status").Type);
        Assert.Equal(("null", "null"), (root.Field("previous").DefaultJson, root.Field("previous").DefaultExpression));
        Assert.Equal(("\"Shipped\"", "global::Acme.Status.Shipped"), (root.Field("initial").DefaultJson, root.Field("initial").DefaultExpression));
    }

    [Fact]
    public void Classes_use_constructor_parameters_then_settable_members_base_first()
    {
        var model = ParserProbe.ParseOne("""
            using Contracts;
            public abstract class Entity
            {
                public string Tenant { get; init; } = "";
                public int Revision { get; set; }
            }
            [Message("customer", 1)]
            public partial class CustomerV1 : Entity
            {
                public CustomerV1(string name, int age) { Name = name; Age = age; }
                public string Name { get; }
                public int Age { get; }
                public string? Nickname { get; set; }
                public required string Email { get; init; }
                public string Display => Name + " (" + Age + ")";
                [AvroIgnore] public string? Cache { get; set; }
                public string Secret { get; private set; } = "";
                public int Version;
                public readonly int Frozen = 1;
                public static int Shared { get; set; }
                internal int Hidden { get; set; }
            }
            """);

        var root = model.Root();
        Assert.Equal(2, root.ConstructorParameterCount);
        Assert.Equal(["name", "age", "tenant", "revision", "nickname", "email", "version"], root.Fields.Select(f => f.AvroName));
        Assert.Equal([0, 1, -1, -1, -1, -1, -1], root.Fields.Select(f => f.ConstructorParameterIndex));
        Assert.Equal(["Name", "Age", "Tenant", "Revision", "Nickname", "Email", "Version"], root.Fields.Select(f => f.MemberName));
    }

    [Fact]
    public void Positional_records_inherit_base_parameters()
    {
        var model = ParserProbe.ParseOne("""
            using Contracts;
            public abstract record Event(string Source);
            [Message("created", 1)]
            public partial record CreatedV1(string Source, int Id) : Event(Source)
            {
                public string? Note { get; init; }
            }
            """);

        var root = model.Root();
        Assert.Equal(["source", "id", "note"], root.Fields.Select(f => f.AvroName));
        Assert.Equal([0, 1, -1], root.Fields.Select(f => f.ConstructorParameterIndex));
    }

    [Theory]
    [InlineData(0, new[] { "firstName", "httpServer", "address2", "id", "line2Text", "already_snake" })]
    [InlineData(1, new[] { "FirstName", "HTTPServer", "Address2", "ID", "Line2Text", "already_snake" })]
    [InlineData(2, new[] { "first_name", "http_server", "address2", "id", "line2_text", "already_snake" })]
    public void Field_naming_policies(int policy, string[] expected)
    {
        var model = ParserProbe.ParseOne($$"""
            using Contracts;
            [Message("n", 1, FieldNaming = (FieldNaming){{policy}})]
            public partial record NamesV1(string FirstName, string HTTPServer, string Address2, int ID, string Line2Text, string already_snake);
            """);

        Assert.Equal(expected, model.Root().Fields.Select(f => f.AvroName));
    }

    [Fact]
    public void Keys_mark_fields_and_list_avro_names_in_key_order()
    {
        var model = ParserProbe.ParseOne("""
            using System;
            using Contracts;
            [Message("k", 1, Key = "Region, Id", KeyFormat = KeyFormat.Plain, FieldNaming = FieldNaming.SnakeCase)]
            public partial record KeyedV1(Guid Id, string Name, string Region);
            """);

        Assert.Equal(2, model.KeyFormat);
        Assert.Equal(["region", "id"], model.KeyFields);
        Assert.Equal([true, false, true], model.Root().Fields.Select(f => f.IsKey));
    }

    [Fact]
    public void Key_defaults_to_the_record_format()
    {
        var model = ParserProbe.ParseOne("""
            using System;
            using Contracts;
            [Message("k", 1, Key = nameof(Id))]
            public partial record KeyedV1(Guid Id, string Name);
            """);

        Assert.Equal(1, model.KeyFormat);
        Assert.Equal(["id"], model.KeyFields);
    }

    [Fact]
    public void A_contract_used_as_a_field_keeps_its_contract_avro_name()
    {
        var results = ParserProbe.ParseAll("""
            using Contracts;
            namespace Acme;
            [Message("category", 1)]
            public partial record CategoryV1(string Name, CategoryV1? Parent);
            [Message("tag", 2, SchemaName = "Label", SchemaNamespace = "com.acme")]
            public partial record TagV2(string Text);
            [Message("catalog", 1)]
            public partial record CatalogV1(CategoryV1 Root, TagV2 Tag);
            """);

        var catalog = Assert.Single(results, r => r.Model!.MessageType == "catalog").Model!;
        Assert.Equal(["Acme.Catalog", "Acme.Category", "com.acme.Label"], catalog.Records.Select(r => r.AvroFullName));
        var category = Assert.Single(results, r => r.Model!.MessageType == "category").Model!;
        Assert.Equal(category.Root(), catalog.Record("Acme.Category"));
    }
}
