namespace Contracts.Generator.Model;

/// <summary>The Avro schema of an earlier version of a contract's message type, which the contract gets a resolving reader for.</summary>
/// <param name="Version">The earlier version.</param>
/// <param name="SchemaJson">Its Avro schema as JSON (the emitted schema of the declaring contract).</param>
internal sealed record EarlierSchemaModel(int Version, string SchemaJson);

/// <summary>A contract's message type, version and emitted schema, collected across the assembly to find earlier versions.</summary>
internal sealed record ContractSchemaModel(string MessageType, int Version, string SchemaJson);

/// <summary>What one contract's generated file is made from: its model and the earlier versions of its message type.</summary>
/// <param name="Model">The contract.</param>
/// <param name="EarlierVersions">Schemas of lower versions of the same message type, oldest first.</param>
internal sealed record ContractSourceModel(ContractModel Model, EquatableArray<EarlierSchemaModel> EarlierVersions);
