using System;

namespace Contracts;

/// <summary>
/// The Avro enum default symbol: the value a reader uses when the writer's symbol is unknown to it
/// (Avro schema resolution), e.g. <c>[AvroEnumDefault(nameof(Status.Unknown))]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Enum, AllowMultiple = false)]
public sealed class AvroEnumDefaultAttribute(string symbol) : Attribute
{
    /// <summary>The default symbol; it must be one of the enum's members.</summary>
    public string Symbol { get; } = symbol;
}
