using Contracts.Analyzers.Compatibility;
using Contracts.Generator.Parsing;

namespace Contracts.Analyzers.Baseline;

/// <summary>A <c>v&lt;version&gt;.avsc</c> file of the shipped baseline and its schema (null, with the <paramref name="Error"/>, when it is not valid).</summary>
internal sealed record ShippedSchema(ShippedFile File, ParsedSchema? Parsed, string? Error)
{
    public string MessageType => File.MessageType;

    public int Version => File.Version;

    public string? SchemaJson => Parsed?.Json;

    public JsonNode? SchemaNode => Parsed?.Node;
}
