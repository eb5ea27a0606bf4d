using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using global::Avro.Generic;

namespace Contracts.Runtime.Tests.ContractInterop;

using Schema = global::Avro.Schema;
using static ApacheGeneric;

/// <summary>CsCheck generators of the test contracts and their expected Apache.Avro generic form.</summary>
internal static class ContractValues
{
    private static readonly Gen<string> Text = Generators.UnicodeString;

    private static readonly Gen<byte[]> Blob = Gen.Byte.Array[0, 40];

    // Millisecond fields stay where Apache.Avro's double-based conversion is exact (see Generators.ApacheExactUtcInstant).
    private static readonly Gen<DateTime> UtcMillis = Generators.ApacheExactUtcInstant(TimeSpan.TicksPerMillisecond);

    private static readonly Gen<DateTime> UtcMicros = Generators.UtcInstant(TimeSpan.TicksPerMicrosecond);

    private static readonly Gen<TimeSpan> Offset = Generators.Offset;

    private static readonly Gen<DateTimeOffset> OffsetMillis = Gen.Select(UtcMillis, Offset, AtOffset);

    private static readonly Gen<DateTimeOffset> OffsetMicros = Gen.Select(UtcMicros.Where(t => t.Year is > 1 and < 9999), Offset, AtOffset);

    private static readonly Gen<TimeOnly> TimeMicros = Gen.Long[0, (TimeSpan.TicksPerDay / 10) - 1].Select(micros => new TimeOnly(micros * 10));

    private static readonly Gen<string> Key = Gen.Frequency((3, Gen.String[0, 6]), (1, Text));

    public static Gen<decimal> DecimalOf(int precision, int scale) =>
        Gen.Int[0, Math.Min(scale, 28)].SelectMany(valueScale =>
            Gen.Int[0, Math.Min(28, precision - (scale - valueScale))].SelectMany(digits =>
                Gen.Select(Gen.Int[0, 9].Array[digits], Gen.Bool, (ds, negative) =>
                {
                    var mantissa = ds.Aggregate(System.Numerics.BigInteger.Zero, (acc, d) => (acc * 10) + d);
                    return new decimal((int)(uint)(mantissa & uint.MaxValue), (int)(uint)((mantissa >> 32) & uint.MaxValue), (int)(uint)(mantissa >> 64), negative, (byte)valueScale);
                })));

    public static readonly Gen<Address> Address = Gen.Select(Text, Gen.Int, Gen.Null(Text), (street, number, unit) => new Address(street, number, unit));

    public static readonly Gen<ScalarsV1> Scalars =
        Gen.Select(
            Gen.Select(Gen.Guid, Gen.Bool, Generators.AnyInt, Generators.AnyLong, Generators.AnyFloat, Generators.AnyDouble, Text, Blob),
            Gen.Select(Blob, OffsetMillis, OffsetMicros, UtcMillis, UtcMicros, UtcMillis, UtcMicros, Gen.DateOnly),
            Gen.Select(TimeMicros, DecimalOf(12, 3), DecimalOf(29, 10), Gen.Byte.Array[16], Gen.Enum<Suit>(), Gen.Enum<Status>(), OffsetMillis, OffsetMicros),
            (a, b, c) => new ScalarsV1(
                a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, a.Item8,
                b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, DateTime.SpecifyKind(b.Item6, DateTimeKind.Unspecified), DateTime.SpecifyKind(b.Item7, DateTimeKind.Unspecified),
                c.Item7, c.Item8, b.Item8, c.Item1, c.Item2, c.Item3, c.Item4, c.Item5, c.Item6));

