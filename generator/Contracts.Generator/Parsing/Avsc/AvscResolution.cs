using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>
/// One .avsc file after its references are resolved against every file: the contract of its top-level record, the
/// records and enums whose C# declarations this file generates, and the problems found.
/// </summary>
/// <param name="Path">The file path.</param>
/// <param name="Contract">The contract model (as for a <c>[Message]</c> type), or null.</param>
/// <param name="Declarations">Types this file declares in C#: the records and enums it owns.</param>
/// <param name="Diagnostics">Problems found while resolving (the per-file parse reports its own separately).</param>
internal sealed record AvscResolution(
    string Path,
    ContractModel? Contract,
    EquatableArray<TypeDeclarationsModel> Declarations,
    EquatableArray<DiagnosticInfo> Diagnostics);
