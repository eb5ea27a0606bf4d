using System;
using System.Linq;
using Contracts.Generator.Compatibility;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Parsing;
using Contracts.Generator.Parsing.Avsc;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.Compatibility;

/// <summary>
/// Finds the place in an <c>.avsc</c> contract a finding is about: the field's <c>"name"</c> the path leads to, or for a
/// finding about a named type itself its <c>"name"</c>, a fixed's <c>"size"</c>, or the enum symbol an older reader lacks.
/// Positions come from the avsc reader (field and definition sites) and, for the parts of a definition the model does not
/// keep a site for, from its JSON. The walk stays inside the contract's own file: past a type another file defines, the
/// field that refers to it is the closest place this file can show.
/// </summary>
internal static class SchemaFileLocator
{
    /// <param name="source">The contract's file.</param>
    /// <param name="path">The finding's path on the contract's side.</param>
    /// <param name="kind">The broken rule.</param>
    /// <param name="contractReads">True when the contract is the reader of the pair.</param>
    /// <param name="ownSchema">The contract's parsed schema.</param>
    /// <param name="otherSchema">The other version's parsed schema.</param>
    /// <param name="otherPath">The finding's path on the other side.</param>
    public static Location Locate(SchemaFileSource source, string path, IncompatibilityKind kind, bool contractReads,
        AvroSchema? ownSchema, AvroSchema? otherSchema, string otherPath)
    {
        var file = source.File;
        var root = file.Contract is { } settings ? Own(file, settings.RootFullName) : null;
        if (root is null)
        {
            return RootLocation(source);
        }

        LocationInfo? at = null;
        var named = root;
        AvscTypeRef? type = null;
        var reachedEnd = true;
        foreach (var step in SchemaPath.Steps(path))
        {
            if (step is SchemaPath.Items or SchemaPath.Values)
            {
                type = Container(type, step == SchemaPath.Items ? AvscTypeKind.Array : AvscTypeKind.Map)?.Items;
                named = null;
            }
            else
            {
                var field = (named ?? RecordWithField(file, type, step))?.Fields.FirstOrDefault(f => f.AvroName == step);
                at = field?.Site.Location ?? at;
                type = field?.Type;
                named = null;
            }

            if (type is null)
            {
                reachedEnd = false;
                break;
            }
        }

        var definition = reachedEnd ? named ?? Definition(file, type, kind) : null;
        var refined = definition is null ? null : DefinitionPart(source, definition, kind, contractReads, ownSchema, otherSchema, path, otherPath);
        return (refined ?? at ?? NamePart(source, root) ?? root.Site.Location)?.ToLocation()
            ?? Location.Create(file.Path, default(TextSpan), default(LinePositionSpan));
    }

    /// <summary>The contract's top-level record name, as diagnostics name the contract's fields (<c>Person.email</c>).</summary>
    public static string RootName(SchemaFileSource source) =>
        source.File.Contract is { } settings ? AvroNaming.ShortNameOf(settings.RootFullName) : System.IO.Path.GetFileName(source.File.Path);

    /// <summary>Where diagnostics about the whole contract go: its top-level record's <c>"name"</c>.</summary>
    public static Location RootLocation(SchemaFileSource source) =>
        (source.File.Contract is { } settings && Own(source.File, settings.RootFullName) is { } root ? NamePart(source, root) ?? root.Site.Location : null)?.ToLocation()
        ?? Location.Create(source.File.Path, default(TextSpan), default(LinePositionSpan));

