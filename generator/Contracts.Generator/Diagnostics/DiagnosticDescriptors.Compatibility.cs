#if CONTRACTS_ANALYZERS
using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Diagnostics;

/// <summary>
/// The compatibility diagnostics (CTR1001…), reported by the analyzers (analyzers/Contracts.Analyzers), which compile
/// this class as shared source; the generator does not report them, so it does not compile this part.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    private const string CompatibilityCategory = "Contracts.Compatibility";

    public static readonly DiagnosticDescriptor IncompatibleVersion = new(
        "CTR1001",
        "New version breaks the compatibility mode",
        "{0}: {1}; v{2} data cannot be read by v{3} ({4}). {5}.",
        CompatibilityCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ShippedSchemaChanged = new(
        "CTR1002",
        "Shipped schema changed without a version bump",
        "'{0}' is message '{1}' v{2}, which has shipped with another schema ({3}): {4}; a shipped version never changes: declare the change as v{5}, or revert it",
        CompatibilityCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ShippedVersionRemoved = new(
        "CTR1003",
        "Shipped version removed without acknowledgement",
        "Message '{0}' v{1} has shipped ({2}) but no contract declares it; restore the contract, or acknowledge the removal by adding the empty file '{3}'",
        CompatibilityCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SchemaNotShipped = new(
        "CTR1004",
        "Schema version not in the shipped baseline",
        "'{0}' (message '{1}' v{2}) is not in the shipped baseline; when it is released, add '{3}' (code fix 'Ship schema', or dotnet build -t:ContractsShipSchemas)",
        CompatibilityCategory, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor StricterThanCommonCheckers = new(
        "CTR1005",
        "Change the Avro specification does not allow",
        "{0}: {1}; reading v{2} data as v{3} ({4}) may fail or change values although many schema registries accept it. {5}.",
        CompatibilityCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidCompatibilityMode = new(
        "CTR1006",
        "Invalid compatibility mode",
        "{0} '{1}' is not a compatibility mode; use Backward, BackwardTransitive, Forward, ForwardTransitive, Full, FullTransitive or None",
        CompatibilityCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidShippedSchema = new(
        "CTR1007",
        "Invalid shipped baseline file",
        "Shipped baseline file '{0}' is invalid: {1}",
        CompatibilityCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateVersion = new(
        "CTR1008",
        "Two contracts declare one version",
        "Message '{0}' v{1} is declared by both {2} and {3}; each version of a message type has exactly one contract",
        CompatibilityCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
#endif
