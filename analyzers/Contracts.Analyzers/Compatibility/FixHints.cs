using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Contracts.Analyzers.Baseline;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace Contracts.Analyzers.Compatibility;

/// <summary>
/// What the code fixes for a field without a default need to know, worked out where the schemas are at hand: a default
/// of the field's Avro type, and the earlier version's fields this one may have been renamed from (same type, unmatched).
/// </summary>
internal static class FixHints
{
    public static ImmutableDictionary<string, string?> ForMissingDefault(DeclaredContract contract, ISymbol member, string readerPath, JsonNode? writerSchema)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var field = contract.Model.Records.SelectMany(r => r.Fields).FirstOrDefault(f => f.MemberName == member.Name && readerPath.EndsWith(f.AvroName, StringComparison.Ordinal));
        if (field is not null && DefaultFor(field.Type, contract.Model) is { } json)
        {
            properties.Add(ContractChecks.SuggestedDefaultProperty, json);
        }

        // Renames are recognisable only between the root records, where both schemas' field lists are at hand.
        if (field is not null && readerPath.IndexOf('.') < 0 && readerPath.IndexOf('[') < 0 && readerPath.IndexOf('{') < 0 &&
            writerSchema is not null && RenameCandidates(contract.SchemaNode, writerSchema, field.AvroName) is { Count: > 0 } candidates)
        {
            properties.Add(ContractChecks.AliasCandidatesProperty, string.Join(",", candidates));
        }

        return properties.ToImmutable();
    }

    /// <summary>Avro JSON for a neutral default of the type, or null where no single value is an obvious choice.</summary>
    private static string? DefaultFor(AvroTypeModel type, ContractModel model)
    {
        if (type.Kind == AvroKind.Nullable)
        {
            return "null";
        }

        if (type.LogicalType is not null)
        {
            return null;
        }

        return type.Kind switch
        {
            AvroKind.Boolean => "false",
            AvroKind.Int or AvroKind.Long or AvroKind.Float or AvroKind.Double => "0",
            AvroKind.String or AvroKind.Bytes => "\"\"",
            AvroKind.Array => "[]",
            AvroKind.Map => "{}",
            AvroKind.Enum => model.Enums.FirstOrDefault(e => e.AvroFullName == type.NamedTypeFullName) is { } enumModel && enumModel.Symbols.Count > 0
                ? JsonNode.Quote(enumModel.DefaultSymbol ?? enumModel.Symbols[0].Symbol)
                : null,
            _ => null,
        };
    }

    /// <summary>Writer root fields no reader field takes (by name or alias) whose type equals the reader field's.</summary>
    private static List<string> RenameCandidates(JsonNode readerSchema, JsonNode writerSchema, string readerField)
    {
        var readerFields = Fields(readerSchema);
        var writerFields = Fields(writerSchema);
        var target = readerFields.FirstOrDefault(f => f.Name == readerField);
        if (target.Name is null)
        {
            return new List<string>();
        }

        var taken = new HashSet<string>(readerFields.SelectMany(f => f.Aliases.Concat(new[] { f.Name })), StringComparer.Ordinal);
        return writerFields
            .Where(w => !taken.Contains(w.Name) && w.TypeShape == target.TypeShape)
            .Select(w => w.Name)
            .ToList();
    }

    private static List<(string Name, string TypeShape, IEnumerable<string> Aliases)> Fields(JsonNode schema)
    {
        var fields = Property(schema, "fields");
        return fields is { Kind: JsonNodeKind.Array }
            ? fields.Items.Select(f => (
                Name: Property(f, "name")?.Text ?? string.Empty,
                TypeShape: Property(f, "type") is { } type ? SchemaShape.Normalize(type) : string.Empty,
                Aliases: Property(f, "aliases")?.Items.Select(a => a.Text ?? string.Empty) ?? Enumerable.Empty<string>())).ToList()
            : new List<(string, string, IEnumerable<string>)>();
    }

    private static JsonNode? Property(JsonNode node, string name) =>
        node.Kind == JsonNodeKind.Object ? node.Properties.FirstOrDefault(p => p.Key == name).Value : null;
}
