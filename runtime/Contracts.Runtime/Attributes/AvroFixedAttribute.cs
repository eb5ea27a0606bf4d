using System;

namespace Contracts;

/// <summary>
/// Encodes a <c>byte[]</c> or <c>ReadOnlyMemory&lt;byte&gt;</c> field as an Avro <c>fixed</c> of <see cref="Size"/> bytes, or a
/// <c>decimal</c> field as a <c>decimal</c> logical type on such a fixed (precision and scale from <see cref="AvroDecimalAttribute"/>;
/// the fixed must hold the precision).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class AvroFixedAttribute(int size) : Attribute
{
    /// <summary>The exact number of bytes; writing a value of another length throws <see cref="ContractEncodeException"/>.</summary>
    public int Size { get; } = size;

    /// <summary>The Avro name of the fixed type. Defaults to the field's member name.</summary>
    public string? Name { get; set; }
}
