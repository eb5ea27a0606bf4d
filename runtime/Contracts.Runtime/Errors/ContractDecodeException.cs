using System;
using System.Globalization;

namespace Contracts;

/// <summary>The wire format a codec was reading or writing.</summary>
public enum ContractFormat
{
    /// <summary>Avro binary.</summary>
    Avro = 0,

    /// <summary>The django-logpipe compatible JSON envelope.</summary>
    Json = 1,
}

/// <summary>
/// Input bytes are not a valid encoding of the contract: truncated or corrupt data, a length larger than the input,
/// an unknown enum symbol or union branch, invalid UTF-8, or a configured limit exceeded. It is the only exception
/// the readers raise for bad input, and it names the byte offset and the field path.
/// </summary>
public sealed class ContractDecodeException : ContractException
{
    /// <summary>Creates the exception; generated codecs and the readers call this.</summary>
    public ContractDecodeException(ContractFormat format, string reason, long offset, Exception? inner = null)
        : base(reason, inner)
    {
        Format = format;
        Offset = offset;
    }

    /// <summary>The format being read.</summary>
    public ContractFormat Format { get; }

    /// <summary>The byte offset in the input where the fault was detected.</summary>
    public long Offset { get; private set; }

    /// <summary>
    /// Moves <see cref="Offset"/> once the caller knows where the decoded slice sits in the whole input (the JSON
    /// envelope decodes the text after its <c>json:</c> prefix).
    /// </summary>
    internal void Relocate(long offset)
    {
        Offset = offset;
        InvalidateMessage();
    }

    private protected override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"Invalid {(Format == ContractFormat.Avro ? "Avro" : "JSON envelope")} data at byte {Offset} {Where()}: {Reason}");
}
