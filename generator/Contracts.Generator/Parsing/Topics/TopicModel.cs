using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing.Topics;

/// <summary>One <c>[Topic]</c> class as plain values: where to reopen it, the topic name, wire format and its contracts.</summary>
/// <param name="Declaration">How to reopen the user's partial class.</param>
/// <param name="TopicName">The topic name on the broker.</param>
/// <param name="WireFormat">The <c>Contracts.Messaging.WireFormat</c> member name.</param>
/// <param name="Contracts">The listed contracts in declaration order.</param>
internal sealed record TopicModel(
    TypeDeclarationModel Declaration,
    string TopicName,
    string WireFormat,
    EquatableArray<TopicContractModel> Contracts);

/// <summary>A contract a topic carries.</summary>
/// <param name="ClrTypeName">The fully qualified type name, <c>global::</c> included.</param>
/// <param name="MessageType">The contract's message type name.</param>
/// <param name="Version">The contract's version.</param>
internal sealed record TopicContractModel(string ClrTypeName, string MessageType, int Version);
