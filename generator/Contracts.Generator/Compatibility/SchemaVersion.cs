namespace Contracts.Generator.Compatibility;

/// <summary>One version of a message type's schema in a chain.</summary>
internal sealed class SchemaVersion
{
    public SchemaVersion(int version, AvroSchema schema)
    {
        Version = version;
        Schema = schema;
    }

    public int Version { get; }

    public AvroSchema Schema { get; }
}
