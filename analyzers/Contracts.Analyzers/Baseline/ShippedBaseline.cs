using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contracts.Analyzers.Caching;
using Contracts.Analyzers.Compatibility;
using Contracts.Generator.Compatibility;
using Contracts.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.Baseline;

/// <summary>
/// The shipped-schema baseline of a project: the AdditionalFiles the Contracts props mark with
/// <c>ContractsShippedSchema=true</c> (by default everything under <c>schemas/shipped/</c>).
/// </summary>
internal sealed class ShippedBaseline
{
    public const string MetadataKey = "build_metadata.AdditionalFiles.ContractsShippedSchema";

    private readonly Dictionary<(string MessageType, int Version), ShippedSchema> _schemas;
    private readonly HashSet<(string MessageType, int Version)> _removals;

    private ShippedBaseline(
        IReadOnlyList<ShippedSchema> schemas,
        IReadOnlyList<ShippedFile> removals,
        IReadOnlyList<(string Path, string Reason)> invalidFiles)
    {
        Schemas = schemas;
        InvalidFiles = invalidFiles;
        _schemas = new Dictionary<(string, int), ShippedSchema>();
        foreach (var schema in schemas)
        {
            // Two files for one version only happen with two shipped directories; the first (by path) wins.
            if (!_schemas.ContainsKey((schema.MessageType, schema.Version)))
            {
                _schemas.Add((schema.MessageType, schema.Version), schema);
            }
        }

        _removals = new HashSet<(string, int)>(removals.Select(r => (r.MessageType, r.Version)));
    }

    public IReadOnlyList<ShippedSchema> Schemas { get; }

    /// <summary>Baseline files that are neither a valid schema nor a removal marker, with the reason.</summary>
    public IReadOnlyList<(string Path, string Reason)> InvalidFiles { get; }

    public static bool IsBaselineFile(AdditionalText file, AnalyzerOptions options) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(MetadataKey, out var value) &&
        string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static ShippedBaseline Read(AnalyzerOptions options, ContractCache cache, CancellationToken cancellationToken)
    {
        var schemas = new List<ShippedSchema>();
        var removals = new List<ShippedFile>();
        var invalid = new List<(string, string)>();
        foreach (var file in options.AdditionalFiles.Where(f => IsBaselineFile(f, options)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var shippedFile = ShippedFile.FromPath(file.Path);
            switch (shippedFile.Kind)
            {
                case ShippedFileKind.RemovalMarker:
                    removals.Add(shippedFile);
                    break;
                case ShippedFileKind.Schema:
                    var schema = cache.ShippedSchema(shippedFile, file.Path, file.GetText(cancellationToken), ReadSchema);
                    schemas.Add(schema);
                    if (schema.Error is not null)
                    {
                        invalid.Add((file.Path, schema.Error));
                    }

                    break;
                default:
                    invalid.Add((file.Path, shippedFile.NameError!));
                    break;
            }
        }

        return new ShippedBaseline(schemas, removals, invalid);
    }

    public ShippedSchema? Find(string messageType, int version) =>
        _schemas.TryGetValue((messageType, version), out var schema) ? schema : null;

    public bool IsRemovalAcknowledged(string messageType, int version) => _removals.Contains((messageType, version));

    private static ShippedSchema ReadSchema(ShippedFile file, SourceText? text)
    {
        var content = text?.ToString();
        if (content is null)
        {
            return new ShippedSchema(file, null, "the file cannot be read");
        }

        var node = JsonNode.TryParse(content, out var jsonError);
        if (node is null)
        {
            return new ShippedSchema(file, null, "not valid JSON: " + jsonError);
        }

        if (AvroSchemaParser.TryParse(content, out var schemaError) is not { } schema)
        {
            return new ShippedSchema(file, null, "not a valid Avro schema: " + schemaError);
        }

        return new ShippedSchema(file, new ParsedSchema(content, node, schema), null);
    }
}