    /// <summary>The part of a named type a finding about the type itself is about.</summary>
    private static LocationInfo? DefinitionPart(SchemaFileSource source, AvscNamedType definition, IncompatibilityKind kind, bool contractReads,
        AvroSchema? ownSchema, AvroSchema? otherSchema, string path, string otherPath)
    {
        switch (kind)
        {
            case IncompatibilityKind.NameMismatch:
                return NamePart(source, definition);
            case IncompatibilityKind.FixedSizeMismatch when definition.Kind == AvscNamedKind.Fixed:
                return Part(source, definition, "size");
            case IncompatibilityKind.MissingEnumSymbols when definition.Kind == AvscNamedKind.Enum:
                // As the writer, the contract added the symbols the older reader lacks: point at the first. As the reader it
                // lacks them, so the symbol list (where they or a default belong) is the place.
                if (!contractReads && ownSchema is not null && otherSchema is not null &&
                    SchemaPath.Follow(ownSchema, path) is EnumSchema own && SchemaPath.Follow(otherSchema, otherPath) is EnumSchema other &&
                    own.Symbols.FirstOrDefault(s => other.IndexOf(s) < 0) is { } added &&
                    Node(source, definition) is { } node && Property(node, "symbols") is { Kind: JsonNodeKind.Array } symbols &&
                    symbols.Items.FirstOrDefault(s => s.Text == added) is { } symbol)
                {
                    return Info(source, symbol);
                }

                return Part(source, definition, "symbols");
            default:
                return null;
        }
    }

    private static LocationInfo? NamePart(SchemaFileSource source, AvscNamedType definition) => Part(source, definition, "name");

    private static LocationInfo? Part(SchemaFileSource source, AvscNamedType definition, string property) =>
        Node(source, definition) is { } node && Property(node, property) is { } value ? Info(source, value) : null;

    /// <summary>The definition's JSON object, found again by the position the avsc reader recorded for it.</summary>
    private static JsonNode? Node(SchemaFileSource source, AvscNamedType definition)
    {
        if (definition.Site.Location is not { } location || source.Json is not { } json)
        {
            return null;
        }

        return Find(json, location.TextSpan.Start);
    }

    private static JsonNode? Find(JsonNode node, int start)
    {
        if (node.Kind == JsonNodeKind.Object && node.Start == start)
        {
            return node;
        }

        if (start < node.Start || start >= node.End)
        {
            return null;
        }

        foreach (var child in node.Kind == JsonNodeKind.Object ? node.Properties.Select(p => p.Value) : node.Items)
        {
            if (Find(child, start) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static JsonNode? Property(JsonNode node, string name) => node.Properties.FirstOrDefault(p => p.Key == name).Value;

    private static LocationInfo Info(SchemaFileSource source, JsonNode node)
    {
        var span = new TextSpan(node.Start, Math.Max(0, node.End - node.Start));
        return new LocationInfo(source.File.Path, span, source.Text.Lines.GetLinePositionSpan(span));
    }

    /// <summary>A named type this file defines (types from other files are not followed).</summary>
    private static AvscNamedType? Own(AvscFile file, string? fullName) =>
        fullName is null ? null : file.Definitions.FirstOrDefault(d => d.FullName == fullName);

    /// <summary>The record (defined in this file) a field step enters: the type itself, or the first union branch with the field.</summary>
    private static AvscNamedType? RecordWithField(AvscFile file, AvscTypeRef? type, string field) => type?.Kind switch
    {
        AvscTypeKind.Named when Own(file, type.FullName) is { Kind: AvscNamedKind.Record } record && record.Fields.Any(f => f.AvroName == field) => record,
        AvscTypeKind.Union => type.Branches.Select(b => RecordWithField(file, b, field)).FirstOrDefault(r => r is not null),
        _ => null,
    };

    /// <summary>The array or map an items/values step enters: the type itself, or the first union branch of that kind.</summary>
    private static AvscTypeRef? Container(AvscTypeRef? type, AvscTypeKind kind) =>
        type?.Kind == kind ? type
        : type?.Kind == AvscTypeKind.Union ? type.Branches.FirstOrDefault(b => b.Kind == kind)
        : null;

    /// <summary>The named type (defined in this file) at the end of a path: the type itself, or a union branch of the finding's kind.</summary>
    private static AvscNamedType? Definition(AvscFile file, AvscTypeRef? type, IncompatibilityKind kind) => type?.Kind switch
    {
        AvscTypeKind.Named => Own(file, type.FullName),
        AvscTypeKind.Union => type.Branches
            .Where(b => b.Kind == AvscTypeKind.Named)
            .Select(b => Own(file, b.FullName))
            .FirstOrDefault(d => d is not null && (kind != IncompatibilityKind.FixedSizeMismatch || d.Kind == AvscNamedKind.Fixed) &&
                (kind != IncompatibilityKind.MissingEnumSymbols || d.Kind == AvscNamedKind.Enum)),
        _ => null,
    };
}
