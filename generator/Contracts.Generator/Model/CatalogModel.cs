namespace Contracts.Generator.Model;

/// <summary>The assembly-level contract catalog: every <c>[Message]</c> type of the compilation.</summary>
/// <param name="Namespace">The namespace of the generated <c>MessageContracts</c> class: the assembly name made a valid C# namespace.</param>
/// <param name="ContractTypeNames">Fully qualified (<c>global::</c>) names of the contract types, sorted ordinally.</param>
internal sealed record CatalogModel(string Namespace, EquatableArray<string> ContractTypeNames);
