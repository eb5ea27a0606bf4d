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
    private Dictionary<string, int>? _ownerPositions;
    private Dictionary<string, string[]>? _referencesByOwner;
    private Dictionary<string, HashSet<string>>? _referencingFiles;

    public AvscSchemaIndex(IEnumerable<AvscFile> files)
        : this(files.OrderBy(f => f.Path, StringComparer.Ordinal).SelectMany(f => f.Definitions).ToEquatableArray())
    {
    }

    /// <summary>An index of <paramref name="definitions"/>, already in file-path order (for a file's resolve: what it reaches).</summary>
    public AvscSchemaIndex(EquatableArray<AvscNamedType> definitions)
    {
        _definitions = definitions;
    }

    /// <summary>All definitions, ordered by file path and then by position in the file.</summary>
    public EquatableArray<AvscNamedType> Definitions => _definitions;

    /// <summary>The definition that owns <paramref name="fullName"/>, or null when no file defines it.</summary>
    public AvscNamedType? Find(string fullName) => Owners().TryGetValue(fullName, out var owner) ? owner : null;

    /// <summary>The position of the owner of <paramref name="fullName"/> in <see cref="Definitions"/>.</summary>
    public int OwnerPosition(string fullName)
    {
        Owners();
        return _ownerPositions![fullName];
    }

    /// <summary>Every defined full name (for suggestions in diagnostics).</summary>
    public IEnumerable<string> FullNames => Owners().Keys;

    /// <summary>The full names the owning definition <paramref name="owner"/> refers to (computed once per index).</summary>
    public IReadOnlyList<string> OwnerReferences(AvscNamedType owner)
    {
        var cache = _referencesByOwner ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!cache.TryGetValue(owner.FullName, out var names))
        {
            names = ReferencesOf(owner).ToArray();
            cache[owner.FullName] = names;
        }

        return names;
    }

    /// <summary>The full names a definition's fields refer to, as written.</summary>
    public static IEnumerable<string> ReferencesOf(AvscNamedType definition) =>
        definition.Fields.SelectMany(field => NamesIn(field.Type));

    /// <summary>Whether a definition written in a file other than <paramref name="path"/> refers to <paramref name="fullName"/>.</summary>
    public bool IsReferencedOutside(string fullName, string path)
    {
        var referencing = _referencingFiles;
        if (referencing is null)
        {
            referencing = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var definition in _definitions)
            {
                foreach (var name in ReferencesOf(definition))
                {
                    if (!referencing.TryGetValue(name, out var files))
                    {
                        referencing[name] = files = new HashSet<string>(StringComparer.Ordinal);
                    }

                    files.Add(definition.Site.Location?.FilePath ?? string.Empty);
                }
            }

            _referencingFiles = referencing;
        }

        return referencing.TryGetValue(fullName, out var paths) && paths.Any(p => p != path);
    }

    public bool Equals(AvscSchemaIndex? other) => other is not null && _definitions.Equals(other._definitions);

    public override bool Equals(object? obj) => Equals(obj as AvscSchemaIndex);

    public override int GetHashCode() => _definitions.GetHashCode();

    private Dictionary<string, AvscNamedType> Owners()
    {
        var owners = _owners;
        if (owners is null)
        {
            owners = new Dictionary<string, AvscNamedType>(StringComparer.Ordinal);
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _definitions.Count; i++)
            {
                var definition = _definitions[i];
                if (!owners.ContainsKey(definition.FullName))
                {
                    owners.Add(definition.FullName, definition);
                    positions.Add(definition.FullName, i);
                }
            }

            _ownerPositions = positions;
            _owners = owners;
        }

        return owners;
    }

    private static IEnumerable<string> NamesIn(AvscTypeRef type) => type.Kind switch
    {
        AvscTypeKind.Named => [type.FullName!],
        AvscTypeKind.Array or AvscTypeKind.Map => NamesIn(type.Items!),
        AvscTypeKind.Union => type.Branches.SelectMany(NamesIn),
        _ => [],
    };
}
