using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Contracts.Compatibility.Tests.Resolving;

// Three versions of one message type, evolving the way services do. v2 reads v1 (every resolution rule at work);
// v3 reads v2 but not v1 (v3 needs a field v1 never wrote and has no default for it).

/// <summary>Colours as v1 knew them.</summary>
[AvroName("Color")]
public enum ColorV1
{
    Red,
    Green,
    Blue,
    Purple,
}

/// <summary>v2 dropped Purple, reordered the rest and reads unknown symbols as Unknown.</summary>
[AvroName("Color")]
[AvroEnumDefault(nameof(Unknown))]
public enum ColorV2
{
    Unknown,
    Blue,
    Red,
    Green,
}

[AvroName("Address")]
public sealed record AddressV1(string Street, int Number);

[AvroName("Address")]
public sealed record AddressV2(string Street, long Number, string Country = "NL");

[Message("person", 1)]
public partial record PersonV1(
    Guid Id,
    string Name,
    int Age,
    float Height,
    long Visits,
    string Email,
    ColorV1 Favorite,
    IReadOnlyList<AddressV1> Addresses,
    Dictionary<string, int> Scores,
    string? Nickname,
    AddressV1? Home,
    List<ColorV1> Palette,
    byte[] Avatar,
    string Legacy);

[Message("person", 2)]
public partial record PersonV2(
    Guid Id,
    string Name,
    long Age,
    double Height,
    double Visits,
    [AvroAliases("email")] string Mail,
    ColorV2 Favorite,
    ImmutableArray<AddressV2> Addresses,
    IReadOnlyDictionary<string, double> Scores,
    string? Nickname,
    AddressV2? Home,
    ColorV2[] Palette,
    string Avatar,
    int Rank = 7,
    string? Motto = null,
    List<string>? Tags = null);

[Message("person", 3)]
public partial record PersonV3(
    Guid Id,
    string Name,
    long Age,
    [AvroAliases("mail")] string Email,
    int Rank,
    string? Nickname = null);
