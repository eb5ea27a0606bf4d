using System;
using System.Collections.Generic;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// The older versions a handler of <typeparamref name="T"/> also accepts, each read as its own contract and converted.
/// Versions listed nowhere follow the topic's <see cref="UnknownMessagePolicy"/>.
/// </summary>
/// <remarks>
/// This is the seam for generated resolving readers (Avro schema resolution from an older writer schema straight into
/// <typeparamref name="T"/>): once the build offers them, they are added here in the same way, without a handwritten
/// conversion.
/// </remarks>
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
