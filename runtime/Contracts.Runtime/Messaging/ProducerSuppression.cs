using System;
using System.Collections.Generic;
using System.Threading;

namespace Contracts.Messaging;

/// <summary>
/// Turns producing into a no-op for the current async flow (django-kafka's <c>suppress</c>, deimos'
/// <c>disable_producers</c>), e.g. while a consumer applies a message that would otherwise echo back:
/// <code>using (ProducerSuppression.Suppress()) { await people.ProduceAsync(person); } // nothing is sent</code>
/// Scopes nest and flow into awaited calls and started tasks, never into other flows.
/// </summary>
public static class ProducerSuppression
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>Suppresses every topic until the returned scope is disposed.</summary>
    public static IDisposable Suppress() => Push(topics: null);

    /// <summary>Suppresses the named topics until the returned scope is disposed.</summary>
    /// <exception cref="ArgumentException">No topic was named.</exception>
    public static IDisposable Suppress(params string[] topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Length == 0)
        {
            throw new ArgumentException("Name at least one topic, or call Suppress() to suppress all.", nameof(topics));
        }

        return Push(new HashSet<string>(topics, StringComparer.Ordinal));
    }

    /// <summary>Whether producing to <paramref name="topic"/> is suppressed in the current flow.</summary>
    public static bool IsSuppressed(string topic)
    {
        for (var scope = Current.Value; scope is not null; scope = scope.Parent)
        {
            if (!scope.Disposed && (scope.Topics is null || scope.Topics.Contains(topic)))
            {
                return true;
            }
        }

        return false;
    }

    private static Scope Push(HashSet<string>? topics)
    {
        var scope = new Scope(Current.Value, topics);
        Current.Value = scope;
        return scope;
    }

    private sealed class Scope(Scope? parent, HashSet<string>? topics) : IDisposable
    {
        public Scope? Parent { get; } = parent;

        public HashSet<string>? Topics { get; } = topics;

        // A scope disposed out of order (or from another flow) stops counting without disturbing its neighbours.
        public bool Disposed { get; private set; }

        public void Dispose()
        {
            if (Disposed)
            {
                return;
            }

            Disposed = true;
            if (ReferenceEquals(Current.Value, this))
            {
                var parent = Parent;
                while (parent is { Disposed: true })
                {
                    parent = parent.Parent;
                }

                Current.Value = parent;
            }
        }
    }
}
