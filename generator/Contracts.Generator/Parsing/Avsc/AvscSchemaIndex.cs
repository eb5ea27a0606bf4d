using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>
/// Every named type defined by the project's .avsc files, so one file can refer to a type another file defines. The first
/// definition of a name (by file path, then position in the file) is the one that generates code; later equal
/// definitions are the same type, later different ones are errors reported at their own file.
/// </summary>
internal sealed class AvscSchemaIndex : IEquatable<AvscSchemaIndex>
{
    private readonly EquatableArray<AvscNamedType> _definitions;
    private Dictionary<string, AvscNamedType>? _owners;

    public AvscSchemaIndex(IEnumerable<AvscFile> files)
    {
        _definitions = files
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .SelectMany(f => f.Definitions)
            .ToEquatableArray();
    }

    /// <summary>All definitions, ordered by file path and then by position in the file.</summary>
    public EquatableArray<AvscNamedType> Definitions => _definitions;

    /// <summary>The definition that owns <paramref name="fullName"/>, or null when no file defines it.</summary>
    public AvscNamedType? Find(string fullName)
    {
        var owners = _owners;
        if (owners is null)
        {
            owners = new Dictionary<string, AvscNamedType>(StringComparer.Ordinal);
            foreach (var definition in _definitions)
            {
                if (!owners.ContainsKey(definition.FullName))
                {
                    owners.Add(definition.FullName, definition);
                }
            }

            _owners = owners;
        }

        return owners.TryGetValue(fullName, out var owner) ? owner : null;
    }

    /// <summary>Every defined full name (for suggestions in diagnostics).</summary>
    public IEnumerable<string> FullNames => _definitions.Select(d => d.FullName).Distinct();

    public bool Equals(AvscSchemaIndex? other) => other is not null && _definitions.Equals(other._definitions);

    public override bool Equals(object? obj) => Equals(obj as AvscSchemaIndex);

    public override int GetHashCode() => _definitions.GetHashCode();
}
