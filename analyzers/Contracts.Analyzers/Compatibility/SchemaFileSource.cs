using System;
using System.Linq;
using Contracts.Generator.Parsing;
using Contracts.Generator.Parsing.Avsc;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.Compatibility;

/// <summary>
/// Where an <c>.avsc</c> contract comes from: the parsed file (its definitions carry the positions the avsc reader
/// tracked), its text, and its <c>ContractsCompatibility</c> item metadata. Kept by the cache with the parse, so the
/// JSON read for locations and the mode is read once per file version.
/// </summary>
internal sealed class SchemaFileSource
{
    /// <summary>The schema property that sets an <c>.avsc</c> contract's mode, as <c>[Message(Compatibility = …)]</c> does for a type.</summary>
    public const string CompatibilityProperty = "contracts.compatibility";

    /// <summary>The item metadata that sets it when the schema does not.</summary>
    public const string CompatibilityMetadata = "ContractsCompatibility";

    private readonly Lazy<JsonNode?> _json;

    public SchemaFileSource(AvscFile file, SourceText text, string? compatibilityMetadata)
    {
        File = file;
        Text = text;
        CompatibilityMetadataValue = compatibilityMetadata;
        _json = new Lazy<JsonNode?>(() => JsonNode.TryParse(text.ToString(), out _));
    }

    public AvscFile File { get; }

    public SourceText Text { get; }

    /// <summary>The <c>ContractsCompatibility</c> item metadata, or null when unset.</summary>
    public string? CompatibilityMetadataValue { get; }

    /// <summary>The file's JSON with positions, or null when it is not JSON (the generator reports that).</summary>
    public JsonNode? Json => _json.Value;

    /// <summary>
    /// The contract's own mode setting: the <c>"contracts.compatibility"</c> property (which wins, as schema properties do
    /// over item metadata for every contract setting), else the item metadata; null when neither is set.
    /// </summary>
    public (string Description, string Value, Location Location)? CompatibilitySetting()
    {
        if (Json is { Kind: JsonNodeKind.Object } root && root.Properties.FirstOrDefault(p => p.Key == CompatibilityProperty).Value is { } property)
        {
            var span = new TextSpan(property.Start, Math.Max(0, property.End - property.Start));
            return ("The \"" + CompatibilityProperty + "\" schema property", property.Kind == JsonNodeKind.String ? property.Text! : property.ToCompactJson(),
                Location.Create(File.Path, span, Text.Lines.GetLinePositionSpan(span)));
        }

        return CompatibilityMetadataValue is { } metadata
            ? ("The " + CompatibilityMetadata + " item metadata", metadata, Location.Create(File.Path, default(TextSpan), default(LinePositionSpan)))
            : null;
    }
}
