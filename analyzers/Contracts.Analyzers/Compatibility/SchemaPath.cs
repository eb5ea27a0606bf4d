using System.Collections.Generic;
using Contracts.Generator.Compatibility;

namespace Contracts.Analyzers.Compatibility;

/// <summary>
/// The checker's paths (<c>address.zip</c>, <c>addresses[].zip</c>, <c>scores{}</c>; see <see cref="Incompatibility"/>)
/// taken apart, and followed through a parsed schema.
/// </summary>
internal static class SchemaPath
{
    /// <summary>Array items, as a path step.</summary>
    public const string Items = "[]";

    /// <summary>Map values, as a path step.</summary>
    public const string Values = "{}";

    /// <summary>The steps of a path: field names, <see cref="Items"/> and <see cref="Values"/>.</summary>
    public static List<string> Steps(string path)
    {
        var steps = new List<string>();
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            var end = i == path.Length;
            var c = end ? '\0' : path[i];
            if (end || c is '.' or '[' or '{')
            {
                if (i > start)
                {
                    steps.Add(path.Substring(start, i - start));
                }

                if (c is '[' or '{')
                {
                    steps.Add(c == '[' ? Items : Values);
                    i++;
                }

                start = i + 1;
            }
        }

        return steps;
    }

    /// <summary>
    /// The schema a path leads to from <paramref name="root"/>. Unions are looked through, as the checker does without a
    /// path step: a field name picks the first record branch with that field, items and values the first array or map.
    /// </summary>
    public static AvroSchema? Follow(AvroSchema root, string path)
    {
        AvroSchema? current = root;
        foreach (var step in Steps(path))
        {
            current = current is null ? null : Step(current, step);
        }

        return current;
    }

    private static AvroSchema? Step(AvroSchema schema, string step)
    {
        switch (schema)
        {
            case UnionSchema union:
                foreach (var branch in union.Branches)
                {
                    if (Step(branch, step) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case ArraySchema array when step == Items:
                return array.Items;
            case MapSchema map when step == Values:
                return map.Values;
            case RecordSchema record when step is not Items and not Values:
                return record.FindField(step)?.Schema;
            default:
                return null;
        }
    }
}
