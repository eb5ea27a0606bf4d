namespace Contracts.Generator.Compatibility;

/// <summary>
/// The Confluent Schema Registry compatibility levels, with the registry's meaning: BACKWARD — the new schema reads
/// data written with the latest earlier one; FORWARD — the latest earlier schema reads data written with the new one;
/// FULL — both; the <c>_TRANSITIVE</c> forms check against every earlier schema instead of the latest; NONE — no check.
/// </summary>
internal enum CompatibilityMode
{
    Backward,
    BackwardTransitive,
    Forward,
    ForwardTransitive,
    Full,
    FullTransitive,
    None,
}

/// <summary>Which way one check of a mode reads.</summary>
internal enum CompatibilityDirection
{
    /// <summary>The new schema reads data written with the earlier one (BACKWARD).</summary>
    NewReadsEarlier,

    /// <summary>The earlier schema reads data written with the new one (FORWARD).</summary>
    EarlierReadsNew,
}
