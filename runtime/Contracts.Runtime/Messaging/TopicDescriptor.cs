using System;
using System.Collections.Generic;
using System.Linq;

namespace Contracts.Messaging;

/// <summary>
/// A topic's name, wire format and the contracts it carries. The build creates one per <see cref="TopicAttribute"/>
/// class (reach it as <c>PeopleTopic.Descriptor</c>); producers encode with it and consumers dispatch with it.
/// </summary>
public sealed class TopicDescriptor
{
    /// <summary>Creates a descriptor; the name must be a valid Kafka topic name and each (type, version) listed once.</summary>
    /// <exception cref="ArgumentException">The name is invalid or a (type, version) is listed twice.</exception>
    public TopicDescriptor(string name, WireFormat wireFormat, IEnumerable<IMessageDescriptor> contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        if (TopicNames.Validate(name) is { } problem)
        {
            throw new ArgumentException($"'{name}' is not a valid topic name: {problem}", nameof(name));
        }

        if (!Enum.IsDefined(wireFormat))
        {
            throw new ArgumentOutOfRangeException(nameof(wireFormat), wireFormat, "Unknown wire format.");
        }

        Name = name;
        WireFormat = wireFormat;
        Contracts = new ContractCatalog(contracts);
    }

    /// <summary>The topic name on the broker.</summary>
    public string Name { get; }

    /// <summary>How values are encoded.</summary>
    public WireFormat WireFormat { get; }

    /// <summary>The contracts the topic carries, by (type, version).</summary>
    public ContractCatalog Contracts { get; }

    /// <summary>Whether the topic declares <paramref name="contract"/>.</summary>
    public bool Carries(IMessageDescriptor contract) =>
        Contracts.TryFind(contract.MessageType, contract.Version, out var found) && found.ClrType == contract.ClrType;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name} ({WireFormat}: {string.Join(", ", Contracts.Select(c => $"{c.MessageType} v{c.Version}"))})";
}
