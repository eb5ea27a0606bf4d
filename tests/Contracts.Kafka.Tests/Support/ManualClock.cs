using System;
using System.Threading;

namespace Contracts.Kafka.Tests.Support;

/// <summary>
/// Wall-clock time that moves only when a test says so, so retry backoffs end when the test decides rather than when a
/// loaded machine gets round to it. Timestamps (batch linger, commit pacing) stay real.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private long _utcTicks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
