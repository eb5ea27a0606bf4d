using System;
using System.Linq;
using Contracts.Generator.Model;
using Xunit;
using static Contracts.Generator.Tests.Emitting.CodecModels;

namespace Contracts.Generator.Tests.Emitting;

/// <summary>Declaration shapes: inheritance between contracts, structs, classes, nesting, keywords, the global namespace.</summary>
public sealed class CodecShapesTests
{
    [Fact]
    public void A_contract_deriving_from_another_contract_compiles_and_keeps_its_own_descriptor()
    {
        const string source = """
            namespace Acme
            {
                public partial record PersonV1(System.Guid Id, string Name);

                public partial record PersonV2(System.Guid Id, string Name, string Email) : PersonV1(Id, Name);

                public static class Samples
                {
                    public static PersonV2 Two() => new(System.Guid.Empty, "N", "e@x");
                }
            }
            """;
        var v1 = Contract("Acme", "PersonV1", "person", 1,
            RecordModel("Acme.Person", "global::Acme.PersonV1", false, Field("Id", Uuid, 0), Field("Name", Text, 1)));
        var v2 = Contract("Acme", "PersonV2", "person", 2,
            RecordModel("Acme.Person", "global::Acme.PersonV2", false, Field("Id", Uuid, 0), Field("Name", Text, 1), Field("Email", Text, 2)));

        var contracts = CodecCompiler.Compile(source, v1, v2);

        Assert.Equal(2, contracts.Descriptor("Acme.PersonV2").Version);
        Assert.Equal(1, contracts.Descriptor("Acme.PersonV1").Version);
        var two = contracts.Call("Acme.Samples", "Two")!;
        Assert.Equal(two, contracts.DeserializeAvro("Acme.PersonV2", contracts.SerializeAvro(two)));
    }

    [Fact]
    public void Struct_class_nested_keyword_and_global_namespace_contracts_compile_and_round_trip()
    {
        const string source = """
            public partial struct PointV1
            {
                public int X { get; set; }
                public int @class { get; set; }
            }

            namespace Acme.Outer
            {
                public static partial class Messages
                {
                    public partial class Holder
                    {
                        public sealed partial class CreatedV1
                        {
                            public CreatedV1(string @event) { Event = @event; }

                            public string Event { get; }

                            public required int Count { get; init; }
                        }
                    }
                }
            }

            public static class Samples
            {
                public static PointV1 Point() => new() { X = 3, @class = -4 };

                public static Acme.Outer.Messages.Holder.CreatedV1 Created() => new("boom") { Count = 2 };

                public static string Show(Acme.Outer.Messages.Holder.CreatedV1 c) => c.Event + "/" + c.Count;
            }
            """;
        var point = Contract(string.Empty, "PointV1", "point", 1,
            RecordModel("Point", "global::PointV1", true, Field("X", Int, -1), Field("@class", Int, -1) with { AvroName = "class" }),
            keyword: "struct", keyFormat: 2, keyFields: ["x", "class"]);
        var created = Contract("Acme.Outer", "CreatedV1", "created", 1,
            RecordModel("Acme.Outer.Created", "global::Acme.Outer.Messages.Holder.CreatedV1", false, Field("@event", Text, 0) with { MemberName = "Event", AvroName = "event" }, Field("Count", Int, -1)),
            keyword: "class", containingTypes: ["class Messages", "class Holder"]);

        var contracts = CodecCompiler.Compile(source, point, created);

        var p = contracts.Call("Samples", "Point")!;
        Assert.Equal(p, contracts.DeserializeAvro("PointV1", contracts.SerializeAvro(p)));
        Assert.Equal("3|-4", System.Text.Encoding.UTF8.GetString(contracts.SerializeKey(p)));
        var c = contracts.Call("Samples", "Created")!;
        Assert.Equal("boom/2", contracts.Call("Samples", "Show", contracts.DeserializeAvro("Acme.Outer.Messages+Holder+CreatedV1", contracts.SerializeAvro(c))));
        Assert.Equal("{\"event\":\"boom\",\"count\":2}", contracts.WriteJson(c));
    }

    [Fact]
    public void A_contract_without_key_writes_an_empty_key()
    {
        const string source = """
            namespace Acme
            {
                public partial record PingV1(int N);

                public static class Samples
                {
                    public static PingV1 Ping() => new(1);
                }
            }
            """;
        var contracts = CodecCompiler.Compile(source, Contract("Acme", "PingV1", "ping", 1, RecordModel("Acme.Ping", "global::Acme.PingV1", false, Field("N", Int, 0))));

        Assert.Empty(contracts.SerializeKey(contracts.Call("Acme.Samples", "Ping")!));
        Assert.Equal(Contracts.KeyFormat.None, contracts.Descriptor("Acme.PingV1").KeyFormat);
        Assert.Null(contracts.Descriptor("Acme.PingV1").KeySchema);
    }
}
