using System;

namespace Contracts.Json;

/// <summary>Limits that keep the envelope reader safe on hostile input.</summary>
public sealed record JsonEnvelopeOptions
{
    private readonly int _maxDepth = 64;

    /// <summary>The shared default limits.</summary>
    public static JsonEnvelopeOptions Default { get; } = new();

    /// <summary>
    /// Deepest nesting of JSON objects and arrays, the envelope object included (a message record is depth 2). Default 64,
    /// as System.Text.Json's; at most 1000.
    /// </summary>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value is >= 2 and <= 1000
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "The envelope needs a depth of at least 2 (envelope and message); at most 1000 is supported.");
    }
}