    public static readonly Gen<NullablesV1> Nullables =
        Gen.Select(
            Gen.Select(Gen.Bool.Null(), Gen.Int.Null(), Gen.Long.Null(), Generators.AnyFloat.Null(), Generators.AnyDouble.Null(), Gen.Null(Text), Gen.Null(Blob), Gen.Guid.Null()),
            Gen.Select(OffsetMillis.Null(), Gen.DateOnly.Null(), TimeMicros.Null(), DecimalOf(10, 2).Null(), Gen.Enum<Suit>().Null(), Gen.Null(Address), Gen.Null(Gen.Int.List[0, 5])),
            Gen.Select(Gen.Null(Gen.Select(Key, Text).Array[0, 4].Select(Distinct)), Gen.Null(Gen.Byte.Array[4]), Gen.Null(Gen.Null(Address).List[0, 3]), Gen.Enum<Status>().Null()),
            (a, b, c) => new NullablesV1(
                a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, a.Item8,
                b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, b.Item6, b.Item7, c.Item1, c.Item2, c.Item3, c.Item4));

    public static readonly Gen<CollectionsV1> Collections =
        Gen.Select(
            Gen.Select(Gen.Int.Array[0, 6], Text.List[0, 5], Address.Array[0, 4], Gen.Long.Array[0, 5]),
            Gen.Select(Gen.Select(Key, Gen.Int).Array[0, 5], Gen.Select(Key, Address).Array[0, 3], Gen.Int.Null().List[0, 5]),
            Gen.Select(Gen.Select(Key, Text.List[0, 3]).Array[0, 3], Gen.Int.Array[0, 4].List[0, 4], Gen.Enum<Suit>().List[0, 5]),
            (a, b, c) => new CollectionsV1(
                a.Item1, a.Item2, a.Item3, ImmutableArray.Create(a.Item4),
                Distinct(b.Item1), Distinct(b.Item2), b.Item3,
                Distinct(c.Item1), c.Item2, c.Item3));

    public static readonly Gen<TreeV1> Tree = Gen.Select(Node(3), Gen.Int, (root, depth) => new TreeV1(root, depth));

    public static readonly Gen<LedgerV1> Ledger =
        Gen.Select(DecimalOf(20, 4), DecimalOf(29, 10), DecimalOf(9, 2).Null(), DecimalOf(9, 2), (balance, wide, fee, tip) => new LedgerV1(balance, wide, fee, tip));

    public static GenericRecord ToGeneric(LedgerV1 v, Schema s) => Record(
        s,
        ("balance", Decimal(v.Balance, 4)),
        ("wide", Decimal(v.Wide, 10)),
        ("fee", v.Fee is { } fee ? Decimal(fee, 2) : null),

        // Reached by name, Apache.Avro 1.12.2 resolves the type to the plain fixed (the logical type stays on the
        // definition in 'fee'), so it holds the fixed's bytes: the unscaled value, big-endian two's complement.
        ("tip", DecimalFixed(Field(s, "tip"), v.Tip, 2)));

    public static GenericRecord ToGeneric(ScalarsV1 v, Schema s) => Record(
        s,
        ("id", v.Id),
        ("flag", v.Flag),
        ("count", v.Count),
        ("total", v.Total),
        ("ratio", v.Ratio),
        ("score", v.Score),
        ("name", v.Name),
        ("blob", v.Blob),
        ("memory", v.Memory.ToArray()),
        ("createdAt", v.CreatedAt.UtcDateTime),
        ("updatedAt", v.UpdatedAt.UtcDateTime),
        ("seenAt", v.SeenAt),
        ("seenAtMicros", v.SeenAtMicros),
        ("localMillis", v.LocalMillis),
        ("localMicros", v.LocalMicros),
        ("localOffsetMillis", v.LocalOffsetMillis.DateTime), // local-timestamp keeps the wall clock and drops the offset
        ("localOffsetMicros", v.LocalOffsetMicros.DateTime),
        ("day", Date(v.Day)),
        ("time", v.Time.ToTimeSpan()),
        ("price", Decimal(v.Price, 3)),
        ("amount", Decimal(v.Amount, 10)),
        ("hash", Fixed(Field(s, "hash"), v.Hash)),
        ("suit", Enum(Field(s, "suit"), v.Suit.ToString())),
        ("status", Enum(Field(s, "status"), v.Status.ToString())));

