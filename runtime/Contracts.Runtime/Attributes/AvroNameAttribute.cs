using System;

namespace Contracts;

/// <summary>Sets the Avro name of a field, record or enum, overriding the naming policy. The wire name is used exactly.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum, AllowMultiple = false)]
public sealed class AvroNameAttribute(string name) : Attribute
{
    /// <summary>The Avro name.</summary>
    public string Name { get; } = name;
}
