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

    /// <summary>Each contract's message type, version and schema, for finding earlier versions.</summary>
    public const string ContractSchema = "Contracts.ContractSchema";

    /// <summary>Each .avsc file with its schema when it belongs to the shipped baseline, for finding earlier versions.</summary>
    public const string ShippedSchema = "Contracts.AvscShippedSchema";

    /// <summary>Every contract's and shipped-baseline file's schema, as one equatable value.</summary>
    public const string AllContractSchemas = "Contracts.AllContractSchemas";

    /// <summary>Each contract with the earlier versions of its message type it gets resolving readers for.</summary>
    public const string ContractWithEarlierVersions = "Contracts.ContractWithEarlierVersions";

    /// <summary>The generated file of each contract.</summary>
    public const string ContractSource = "Contracts.ContractSource";

    public const string CatalogNamespace = "Contracts.CatalogNamespace";

    public const string ContractTypeName = "Contracts.ContractTypeName";

    public const string AllContractTypeNames = "Contracts.AllContractTypeNames";

    public const string Catalog = "Contracts.Catalog";

    /// <summary>The assembly's <c>MessageContracts</c> catalog file.</summary>
    public const string CatalogSource = "Contracts.CatalogSource";

    /// <summary>One parsed .avsc file (its named types and contract settings).</summary>
    public const string AvscParse = "Contracts.AvscParse";

    /// <summary>Every .avsc file's named types, for references across files.</summary>
    public const string AvscIndex = "Contracts.AvscIndex";

    /// <summary>One .avsc file with the definitions it reaches: unchanged when an edit does not reach the file.</summary>
    public const string AvscResolveInput = "Contracts.AvscResolveInput";

    /// <summary>One .avsc file resolved against the definitions it reaches: its contract model and declarations.</summary>
    public const string AvscResolve = "Contracts.AvscResolve";

    /// <summary>Every C# type the .avsc files generate.</summary>
    public const string AvscGeneratedTypes = "Contracts.AvscGeneratedTypes";

    /// <summary>C# types of the project or its references that already have a generated type's name.</summary>
    public const string AvscExistingTypes = "Contracts.AvscExistingTypes";

    /// <summary>Every generated .avsc type name checked against the existing C# types.</summary>
    public const string AvscClashCheck = "Contracts.AvscClashCheck";

    /// <summary>Generated .avsc type names that clash with C# code (those types are not generated).</summary>
    public const string AvscClashingNames = "Contracts.AvscClashingNames";

    public const string AvscDiagnostics = "Contracts.AvscDiagnostics";

    /// <summary>The C# declaration (partial record or enum) of each named type from an .avsc file.</summary>
    public const string AvscDeclarationSource = "Contracts.AvscDeclarationSource";

    /// <summary>The <c>ContractModel</c> of each .avsc file's top-level record.</summary>
    public const string AvscModel = "Contracts.AvscModel";

    /// <summary>Each .avsc contract's message type, version and schema, for finding earlier versions.</summary>
    public const string AvscContractSchema = "Contracts.AvscContractSchema";

    /// <summary>Each .avsc contract with the earlier versions of its message type it gets resolving readers for.</summary>
    public const string AvscContractWithEarlierVersions = "Contracts.AvscContractWithEarlierVersions";

    /// <summary>The generated contract file of each .avsc contract.</summary>
    public const string AvscContractSource = "Contracts.AvscContractSource";

    public const string AvscContractTypeName = "Contracts.AvscContractTypeName";
    /// <summary>One <c>TopicParseResult</c> per <c>[Topic]</c> class.</summary>
    public const string TopicParse = "Contracts.TopicParse";

    public const string TopicDiagnostics = "Contracts.TopicDiagnostics";

    /// <summary>The <c>TopicModel</c> of each topic that parsed without errors.</summary>
    public const string TopicModel = "Contracts.TopicModel";

    /// <summary>The generated file of each topic.</summary>
    public const string TopicSource = "Contracts.TopicSource";
}
