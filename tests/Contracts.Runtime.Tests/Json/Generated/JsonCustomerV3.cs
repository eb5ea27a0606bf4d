using System;
using System.Collections.Generic;

namespace Contracts.Runtime.Tests.Json.Generated;

/// <summary>A generated contract using every JSON value shape, in logpipe's snake_case naming.</summary>
[Message("customer", 3, Key = nameof(Id), FieldNaming = FieldNaming.SnakeCase)]
public partial record JsonCustomerV3(
    Guid Id,
    string FullName,
    int Visits,
    long TotalCents,
    double Rating,
    float Weight,
    bool Active,
    [AvroDecimal(12, 2)] decimal Balance,
    DateTimeOffset CreatedAt,
    [AvroTimestamp(AvroTimestampKind.Micros)] DateTime SeenAt,
    [AvroTimestamp(AvroTimestampKind.LocalMillis)] DateTime LocalAt,
    DateOnly Born,
    TimeOnly WakesAt,
    byte[] Photo,
    JsonCustomerTier Tier,
    string? Nickname,
    IReadOnlyList<JsonAddress> Addresses,
    Dictionary<string, int> Scores,
    int? Age = null)
{
    public virtual bool Equals(JsonCustomerV3? other) =>
        other is not null && Id == other.Id && FullName == other.FullName && Visits == other.Visits && TotalCents == other.TotalCents
        && Rating.Equals(other.Rating) && Weight.Equals(other.Weight) && Active == other.Active && Balance == other.Balance
        && CreatedAt == other.CreatedAt && SeenAt == other.SeenAt && SeenAt.Kind == other.SeenAt.Kind && LocalAt == other.LocalAt
        && Born == other.Born && WakesAt == other.WakesAt && Photo.AsSpan().SequenceEqual(other.Photo) && Tier == other.Tier
        && Nickname == other.Nickname && System.Linq.Enumerable.SequenceEqual(Addresses, other.Addresses)
        && Scores.Count == other.Scores.Count && System.Linq.Enumerable.All(Scores, pair => other.Scores.TryGetValue(pair.Key, out var v) && v == pair.Value)
        && Age == other.Age;

    public override int GetHashCode() => Id.GetHashCode();
}

public enum JsonCustomerTier
{
    Bronze,
    Silver,
    Gold,
}

public sealed record JsonAddress(string Street, string? City);
