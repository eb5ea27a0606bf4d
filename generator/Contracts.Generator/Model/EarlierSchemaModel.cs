namespace Contracts.Generator.Model;

/// <summary>The Avro schema of an earlier version of a contract's message type, which the contract gets a resolving reader for.</summary>
/// <param name="Version">The earlier version.</param>
/// <param name="SchemaJson">Its Avro schema as JSON: the emitted schema of the declaring contract, or the shipped baseline file's.</param>
internal sealed record EarlierSchemaModel(int Version, string SchemaJson);

/// <summary>A contract's message type, version and emitted schema, collected across the assembly to find earlier versions.</summary>
internal sealed record ContractSchemaModel(string MessageType, int Version, string SchemaJson);

/// <summary>
/// One schema of the shipped baseline (<c>&lt;shipped dir&gt;/&lt;message type&gt;/v&lt;version&gt;.avsc</c>): a version that
/// has been released, whose data a later version must read even when no contract declares it any more.
/// </summary>
/// <param name="Path">The file path (orders two baselines holding the same version).</param>
/// <param name="MessageType">The message type, from the folder name.</param>
/// <param name="Version">The version, from the file name.</param>
/// <param name="SchemaJson">The file's schema as compact JSON (its text as-is when it is not valid JSON).</param>
internal sealed record ShippedSchemaModel(string Path, string MessageType, int Version, string SchemaJson);

/// <summary>An .avsc AdditionalFile as the shipped-baseline reader sees it.</summary>
/// <param name="Path">The file path.</param>
/// <param name="Schema">Its schema when the file is a (well-named) baseline file, else null.</param>
internal sealed record ShippedSchemaFile(string Path, ShippedSchemaModel? Schema);

/// <summary>Every schema a contract may find its earlier versions among: the assembly's contracts and the shipped baseline.</summary>
/// <param name="Declared">The schemas of the attribute and .avsc contracts.</param>
/// <param name="Shipped">The shipped baseline's schemas.</param>
internal sealed record EarlierSchemaSources(EquatableArray<ContractSchemaModel> Declared, EquatableArray<ShippedSchemaModel> Shipped);

/// <summary>What one contract's generated file is made from: its model and the earlier versions of its message type.</summary>
/// <param name="Model">The contract.</param>
/// <param name="EarlierVersions">Schemas of lower versions of the same message type, oldest first.</param>
internal sealed record ContractSourceModel(ContractModel Model, EquatableArray<EarlierSchemaModel> EarlierVersions);
