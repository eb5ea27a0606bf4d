using Contracts.Analyzers.Baseline;
using Contracts.Generator.Compatibility;

namespace Contracts.Analyzers.Compatibility;

/// <summary>
/// One version in a message type's chain: declared in code, shipped in the baseline, or both. Checks read the declared
/// schema when there is one (that is what the code writes and reads) and the shipped one otherwise.
/// </summary>
internal sealed class ChainVersion(int version, DeclaredContract? declared, ShippedSchema? shipped)
{
    public int Version { get; } = version;

    public DeclaredContract? Declared { get; } = declared;

    public ShippedSchema? Shipped { get; } = shipped;

    /// <summary>The parsed schema, or null when it cannot be parsed (the file's own diagnostic says why).</summary>
    public AvroSchema? Schema => Declared is not null ? Declared.Parsed.Schema.Schema : Shipped?.Parsed?.Schema;
}
