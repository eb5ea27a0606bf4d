using System;
using Contracts.Generator.Emitting;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;

namespace Contracts.Analyzers.Compatibility;

/// <summary>
/// What the generator's parser and schema emitter make of one contract, free of symbols and compilations, so it can be
/// kept across compilations while its inputs stay the same (<see cref="Caching.ContractCache"/>).
/// </summary>
internal sealed class ParsedContract(ContractModel model, ParsedSchema schema)
{
    public ContractModel Model { get; } = model;

    /// <summary>Exactly the schema the generator emits for the contract (its <c>Descriptor</c>'s).</summary>
    public ParsedSchema Schema { get; } = schema;

    public static ParsedContract From(ContractModel model)
    {
        var json = SchemaEmitter.Emit(model).Json;
        var node = JsonNode.TryParse(json, out _) ?? throw new InvalidOperationException("The schema emitter wrote invalid JSON for message '" + model.MessageType + "'.");
        return new ParsedContract(model, new ParsedSchema(json, node));
    }
}
