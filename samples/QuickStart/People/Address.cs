namespace QuickStart.People;

/// <summary>A postal address; a nested Avro record of <see cref="PersonV2"/>.</summary>
/// <param name="Street">Street and number.</param>
/// <param name="City">The city.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
public sealed record Address(string Street, string City, string Country);
