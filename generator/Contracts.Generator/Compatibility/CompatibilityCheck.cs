namespace Contracts.Generator.Compatibility;

/// <summary>One reader/writer check a mode asked for: the earlier version it compared with, which way, and the verdict.</summary>
internal sealed record CompatibilityCheck(int EarlierVersion, CompatibilityDirection Direction, CompatibilityResult Result)
{
    public bool IsCompatible => Result.IsCompatible;
}
