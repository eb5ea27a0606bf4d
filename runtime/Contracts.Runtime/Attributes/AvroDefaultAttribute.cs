using System;

namespace Contracts;

/// <summary>
/// The field's Avro default as JSON (e.g. <c>"[]"</c>, <c>"{}"</c>, <c>"\"n/a\""</c>), for defaults a C# parameter default cannot
/// express. It is also the value the field takes when a JSON envelope omits it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class AvroDefaultAttribute(string json) : Attribute
{
    /// <summary>The default value as JSON text, checked against the field's schema at build time.</summary>
    public string Json { get; } = json;
}
