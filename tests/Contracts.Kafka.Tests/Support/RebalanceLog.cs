using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Contracts.Kafka.Tests.Support;

/// <summary>
/// One ordered record of what the members of a group did: handler calls and the revocations and assignments the
/// consumer logs, numbered from one counter so that a test can tell what a member handled after it lost a partition.
/// </summary>
internal sealed partial class RebalanceLog
{
    private long _order;

    public ConcurrentQueue<Event> Events { get; } = new();

    public void Handled(string member, int partition, long offset) =>
        Events.Enqueue(new Event(Interlocked.Increment(ref _order), member, EventKind.Handled, [partition], offset));

    /// <summary>A logger provider for <paramref name="member"/>'s host that records its revocations and assignments.</summary>
    public ILoggerProvider ProviderFor(string member) => new Provider(this, member);

    public enum EventKind
    {
        Handled,
        Revoked,
        Assigned,
    }

    public sealed record Event(long Order, string Member, EventKind Kind, IReadOnlyList<int> Partitions, long Offset);

    [GeneratedRegex(@"\[\[(\d+)\]\]")]
    private static partial Regex PartitionNumber();

    private sealed class Provider(RebalanceLog log, string member) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // ConsumerLog's event ids for "partitions revoked" and "partitions assigned".
            var kind = eventId.Id switch
            {
                1010 => EventKind.Revoked,
                1011 => EventKind.Assigned,
                _ => (EventKind?)null,
            };
            if (kind is { } known)
            {
                var partitions = PartitionNumber().Matches(formatter(state, exception)).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                log.Events.Enqueue(new Event(Interlocked.Increment(ref log._order), member, known, partitions, -1));
            }
        }

        public void Dispose()
        {
        }
    }
}
