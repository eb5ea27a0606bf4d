using System;

namespace Contracts;

/// <summary>
/// The precision and scale of a <see cref="decimal"/> field (Avro <c>decimal</c> logical type on <c>bytes</c>).
/// Without it a decimal is <c>decimal(29, 10)</c>. Writing a value with more fractional digits than <see cref="Scale"/>
/// or more digits than <see cref="Precision"/> throws <see cref="ContractEncodeException"/>; nothing is rounded silently.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class AvroDecimalAttribute(int precision, int scale) : Attribute
{
    /// <summary>Total number of digits, 1 to 38.</summary>
    public int Precision { get; } = precision;

    /// <summary>Digits after the decimal point, 0 to <see cref="Precision"/> (and at most 28, the limit of <see cref="decimal"/>).</summary>
    public int Scale { get; } = scale;
}
