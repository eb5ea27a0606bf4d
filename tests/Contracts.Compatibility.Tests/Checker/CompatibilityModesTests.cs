using System.Linq;
using Contracts.Generator.Compatibility;
using Xunit;
using static Contracts.Compatibility.Tests.Checker.Schemas;

namespace Contracts.Compatibility.Tests.Checker;

public sealed class CompatibilityModesTests
{
    // v1 {A}; v2 {A, B default}; v3 {B default} — v3 reads v1 and v2; v1 reads v3 only if A had a default (it does not).
    private static readonly SchemaVersion V1 = Version(1, Record("M", Field("A", "\"string\"")));
    private static readonly SchemaVersion V2 = Version(2, Record("M", Field("A", "\"string\"", "\"\""), Field("B", "\"int\"", "0")));
    private static readonly AvroSchema V3 = AvroSchemaParser.Parse(Record("M", Field("B", "\"int\"", "0")));

    [Theory]
    [InlineData("Backward", "2:NewReadsEarlier")]
    [InlineData("BackwardTransitive", "2:NewReadsEarlier 1:NewReadsEarlier")]
    [InlineData("Forward", "2:EarlierReadsNew")]
    [InlineData("ForwardTransitive", "2:EarlierReadsNew 1:EarlierReadsNew")]
    [InlineData("Full", "2:NewReadsEarlier 2:EarlierReadsNew")]
    [InlineData("FullTransitive", "2:NewReadsEarlier 2:EarlierReadsNew 1:NewReadsEarlier 1:EarlierReadsNew")]
    [InlineData("None", "")]
    public void Each_mode_makes_the_registry_checks_latest_first(string modeName, string expected)
    {
        var mode = System.Enum.Parse<CompatibilityMode>(modeName);
        var checks = CompatibilityModes.Check(V3, new[] { V1, V2 }, mode);
        Assert.Equal(expected, string.Join(" ", checks.Select(c => c.EarlierVersion + ":" + c.Direction)));
    }

    [Theory]
    [InlineData("Backward", true)]
    [InlineData("BackwardTransitive", true)]
    [InlineData("Forward", true)]
    [InlineData("ForwardTransitive", false)]
    [InlineData("Full", true)]
    [InlineData("FullTransitive", false)]
    [InlineData("None", true)]
    public void Transitive_modes_catch_what_the_latest_alone_hides(string modeName, bool compatible)
    {
        var mode = System.Enum.Parse<CompatibilityMode>(modeName);
        Assert.Equal(compatible, CompatibilityModes.IsCompatible(V3, new[] { V1, V2 }, mode));
    }

    [Fact]
    public void Failing_check_says_which_version_and_direction()
    {
        var failed = Assert.Single(CompatibilityModes.Check(V3, new[] { V1, V2 }, CompatibilityMode.FullTransitive), c => !c.IsCompatible);
        Assert.Equal(1, failed.EarlierVersion);
        Assert.Equal(CompatibilityDirection.EarlierReadsNew, failed.Direction);
        var error = Assert.Single(failed.Result.Findings);
        Assert.Equal(IncompatibilityKind.ReaderFieldMissingDefault, error.Kind);
        Assert.Equal("A", error.ReaderPath);
    }

    [Fact]
    public void No_earlier_versions_means_nothing_to_check()
    {
        Assert.Empty(CompatibilityModes.Check(V3, new SchemaVersion[0], CompatibilityMode.FullTransitive));
    }

    [Theory]
    [InlineData("BACKWARD", "Backward")]
    [InlineData("backward_transitive", "BackwardTransitive")]
    [InlineData(" Forward ", "Forward")]
    [InlineData("forward-transitive", "ForwardTransitive")]
    [InlineData("FULL", "Full")]
    [InlineData("FULL_TRANSITIVE", "FullTransitive")]
    [InlineData("NONE", "None")]
    public void Parses_registry_spellings_and_round_trips(string text, string modeName)
    {
        var mode = System.Enum.Parse<CompatibilityMode>(modeName);
        Assert.True(CompatibilityModes.TryParse(text, out var parsed));
        Assert.Equal(mode, parsed);
        Assert.True(CompatibilityModes.TryParse(CompatibilityModes.ToText(mode), out var again));
        Assert.Equal(mode, again);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("BACKWARDS")]
    [InlineData("FULL TRANSITIVE")]
    public void Rejects_other_spellings(string? text)
    {
        Assert.False(CompatibilityModes.TryParse(text, out _));
    }

    private static SchemaVersion Version(int version, string json) => new(version, AvroSchemaParser.Parse(json));
}
