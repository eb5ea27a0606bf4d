using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Contracts;

/// <summary>
/// The contracts an assembly declares, looked up by (type, version) or by schema fingerprint. The build emits one per
/// assembly as <c>MessageContracts.Catalog</c> in the assembly's root namespace; <see cref="Combine"/> merges several.
/// </summary>
public sealed class ContractCatalog : IReadOnlyList<IMessageDescriptor>
{
    private readonly IMessageDescriptor[] _descriptors;
    private readonly Dictionary<(string Type, int Version), IMessageDescriptor> _byTypeAndVersion;
    private readonly Dictionary<long, IMessageDescriptor> _byFingerprint;

    /// <summary>Creates a catalog; (type, version) pairs must be unique.</summary>
    /// <exception cref="ArgumentException">Two descriptors share a type and version.</exception>
    public ContractCatalog(IEnumerable<IMessageDescriptor> descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        _descriptors = descriptors.OrderBy(d => d.MessageType, StringComparer.Ordinal).ThenBy(d => d.Version).ToArray();
        _byTypeAndVersion = new Dictionary<(string, int), IMessageDescriptor>(_descriptors.Length);
        _byFingerprint = new Dictionary<long, IMessageDescriptor>(_descriptors.Length);
        foreach (var descriptor in _descriptors)
        {
            if (!_byTypeAndVersion.TryAdd((descriptor.MessageType, descriptor.Version), descriptor))
            {
                var existing = _byTypeAndVersion[(descriptor.MessageType, descriptor.Version)];
                throw new ArgumentException($"Message type '{descriptor.MessageType}' version {descriptor.Version} is declared twice: by {existing.ClrType.FullName} and {descriptor.ClrType.FullName}.", nameof(descriptors));
            }

            _byFingerprint.TryAdd(descriptor.Fingerprint, descriptor);
        }
    }

    /// <summary>The number of contracts.</summary>
    public int Count => _descriptors.Length;

    /// <summary>The contract at <paramref name="index"/>, ordered by type then version.</summary>
    public IMessageDescriptor this[int index] => _descriptors[index];

    /// <summary>Merges catalogs, e.g. of several contract assemblies.</summary>
    public static ContractCatalog Combine(params ContractCatalog[] catalogs) => new(catalogs.SelectMany(c => c._descriptors));

    /// <summary>Finds the contract for a type and version.</summary>
    public bool TryFind(string messageType, int version, out IMessageDescriptor descriptor) =>
        _byTypeAndVersion.TryGetValue((messageType, version), out descriptor!);

    /// <summary>Finds the contract whose schema has the given Rabin fingerprint.</summary>
    public bool TryFindByFingerprint(long fingerprint, out IMessageDescriptor descriptor) =>
        _byFingerprint.TryGetValue(fingerprint, out descriptor!);

    /// <summary>All versions of one message type, oldest first.</summary>
    public IEnumerable<IMessageDescriptor> VersionsOf(string messageType) =>
        _descriptors.Where(d => string.Equals(d.MessageType, messageType, StringComparison.Ordinal));

    /// <inheritdoc />
    public IEnumerator<IMessageDescriptor> GetEnumerator() => ((IEnumerable<IMessageDescriptor>)_descriptors).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
