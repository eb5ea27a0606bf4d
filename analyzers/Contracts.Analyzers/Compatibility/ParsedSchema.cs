using System;
using Contracts.Analyzers.Baseline;
using Contracts.Generator.Compatibility;
using Contracts.Generator.Parsing;

namespace Contracts.Analyzers.Compatibility;

/// <summary>
/// One schema in the forms the checks read: its JSON text and tree, the resolved schema the checker compares, and the
/// shape the baseline compares. The later forms are worked out once, when first asked for, and kept with the schema, so a
/// schema cached across compilations is parsed and normalized only once.
/// </summary>
internal sealed class ParsedSchema
{
    private readonly Lazy<AvroSchema?> _schema;
    private readonly Lazy<string> _shape;
    private readonly Lazy<string> _shippedText;

    public ParsedSchema(string json, JsonNode node, AvroSchema? schema = null)
    {
        Json = json;
        Node = node;
        _schema = schema is not null ? new Lazy<AvroSchema?>(() => schema) : new Lazy<AvroSchema?>(() => AvroSchemaParser.TryParse(json, out _));
        _shape = new Lazy<string>(() => SchemaShape.Normalize(node));
        _shippedText = new Lazy<string>(() => ShippedSchemaText.Format(node));
    }

    public string Json { get; }

    public JsonNode Node { get; }

    /// <summary>The resolved schema, or null when the text is not a valid Avro schema.</summary>
    public AvroSchema? Schema => _schema.Value;

    /// <summary><see cref="SchemaShape.Normalize"/> of the schema.</summary>
    public string Shape => _shape.Value;

    /// <summary>The schema as a baseline file holds it (<see cref="ShippedSchemaText.Format"/>), for the "Ship schema" fix.</summary>
    public string ShippedText => _shippedText.Value;
}