    public static GenericRecord ToGeneric(NullablesV1 v, Schema s) => Record(
        s,
        ("flag", v.Flag),
        ("count", v.Count),
        ("total", v.Total),
        ("ratio", v.Ratio),
        ("score", v.Score),
        ("name", v.Name),
        ("blob", v.Blob),
        ("id", v.Id),
        ("createdAt", v.CreatedAt?.UtcDateTime),
        ("day", v.Day is { } day ? Date(day) : null),
        ("time", v.Time?.ToTimeSpan()),
        ("price", v.Price is { } price ? Decimal(price, 2) : null),
        ("suit", v.Suit is { } suit ? Enum(Field(s, "suit"), suit.ToString()) : null),
        ("home", v.Home is { } home ? ToGeneric(home, Field(s, "home")) : null),
        ("numbers", v.Numbers is { } numbers ? Array(numbers, n => n) : null),
        ("labels", v.Labels is { } labels ? Map(labels, l => l) : null),
        ("hash", v.Hash is { } hash ? Fixed(Field(s, "hash"), hash) : null),
        ("maybeAddresses", v.MaybeAddresses is { } addresses ? Array(addresses, a => a is null ? null : ToGeneric(a, Items(Field(s, "maybeAddresses")))) : null),
        ("status", v.Status is { } status ? Enum(Field(s, "status"), status.ToString()) : null));

    public static GenericRecord ToGeneric(CollectionsV1 v, Schema s) => Record(
        s,
        ("numbers", Array(v.Numbers, n => n)),
        ("names", Array(v.Names, n => n)),
        ("addresses", Array(v.Addresses, a => ToGeneric(a, Items(Field(s, "addresses"))))),
        ("longs", Array(v.Longs, l => l)),
        ("counts", Map(v.Counts, c => c)),
        ("places", Map(v.Places, a => ToGeneric(a, Values(Field(s, "places"))))),
        ("maybeNumbers", Array(v.MaybeNumbers, n => n)),
        ("groups", Map(v.Groups, g => Array(g, x => x))),
        ("jagged", Array(v.Jagged, inner => Array(inner, x => x))),
        ("suits", Array(v.Suits, suit => Enum(Items(Field(s, "suits")), suit.ToString()))));

    public static GenericRecord ToGeneric(TreeV1 v, Schema s) => Record(s, ("root", ToGeneric(v.Root, Field(s, "root"))), ("depth", v.Depth));

    public static GenericRecord ToGeneric(Address v, Schema s) => Record(s, ("street", v.Street), ("number", v.Number), ("unit", v.Unit));

    public static GenericRecord ToGeneric(TreeNode v, Schema s) => Record(
        s,
        ("label", v.Label),
        ("children", Array(v.Children, child => ToGeneric(child, s))),
        ("next", v.Next is { } next ? ToGeneric(next, s) : null));

    private static Gen<TreeNode> Node(int depth) =>
        depth == 0
            ? Text.Select(label => new TreeNode(label, []))
            : Gen.Select(Text, Node(depth - 1).Array[0, 3], Gen.Null(Node(depth - 1)), (label, children, next) => new TreeNode(label, children, next));

    private static DateTimeOffset AtOffset(DateTime utc, TimeSpan offset)
    {
        var local = utc.Ticks + offset.Ticks;
        return local < DateTime.MinValue.Ticks || local > DateTime.MaxValue.Ticks ? new DateTimeOffset(utc) : new DateTimeOffset(utc).ToOffset(offset);
    }

    private static Dictionary<string, T> Distinct<T>((string Key, T Value)[] entries) =>
        entries.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    private static Gen<T?> Null<T>(this Gen<T> gen)
        where T : struct => Gen.Nullable(gen);
}
