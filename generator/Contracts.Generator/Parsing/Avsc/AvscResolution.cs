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
/// <param name="GeneratedTypes">The C# types this file generates, to check against types declared in C# code.</param>
internal sealed record AvscResolution(
    string Path,
    ContractModel? Contract,
    EquatableArray<TypeDeclarationsModel> Declarations,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<AvscGeneratedType> GeneratedTypes);

/// <summary>A C# type generated from an .avsc definition.</summary>
/// <param name="MetadataName">The type's metadata name, <c>Acme.People.Person</c> (no <c>global::</c>, no <c>@</c>).</param>
/// <param name="AvroFullName">The Avro full name it comes from.</param>
/// <param name="IsRecord">A partial record (which user code may extend) rather than an enum.</param>
/// <param name="Site">Where the definition is written.</param>
internal sealed record AvscGeneratedType(string MetadataName, string AvroFullName, bool IsRecord, AvscSite Site);
