using Contracts.Generator.Model;
using static Contracts.Generator.Tests.Emitting.CodecModels;

namespace Contracts.Generator.Tests.Emitting;

/// <summary>A contract using every supported type and collection shape, with a sample and a printer to compare values.</summary>
internal static class CodecKitchenSink
{
    public const string TypeName = "Acme.Shop.OrderV1";

    private static readonly System.Lazy<CompiledContracts> LazyCompiled = new(() => CodecCompiler.Compile(Source, Model()));

    /// <summary>The kitchen sink compiled once for all tests that use it.</summary>
    public static CompiledContracts Compiled => LazyCompiled.Value;

    public const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Globalization;
        using System.Linq;

        namespace Acme.Shop
        {
            public enum Color { Red = 5, Green = 1, Blue = 9 }

            public sealed record Address(string Street, int Number);

            public readonly record struct Point(double X, double Y);

            public sealed class Node
            {
                public string Name { get; init; } = "";

                public Node? Next { get; init; }
            }

            public partial record OrderV1(
                bool Flag, int I, long L, float F, double D, string S, byte[] B, ReadOnlyMemory<byte> M,
                Guid G, DateOnly Day, TimeOnly Time, TimeOnly TimeMs, DateTimeOffset TsMillis, DateTime TsMicros, DateTime LocalMs,
                decimal Price, decimal FixedPrice, byte[] Hash,
                Color Color, Address Home, Point Where, Node Chain,
                int? MaybeInt, string? MaybeText, Address? MaybeHome, Point? MaybeWhere, Color? MaybeColor,
                string[] Tags, List<int> Numbers, IReadOnlyList<Address> Addresses, ImmutableArray<long> Longs, ImmutableList<string?> Names,
                Dictionary<string, int> Counts, IReadOnlyDictionary<string, Address> Places, ImmutableDictionary<string, double> Weights,
                List<int[]> Jagged, Dictionary<string, List<string>> Groups)
            {
                public string? Note { get; init; }
            }

