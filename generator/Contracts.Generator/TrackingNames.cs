namespace Contracts.Generator;

/// <summary>Names of the pipeline steps in <see cref="ContractsGenerator"/>, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    /// <summary>One <c>ContractParseResult</c> per <c>[Message]</c> type.</summary>
    public const string Parse = "Contracts.Parse";

    public const string ContractDiagnostics = "Contracts.ContractDiagnostics";

    public const string AllDiagnostics = "Contracts.AllDiagnostics";

    /// <summary>Diagnostics of all contracts, each reported once even when several contracts reach the same faulty type.</summary>
    public const string DistinctDiagnostics = "Contracts.DistinctDiagnostics";

    public const string ParsedContracts = "Contracts.ParsedContracts";

    /// <summary>The <c>ContractModel</c> of each contract that parsed without errors.</summary>
    public const string Model = "Contracts.Model";

    /// <summary>The generated file of each contract.</summary>
    public const string ContractSource = "Contracts.ContractSource";

    public const string CatalogNamespace = "Contracts.CatalogNamespace";

    public const string ContractTypeName = "Contracts.ContractTypeName";

    public const string AllContractTypeNames = "Contracts.AllContractTypeNames";

    public const string Catalog = "Contracts.Catalog";

    /// <summary>The assembly's <c>MessageContracts</c> catalog file.</summary>
    public const string CatalogSource = "Contracts.CatalogSource";
}
