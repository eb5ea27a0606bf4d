namespace Contracts;

/// <summary>
/// How a new version of a message type must relate to the earlier versions of the same type, as the Confluent Schema
/// Registry defines the modes. The build checks it (diagnostics CTR1001…); see docs/compatibility.md.
/// </summary>
public enum CompatibilityLevel
{
    /// <summary>Use the project's mode: the <c>ContractsCompatibility</c> MSBuild property, <see cref="Backward"/> when unset.</summary>
    Project = 0,

    /// <summary>The new version reads data written by the version before it (consumers upgrade first).</summary>
    Backward = 1,

    /// <summary>The new version reads data written by every earlier version.</summary>
    BackwardTransitive = 2,

    /// <summary>The version before it reads data written by the new version (producers upgrade first).</summary>
    Forward = 3,

    /// <summary>Every earlier version reads data written by the new version.</summary>
    ForwardTransitive = 4,

    /// <summary><see cref="Backward"/> and <see cref="Forward"/> against the version before it.</summary>
    Full = 5,

    /// <summary><see cref="Backward"/> and <see cref="Forward"/> against every earlier version.</summary>
    FullTransitive = 6,

    /// <summary>No check: any new version is accepted.</summary>
    None = 7,
}
