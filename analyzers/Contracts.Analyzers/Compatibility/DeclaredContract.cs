using System;
using System.IO;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace Contracts.Analyzers.Compatibility;

/// <summary>
/// A contract of the compilation — a <c>[Message]</c> type or an <c>.avsc</c> file — with the model and schema the
/// generator builds for it. <see cref="SchemaJson"/> is exactly the <c>Descriptor</c>'s schema, because both come from
/// the shared parsers and emitter.
/// </summary>
internal sealed class DeclaredContract
{
    private readonly Lazy<Location> _location;

    private DeclaredContract(INamedTypeSymbol? symbol, AttributeData? attribute, SchemaFileSource? schemaFile, ParsedContract parsed)
    {
        Symbol = symbol;
        Attribute = attribute;
        SchemaFile = schemaFile;
        Parsed = parsed;
        _location = new Lazy<Location>(() => symbol is not null
            ? (symbol.Locations.Length > 0 ? symbol.Locations[0] : Location.None)
            : SchemaFileLocator.RootLocation(schemaFile!));
    }

    /// <summary>The <c>[Message]</c> type, or null for an <c>.avsc</c> contract.</summary>
    public INamedTypeSymbol? Symbol { get; }

    public AttributeData? Attribute { get; }

    /// <summary>The <c>.avsc</c> file of a schema-file contract, or null for a <c>[Message]</c> type.</summary>
    public SchemaFileSource? SchemaFile { get; }

    /// <summary>The path of <see cref="SchemaFile"/>, or null for a <c>[Message]</c> type.</summary>
    public string? SchemaFilePath => SchemaFile?.File.Path;

    /// <summary>The model and schema, shared with the cache (never changed after parsing).</summary>
    public ParsedContract Parsed { get; }

    public ContractModel Model => Parsed.Model;

    public string MessageType => Model.MessageType;

    public int Version => Model.Version;

    public string SchemaJson => Parsed.Schema.Json;

    public JsonNode SchemaNode => Parsed.Schema.Node;

    /// <summary>How diagnostics name the contract: its C# type name, or the schema file's name.</summary>
    public string DisplayName => Symbol?.Name ?? Path.GetFileName(SchemaFilePath!);

    /// <summary>How diagnostics quote the contract among others: the full C# type name, or the schema file's path.</summary>
    public string QualifiedName => Symbol?.ToDisplayString() ?? SchemaFilePath!;

    /// <summary>Where diagnostics about the whole contract go: the type's name, or the top-level record's name in the file.</summary>
    public Location Location => _location.Value;

    public static DeclaredContract FromType(INamedTypeSymbol symbol, AttributeData attribute, ParsedContract parsed) =>
        new(symbol, attribute, null, parsed);

    public static DeclaredContract FromSchemaFile(SchemaFileSource file, ParsedContract parsed) =>
        new(null, null, file, parsed);
}
