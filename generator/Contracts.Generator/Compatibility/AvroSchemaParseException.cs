using System;

namespace Contracts.Generator.Compatibility;

/// <summary>Schema JSON that is not a valid Avro schema; the message says what is wrong and <see cref="Path"/> where.</summary>
internal sealed class AvroSchemaParseException : Exception
{
    public AvroSchemaParseException(string reason, string path)
        : base(path.Length == 0 ? reason : reason + " (at " + path + ")")
    {
        Reason = reason;
        Path = path;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>Where, as a path through the schema (<c>Person.Addresses[].Zip</c>), empty for the top level.</summary>
    public string Path { get; }
}
