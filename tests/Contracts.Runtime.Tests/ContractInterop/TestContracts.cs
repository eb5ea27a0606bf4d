using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Contracts.Runtime.Tests.ContractInterop;

// Contracts covering every type the generator supports; the interop tests compare their codecs with Apache.Avro.

/// <summary>Card suits.</summary>
public enum Suit
{
    Spades,
    Hearts,
    Diamonds,
    Clubs,
}

/// <summary>An account status whose readers fall back to <c>Unknown</c> for symbols they do not know.</summary>
[AvroEnumDefault("Unknown")]
public enum Status
{
    Unknown,
    Active,
    Closed,
}

/// <summary>A postal address.</summary>
public sealed record Address(string Street, int Number, string? Unit = null);

/// <summary>A tree: records may refer to themselves through collections and nullables.</summary>
public sealed record TreeNode(string Label, IReadOnlyList<TreeNode> Children, TreeNode? Next = null);

/// <summary>Every non-null scalar and logical type.</summary>
[Message("scalars", 1, Key = nameof(Id))]
public partial record ScalarsV1(
    Guid Id,
    bool Flag,
    int Count,
    long Total,
    float Ratio,
    double Score,
    string Name,
    byte[] Blob,
    ReadOnlyMemory<byte> Memory,
    DateTimeOffset CreatedAt,
    [AvroTimestamp(AvroTimestampKind.Micros)] DateTimeOffset UpdatedAt,
    DateTime SeenAt,
    [AvroTimestamp(AvroTimestampKind.Micros)] DateTime SeenAtMicros,
    [AvroTimestamp(AvroTimestampKind.LocalMillis)] DateTime LocalMillis,
    [AvroTimestamp(AvroTimestampKind.LocalMicros)] DateTime LocalMicros,
    [AvroTimestamp(AvroTimestampKind.LocalMillis)] DateTimeOffset LocalOffsetMillis,
    [AvroTimestamp(AvroTimestampKind.LocalMicros)] DateTimeOffset LocalOffsetMicros,
    DateOnly Day,
    TimeOnly Time,
    [AvroDecimal(12, 3)] decimal Price,
    decimal Amount,
    [AvroFixed(16)] byte[] Hash,
    Suit Suit,
    Status Status);

/// <summary>The nullable form of every type.</summary>
[Message("nullables", 1)]
public partial record NullablesV1(
    bool? Flag,
    int? Count,
    long? Total,
    float? Ratio,
    double? Score,
    string? Name,
    byte[]? Blob,
    Guid? Id,
    DateTimeOffset? CreatedAt,
    DateOnly? Day,
    TimeOnly? Time,
    [AvroDecimal(10, 2)] decimal? Price,
    Suit? Suit,
    Address? Home,
    List<int>? Numbers,
    Dictionary<string, string>? Labels,
    [AvroFixed(4)] byte[]? Hash,
    List<Address?>? MaybeAddresses,
    Status? Status);

/// <summary>Every collection shape.</summary>
[Message("collections", 1)]
public partial record CollectionsV1(
    int[] Numbers,
    List<string> Names,
    IReadOnlyList<Address> Addresses,
    ImmutableArray<long> Longs,
    Dictionary<string, int> Counts,
    IReadOnlyDictionary<string, Address> Places,
    List<int?> MaybeNumbers,
    Dictionary<string, List<string>> Groups,
    List<int[]> Jagged,
    List<Suit> Suits);

/// <summary>A recursive record at the root of a contract.</summary>
[Message("tree", 1)]
public partial record TreeV1(TreeNode Root, int Depth);

/// <summary>A contract renamed on the wire, with aliases, docs and defaults on its fields.</summary>
/// <param name="Region">The sales region.</param>
/// <param name="Number">The customer number within the region.</param>
[Message("renamed", 3, SchemaName = "Customer", SchemaNamespace = "org.example.crm", Key = "Region,Number", FieldNaming = FieldNaming.SnakeCase)]
[AvroAliases("Client", "org.example.legacy.Customer")]
public partial record RenamedV3(
    string Region,
    int Number,
    [AvroDefault("[\"a\",\"b\"]")] IReadOnlyList<string> Tags,
    [AvroName("display")] [AvroAliases("name", "title")] string DisplayName = "anonymous",
    int Visits = 7,
    double Weight = 1.5,
    bool Active = true,
    Status Status = Status.Active,
    string? Nickname = null);

/// <summary>A contract whose key is its identifier as plain UTF-8 text.</summary>
[Message("plain-keyed", 1, Key = nameof(Code), KeyFormat = KeyFormat.Plain)]
public partial record PlainKeyedV1(string Code, long Amount);

/// <summary>A contract without a key.</summary>
[Message("unkeyed", 1)]
public partial record UnkeyedV1(string Text);

/// <summary>
/// Decimals on fixed through attributes (<c>[AvroFixed]</c> + <c>[AvroDecimal]</c>): a named fixed, the default
/// precision and scale, a nullable one, and a second field reaching the same named fixed by reference.
/// </summary>
[Message("ledger", 1)]
public partial record LedgerV1(
    [AvroFixed(9, Name = "Money"), AvroDecimal(20, 4)] decimal Balance,
    [AvroFixed(13)] decimal Wide,
    [AvroFixed(4, Name = "Cents"), AvroDecimal(9, 2)] decimal? Fee,
    [AvroFixed(4, Name = "Cents"), AvroDecimal(9, 2)] decimal Tip = 1.5m);
