using Contracts.Generator.Parsing;

namespace Contracts.Analyzers.Baseline;

/// <summary>A <c>v&lt;version&gt;.avsc</c> file of the shipped baseline and its content (null when it is not valid JSON).</summary>
internal sealed record ShippedSchema(ShippedFile File, string? SchemaJson, JsonNode? SchemaNode, string? Error)
{
    public string MessageType => File.MessageType;

    public int Version => File.Version;
}