            public static class Samples
            {
                public static OrderV1 Full() => new(
                    true, -123456, long.MinValue, 1.5f, -2.25e300, "héllo €𝄞", new byte[] { 0, 255, 7 }, new byte[] { 9, 8 },
                    new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), new DateOnly(1969, 12, 31), new TimeOnly(23, 59, 59, 999, 999), new TimeOnly(1, 2, 3, 4),
                    new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2)), new DateTime(1900, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1230),
                    new DateTime(2030, 1, 1, 0, 0, 0, 1, DateTimeKind.Unspecified),
                    -12345.6789m, 99.50m, new byte[] { 1, 2, 3, 4 },
                    Color.Blue, new Address("Main", 7), new Point(1.25, -0.5), new Node { Name = "a", Next = new Node { Name = "b" } },
                    42, null, new Address("Side", 0), null, Color.Green,
                    new[] { "x", "", "z" }, new List<int> { 1, -1, int.MaxValue }, new List<Address> { new("A", 1), new("B", 2) },
                    ImmutableArray.Create(1L, 2L), ImmutableList.Create<string?>("n", null),
                    new Dictionary<string, int> { ["one"] = 1, ["two"] = 2 }, new Dictionary<string, Address> { ["home"] = new("H", 3) },
                    ImmutableDictionary<string, double>.Empty.Add("w", 0.5),
                    new List<int[]> { new[] { 1, 2 }, Array.Empty<int>() }, new Dictionary<string, List<string>> { ["g"] = new() { "p", "q" }, ["e"] = new() })
                {
                    Note = "initializer-set",
                };

                public static OrderV1 Empty() => Full() with
                {
                    S = "", B = Array.Empty<byte>(), M = ReadOnlyMemory<byte>.Empty, Tags = Array.Empty<string>(), Numbers = new(), Addresses = new List<Address>(),
                    Longs = ImmutableArray<long>.Empty, Names = ImmutableList<string?>.Empty, Counts = new(), Places = new Dictionary<string, Address>(),
                    Weights = ImmutableDictionary<string, double>.Empty, Jagged = new(), Groups = new(), Note = null, MaybeInt = null, MaybeColor = null, MaybeHome = null,
                    Chain = new Node(),
                };

                public static OrderV1 WithNullStreetInSecondAddress() => Full() with { Addresses = new[] { new Address("A", 1), new Address(null!, 2) } };

                public static OrderV1 WithNullStreetInMap() => Full() with { Places = new Dictionary<string, Address> { ["work"] = new Address(null!, 2) } };

                public static OrderV1 WithUndefinedColor() => Full() with { Color = (Color)77 };

                public static OrderV1 WithTooPreciseDecimal() => Full() with { Price = 0.00001m };

                public static OrderV1 WithNullList() => Full() with { Numbers = null! };

                public static OrderV1 WithDefaultImmutableArray() => Full() with { Longs = default };

                public static OrderV1 WithLazyAddresses() => Full() with { Addresses = Enumerable.Range(1, 3).Select(i => new Address("L" + i, i)).ToList().AsReadOnly() };

                public static OrderV1 WithCycle()
                {
                    var node = new Node { Name = "loop" };
                    typeof(Node).GetProperty(nameof(Node.Next))!.SetValue(node, node);
                    return Full() with { Chain = node };
                }

                public static OrderV1 WithChain(int length)
                {
                    var node = new Node { Name = "end" };
                    for (var i = 0; i < length; i++)
                    {
                        node = new Node { Name = "n", Next = node };
                    }

                    return Full() with { Chain = node };
                }

                public static string Show(OrderV1 o)
                {
                    static string Seq<T>(IEnumerable<T> items) => "[" + string.Join(",", items.Select(i => i is null ? "null" : Convert.ToString(i, CultureInfo.InvariantCulture))) + "]";
                    static string Map<T>(IEnumerable<KeyValuePair<string, T>> map) => "{" + string.Join(",", map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + Convert.ToString(e.Value, CultureInfo.InvariantCulture))) + "}";
                    static string Chain(Node? n) => n is null ? "" : n.Name + ">" + Chain(n.Next);
                    return string.Join("|", new[]
                    {
                        o.Flag.ToString(), o.I.ToString(CultureInfo.InvariantCulture), o.L.ToString(CultureInfo.InvariantCulture), o.F.ToString("R", CultureInfo.InvariantCulture),
                        o.D.ToString("R", CultureInfo.InvariantCulture), o.S, Convert.ToHexString(o.B), Convert.ToHexString(o.M.Span), o.G.ToString(),
                        o.Day.ToString("O", CultureInfo.InvariantCulture), o.Time.ToString("O", CultureInfo.InvariantCulture), o.TimeMs.ToString("O", CultureInfo.InvariantCulture),
                        o.TsMillis.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), o.TsMicros.ToString("O", CultureInfo.InvariantCulture), o.LocalMs.ToString("O", CultureInfo.InvariantCulture),
                        o.Price.ToString(CultureInfo.InvariantCulture), o.FixedPrice.ToString(CultureInfo.InvariantCulture), Convert.ToHexString(o.Hash),
                        o.Color.ToString(), o.Home.ToString(), o.Where.ToString(), Chain(o.Chain),
                        o.MaybeInt?.ToString(CultureInfo.InvariantCulture) ?? "null", o.MaybeText ?? "null", o.MaybeHome?.ToString() ?? "null", o.MaybeWhere?.ToString() ?? "null", o.MaybeColor?.ToString() ?? "null",
                        Seq(o.Tags), o.Numbers.GetType().Name + Seq(o.Numbers), Seq(o.Addresses), Seq(o.Longs), Seq(o.Names),
                        Map(o.Counts), Map(o.Places), Map(o.Weights), Seq(o.Jagged.Select(Seq)), Map(o.Groups.Select(g => new KeyValuePair<string, string>(g.Key, Seq(g.Value)))),
                        o.Note ?? "null",
                    });
                }
            }
        }
        """;

    private static readonly AvroTypeModel Address = RecordRef("Acme.Shop.Address", "global::Acme.Shop.Address");
    private static readonly AvroTypeModel Point = RecordRef("Acme.Shop.Point", "global::Acme.Shop.Point");
    private static readonly AvroTypeModel Node = RecordRef("Acme.Shop.Node", "global::Acme.Shop.Node");
    private static readonly AvroTypeModel Color = EnumRef("Acme.Shop.Color", "global::Acme.Shop.Color");

    public static ContractModel Model(int keyFormat = 0, string[]? keyFields = null) => Contract("Acme.Shop", "OrderV1", "order", 1,
        RecordModel("Acme.Shop.Order", "global::Acme.Shop.OrderV1", false,
            Field("Flag", Bool, 0, isKey: keyFields is not null),
            Field("I", Int, 1, isKey: keyFields is not null),
            Field("L", Long, 2),
            Field("F", Float, 3),
            Field("D", Real, 4),
            Field("S", Text, 5, isKey: keyFields is not null),
            Field("B", Bytes, 6),
            Field("M", Memory, 7),
            Field("G", Uuid, 8, isKey: keyFields is not null),
            Field("Day", Date, 9, isKey: keyFields is not null),
            Field("Time", TimeMicros, 10),
            Field("TimeMs", TimeMillis, 11),
            Field("TsMillis", Timestamp("timestamp-millis", offset: true), 12, isKey: keyFields is not null),
            Field("TsMicros", Timestamp("timestamp-micros", offset: false), 13),
            Field("LocalMs", Timestamp("local-timestamp-millis", offset: false), 14),
            Field("Price", DecimalOf(12, 4), 15),
            Field("FixedPrice", DecimalFixedOf("Acme.Shop.Money", 9, 2, 5), 16),
            Field("Hash", FixedOf("Acme.Shop.Hash", 4), 17),
            Field("Color", Color, 18, isKey: keyFields is not null),
            Field("Home", Address, 19),
            Field("Where", Point, 20),
            Field("Chain", Node, 21),
            Field("MaybeInt", NullableOf(Int, valueType: true), 22),
            Field("MaybeText", NullableOf(Text, valueType: false), 23),
            Field("MaybeHome", NullableOf(Address, valueType: false), 24),
            Field("MaybeWhere", NullableOf(Point, valueType: true), 25),
            Field("MaybeColor", NullableOf(Color, valueType: true), 26),
            Field("Tags", ArrayOf(ClrShape.Array, Text), 27),
            Field("Numbers", ArrayOf(ClrShape.List, Int), 28),
            Field("Addresses", ArrayOf(ClrShape.ArrayInterface, Address), 29),
            Field("Longs", ArrayOf(ClrShape.ImmutableArray, Long), 30),
            Field("Names", ArrayOf(ClrShape.ImmutableList, NullableOf(Text, valueType: false)), 31),
            Field("Counts", MapOf(ClrShape.Dictionary, Int), 32),
            Field("Places", MapOf(ClrShape.DictionaryInterface, Address), 33),
            Field("Weights", MapOf(ClrShape.ImmutableDictionary, Real), 34),
            Field("Jagged", ArrayOf(ClrShape.List, ArrayOf(ClrShape.Array, Int)), 35),
            Field("Groups", MapOf(ClrShape.Dictionary, ArrayOf(ClrShape.List, Text)), 36),
            Field("Note", NullableOf(Text, valueType: false), -1)),
        others:
        [
            RecordModel("Acme.Shop.Address", "global::Acme.Shop.Address", false, Field("Street", Text, 0), Field("Number", Int, 1)),
            RecordModel("Acme.Shop.Point", "global::Acme.Shop.Point", true, Field("X", Real, 0), Field("Y", Real, 1)),
            RecordModel("Acme.Shop.Node", "global::Acme.Shop.Node", false, Field("Name", Text, -1), Field("Next", NullableOf(Node, valueType: false), -1)),
        ],
        enums: [EnumModel("Acme.Shop.Color", "global::Acme.Shop.Color", "Red", "Green", "Blue")],
        keyFormat: keyFormat,
        keyFields: keyFields);
}
