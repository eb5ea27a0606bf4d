using System;
using System.Collections.Generic;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// Older versions a handler of <typeparamref name="T"/> accepts through a conversion written in code, each read as its
/// own contract and converted. Versions the build can resolve into <typeparamref name="T"/> (the descriptor's
/// <see cref="MessageDescriptor{T}.ResolvingReaders"/>) need no entry; an upcast listed here takes precedence over them.
/// Versions reachable neither way follow the topic's <see cref="UnknownMessagePolicy"/>.
/// </summary>
/// <typeparam name="T">The contract the handler receives.</typeparam>
public sealed class OlderVersions<T>
    where T : IMessageContract<T>
{
    private readonly List<Func<HandlerTarget<T>, MessageRoute>> _routes = [];

    internal OlderVersions()
    {
    }

    internal IEnumerable<Func<HandlerTarget<T>, MessageRoute>> Routes => _routes;

    /// <summary>Accepts messages written as <typeparamref name="TOld"/> and gives the handler <paramref name="upcast"/> of each.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="TOld"/> is another message type, or not an older version.</exception>
    public OlderVersions<T> From<TOld>(Func<TOld, T> upcast)
        where TOld : IMessageContract<TOld>
    {
        ArgumentNullException.ThrowIfNull(upcast);
        var older = TOld.Descriptor;
        var newer = T.Descriptor;
        if (!string.Equals(older.MessageType, newer.MessageType, StringComparison.Ordinal) || older.Version >= newer.Version)
        {
            throw new ArgumentException(
                $"{typeof(TOld).Name} ({older}) cannot be upcast to {typeof(T).Name} ({newer}): an upcast reads an older version of the same message type.",
                nameof(upcast));
        }

        _routes.Add(target => MessageRoute<T>.Upcast(target, upcast));
        return this;
    }
}
