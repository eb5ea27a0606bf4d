using System;

namespace Contracts;

/// <summary>Adds Avro aliases to a field, record or enum: earlier names a reader still accepts.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum, AllowMultiple = false)]
public sealed class AvroAliasesAttribute(params string[] aliases) : Attribute
{
    /// <summary>The aliases, in the order given.</summary>
    public string[] Aliases { get; } = aliases;
}
