using System;
using System.Collections.Generic;
using Contracts.Generator.Model;

namespace Contracts.Generator.Compatibility;

/// <summary>Checks a new schema against the earlier versions of its message type under a <see cref="CompatibilityMode"/>.</summary>
internal static class CompatibilityModes
{
    /// <summary>
    /// Runs the checks <paramref name="mode"/> requires of <paramref name="candidate"/> against <paramref name="earlier"/>
    /// (ordered oldest first; the last one is the "latest" the non-transitive modes compare with). Returns every check
    /// made, compatible or not, latest earlier version first; the candidate passes when all are compatible.
    /// </summary>
    public static EquatableArray<CompatibilityCheck> Check(AvroSchema candidate, IReadOnlyList<SchemaVersion> earlier, CompatibilityMode mode)
    {
        var checks = new List<CompatibilityCheck>();
        if (mode == CompatibilityMode.None || earlier.Count == 0)
        {
            return checks.ToEquatableArray();
        }

        var transitive = mode is CompatibilityMode.BackwardTransitive or CompatibilityMode.ForwardTransitive or CompatibilityMode.FullTransitive;
        var backward = mode is CompatibilityMode.Backward or CompatibilityMode.BackwardTransitive or CompatibilityMode.Full or CompatibilityMode.FullTransitive;
        var forward = mode is CompatibilityMode.Forward or CompatibilityMode.ForwardTransitive or CompatibilityMode.Full or CompatibilityMode.FullTransitive;
        var stop = transitive ? 0 : earlier.Count - 1;
        for (var i = earlier.Count - 1; i >= stop; i--)
        {
            var previous = earlier[i];
            if (backward)
            {
                checks.Add(new CompatibilityCheck(previous.Version, CompatibilityDirection.NewReadsEarlier, SchemaCompatibility.CanRead(candidate, previous.Schema)));
            }

            if (forward)
            {
                checks.Add(new CompatibilityCheck(previous.Version, CompatibilityDirection.EarlierReadsNew, SchemaCompatibility.CanRead(previous.Schema, candidate)));
            }
        }

        return checks.ToEquatableArray();
    }

    /// <summary>True when every check <paramref name="mode"/> requires passes.</summary>
    public static bool IsCompatible(AvroSchema candidate, IReadOnlyList<SchemaVersion> earlier, CompatibilityMode mode)
    {
        foreach (var check in Check(candidate, earlier, mode))
        {
            if (!check.IsCompatible)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses the registry spelling (<c>BACKWARD_TRANSITIVE</c>; case, '-' or '_' and surrounding spaces do not matter).</summary>
    public static bool TryParse(string? text, out CompatibilityMode mode)
    {
        switch (text?.Trim().Replace('-', '_').ToUpperInvariant())
        {
            case "BACKWARD":
                mode = CompatibilityMode.Backward;
                return true;
            case "BACKWARD_TRANSITIVE":
                mode = CompatibilityMode.BackwardTransitive;
                return true;
            case "FORWARD":
                mode = CompatibilityMode.Forward;
                return true;
            case "FORWARD_TRANSITIVE":
                mode = CompatibilityMode.ForwardTransitive;
                return true;
            case "FULL":
                mode = CompatibilityMode.Full;
                return true;
            case "FULL_TRANSITIVE":
                mode = CompatibilityMode.FullTransitive;
                return true;
            case "NONE":
                mode = CompatibilityMode.None;
                return true;
            default:
                mode = CompatibilityMode.Backward;
                return false;
        }
    }

    /// <summary>The registry spelling of <paramref name="mode"/>.</summary>
    public static string ToText(CompatibilityMode mode) => mode switch
    {
        CompatibilityMode.Backward => "BACKWARD",
        CompatibilityMode.BackwardTransitive => "BACKWARD_TRANSITIVE",
        CompatibilityMode.Forward => "FORWARD",
        CompatibilityMode.ForwardTransitive => "FORWARD_TRANSITIVE",
        CompatibilityMode.Full => "FULL",
        CompatibilityMode.FullTransitive => "FULL_TRANSITIVE",
        CompatibilityMode.None => "NONE",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };
}
