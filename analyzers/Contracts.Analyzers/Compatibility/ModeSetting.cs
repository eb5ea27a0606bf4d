using System;
using System.Linq;
using Contracts.Generator.Compatibility;

namespace Contracts.Analyzers.Compatibility;

/// <summary>Where a contract's compatibility mode comes from: the MSBuild property or <c>[Message(Compatibility = …)]</c>.</summary>
internal static class ModeSetting
{
    /// <summary>The mode when neither the project nor the contract sets one (the Schema Registry's default too).</summary>
    public const CompatibilityMode Default = CompatibilityMode.Backward;

    private static readonly CompatibilityMode[] All = (CompatibilityMode[])Enum.GetValues(typeof(CompatibilityMode));

    /// <summary>
    /// The MSBuild property's value: the Schema Registry's spellings (<c>BACKWARD_TRANSITIVE</c>) and the C# enum member
    /// names (<c>BackwardTransitive</c>) alike, case-insensitive. Null when it names no mode.
    /// </summary>
    public static CompatibilityMode? Parse(string text)
    {
        if (CompatibilityModes.TryParse(text, out var mode))
        {
            return mode;
        }

        var key = Squash(text);
        return All.Where(m => Squash(CompatibilityModes.ToText(m)) == key).Select(m => (CompatibilityMode?)m).FirstOrDefault();
    }

    /// <summary>
    /// A <c>Contracts.CompatibilityLevel</c> value from the attribute (the runtime enum: 0 is <c>Project</c>, then the modes
    /// in the order of <see cref="CompatibilityMode"/>). Null for <c>Project</c> and undefined values.
    /// </summary>
    public static CompatibilityMode? FromAttributeValue(int value) =>
        value >= 1 && value <= All.Length ? (CompatibilityMode)(value - 1) : null;

    private static string Squash(string text) =>
        new string(text.Where(c => c != '_' && c != '-' && !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}
