using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>
/// What resolving one .avsc file reads: the file and the owning definition of every name it reaches (its own names and,
/// transitively, every name they refer to). It is value-equal as long as nothing the file reaches changed, so editing an
/// unrelated file leaves the file's resolve step cached.
/// </summary>
/// <param name="File">The parsed file.</param>
/// <param name="Reached">The owning definition (first by file path) of every name the file reaches, in index order.</param>
/// <param name="KnownNames">Every defined full name, only when the file refers to a name no file defines (for "did you mean"); else empty.</param>
/// <param name="RootReferencedElsewhere">Whether a record in another file refers to the file's top-level record.</param>
internal sealed record AvscResolveInput(
    AvscFile File,
    EquatableArray<AvscNamedType> Reached,
    EquatableArray<string> KnownNames,
    bool RootReferencedElsewhere)
{
    /// <summary>The pipeline's per-file step over (file, index of every file).</summary>
    public static AvscResolveInput For(AvscFile file, AvscSchemaIndex index)
    {
        var reached = new List<AvscNamedType>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        var undefined = false;
        foreach (var definition in file.Definitions)
        {
            pending.Push(definition.FullName);
        }

        // The file's own definitions are walked as written (they may differ from an earlier file's owning definition).
        foreach (var name in file.Definitions.SelectMany(AvscSchemaIndex.ReferencesOf))
        {
            pending.Push(name);
        }

        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!visited.Add(name))
            {
                continue;
            }

            if (index.Find(name) is not { } owner)
            {
                undefined = true;
                continue;
            }

            reached.Add(owner);
            foreach (var referenced in index.OwnerReferences(owner))
            {
                pending.Push(referenced);
            }
        }

        var root = file.Contract?.RootFullName;
        return new AvscResolveInput(
            file,
            reached.OrderBy(owner => index.OwnerPosition(owner.FullName)).ToEquatableArray(),
            undefined ? index.FullNames.OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray() : EquatableArray<string>.Empty,
            root is not null && index.IsReferencedOutside(root, file.Path));
    }
}
