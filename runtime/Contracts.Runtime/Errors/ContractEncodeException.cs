using System;

namespace Contracts;

/// <summary>
/// A value cannot be written under its schema: a null in a non-nullable field, a decimal with more digits than its
/// precision or scale, a fixed of the wrong size, a non-finite number in JSON. Output written before the fault is
/// incomplete and must be discarded.
/// </summary>
public sealed class ContractEncodeException : ContractException
{
    /// <summary>Creates the exception; generated codecs and the writers call this.</summary>
    public ContractEncodeException(ContractFormat format, string reason, Exception? inner = null)
        : base(reason, inner)
    {
        Format = format;
    }

    /// <summary>The format being written.</summary>
    public ContractFormat Format { get; }

    private protected override string Describe() =>
        "Cannot write " + (Format == ContractFormat.Avro ? "Avro" : "JSON envelope") + " data " + Where() + ": " + Reason;
}
