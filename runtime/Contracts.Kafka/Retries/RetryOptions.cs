using System;

namespace Contracts.Kafka.Retries;

/// <summary>How often and how soon a failed handler call is retried; exponential backoff.</summary>
public sealed class RetryOptions
{
    /// <summary>Blocking, non-blocking (retry topics) or none.</summary>
    public RetryMode Mode { get; set; } = RetryMode.None;

    /// <summary>Handler calls per message in all, the first included; after the last failure the message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Each further retry waits this many times longer than the one before.</summary>
    public double Multiplier { get; set; } = 2;

    /// <summary>No wait is longer than this.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var milliseconds = InitialDelay.TotalMilliseconds * Math.Pow(Multiplier, retry - 1);
        return milliseconds >= MaxDelay.TotalMilliseconds ? MaxDelay : TimeSpan.FromMilliseconds(milliseconds);
    }
}
