using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// Finds the route for a (message type, version) read from headers, comparing the header's UTF-8 bytes with each
/// handled type so that dispatch allocates no string per message.
/// </summary>
internal sealed class DispatchTable
{
    private readonly TypeRoutes[] _types;

    public DispatchTable(IEnumerable<MessageRoute> routes)
    {
        var byType = new Dictionary<string, Dictionary<int, MessageRoute>>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            if (!byType.TryGetValue(route.MessageType, out var versions))
            {
                byType[route.MessageType] = versions = [];
            }

            if (versions.TryGetValue(route.WrittenVersion, out var existing) && (existing.IsImplicit || route.IsImplicit))
            {
                // A registered route beats a generated one; between generated ones, the newest handler gets old data.
                if (!route.IsImplicit || (existing.IsImplicit && route.Target.Descriptor.Version > existing.Target.Descriptor.Version))
                {
                    versions[route.WrittenVersion] = route;
                }

                continue;
            }

            if (!versions.TryAdd(route.WrittenVersion, route))
            {
                existing = versions[route.WrittenVersion];
                throw new InvalidOperationException(
                    $"Message type '{route.MessageType}' version {route.WrittenVersion} has two handlers in one consumer group: one for {existing.Target.Descriptor.ClrType.Name} and one for {route.Target.Descriptor.ClrType.Name}. Keep one handler per (type, version).");
            }
        }

        _types = byType
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new TypeRoutes(pair.Key, pair.Value))
            .ToArray();
        Targets = _types.SelectMany(t => t.Routes).Select(r => r.Target).Distinct().ToArray();
    }

    /// <summary>Every distinct handler target (several routes share one when older versions are upcast).</summary>
    public IReadOnlyList<HandlerTarget> Targets { get; }

    public IEnumerable<MessageRoute> Routes => _types.SelectMany(t => t.Routes);

    /// <summary>Looks the route up by the UTF-8 type name; <paramref name="typeKnown"/> tells an unknown version from an unknown type.</summary>
    public MessageRoute? Find(ReadOnlySpan<byte> messageTypeUtf8, int version, out bool typeKnown)
    {
        foreach (var type in _types)
        {
            if (messageTypeUtf8.SequenceEqual(type.NameUtf8))
            {
                typeKnown = true;
                return type.Find(version);
            }
        }

        typeKnown = false;
        return null;
    }

    public MessageRoute? Find(string messageType, int version, out bool typeKnown)
    {
        foreach (var type in _types)
        {
            if (string.Equals(messageType, type.Name, StringComparison.Ordinal))
            {
                typeKnown = true;
                return type.Find(version);
            }
        }

        typeKnown = false;
        return null;
    }

    private sealed class TypeRoutes(string name, Dictionary<int, MessageRoute> versions)
    {
        public string Name { get; } = name;

        public byte[] NameUtf8 { get; } = Encoding.UTF8.GetBytes(name);

        public IEnumerable<MessageRoute> Routes => versions.Values;

        public MessageRoute? Find(int version) => versions.GetValueOrDefault(version);
    }
}
