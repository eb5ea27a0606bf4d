using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Parsing.Avsc;

namespace Contracts.Analyzers.Caching;

/// <summary>A full name an <c>.avsc</c> file's resolution looks up, and the definition the index gives for it (null: undefined).</summary>
internal sealed record AvscDependency(string FullName, AvscNamedType? Definition);

/// <summary>
/// What resolving one <c>.avsc</c> file reads from the index of all files: the owner of each name the file defines, and
/// of each name it refers to, followed through the definitions of other files to every name they refer to in turn. A
/// file's resolved contract stays valid while these are equal, whatever else changes in other files.
/// </summary>
internal static class AvscDependencies
{
    public static List<AvscDependency> Of(AvscFile file, AvscSchemaIndex index)
    {
        var result = new List<AvscDependency>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var pending = new Queue<string>();
        foreach (var definition in file.Definitions)
        {
            pending.Enqueue(definition.FullName);
        }

        if (file.Contract is { } settings)
        {
            pending.Enqueue(settings.RootFullName);
        }

        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (!seen.Add(name))
            {
                continue;
            }

            var owner = index.Find(name);
            result.Add(new AvscDependency(name, owner));
            var definitions = owner is null ? file.Definitions.Where(d => d.FullName == name) : new[] { owner }.Concat(file.Definitions.Where(d => d.FullName == name));
            foreach (var definition in definitions)
            {
                foreach (var field in definition.Fields)
                {
                    References(field.Type, pending);
                }
            }
        }

        return result;
    }

    private static void References(AvscTypeRef type, Queue<string> names)
    {
        switch (type.Kind)
        {
            case AvscTypeKind.Named:
                names.Enqueue(type.FullName!);
                break;
            case AvscTypeKind.Array or AvscTypeKind.Map when type.Items is not null:
                References(type.Items, names);
                break;
            case AvscTypeKind.Union:
                foreach (var branch in type.Branches)
                {
                    References(branch, names);
                }

                break;
        }
    }
}
