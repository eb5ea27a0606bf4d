using System;
using System.Diagnostics;
using Contracts.Kafka.Benchmarks.Reporting;

namespace Contracts.Kafka.Benchmarks.Consuming;

/// <summary>
/// Times a consume round on the thread that sees the messages (the raw loop's, or the consumer group's loop that calls
/// the handler): wall clock, process and thread CPU, process and thread allocations. In the
/// <see cref="ConsumeRegime.Fetching"/> regime the clock starts at the first message; in
/// <see cref="ConsumeRegime.Backlog"/> the first message waits for the prefetch (<see cref="Prefetch"/>) and the clock
/// starts at the second.
/// </summary>
internal sealed class RoundClock(string side, ConsumeRegime regime, int round, int messages)
{
    private readonly int _startsAt = regime == ConsumeRegime.Backlog ? 1 : 0;
    private long _startTimestamp;
    private long _endTimestamp;
    private TimeSpan _cpu;
    private long _threadCpuStart;
    private long _threadCpuEnd;
    private long _processBytes;
    private long _threadBytes;
    private System.Collections.Generic.Dictionary<string, (string Name, long Nanoseconds)>? _threadsAtStart;

    /// <summary>Per-thread CPU of the round (<c>--threads</c>), empty otherwise.</summary>
    public string Threads { get; private set; } = string.Empty;

    public int Seen { get; private set; }

    public bool Finished => Seen == messages;

    /// <summary>How long the first message waited for the prefetch (zero in the fetching regime).</summary>
    public TimeSpan PrefetchWait { get; private set; }

    public void Message()
    {
        if (Seen == 0 && regime == ConsumeRegime.Backlog)
        {
            PrefetchWait = Prefetch.WaitUntilQuiet();
        }

        if (Seen == _startsAt)
        {
            _threadsAtStart = ThreadSchedule.Snapshot();
            _cpu = Process.GetCurrentProcess().TotalProcessorTime;
            _processBytes = GC.GetTotalAllocatedBytes(precise: true);
            _threadBytes = GC.GetAllocatedBytesForCurrentThread();
            _threadCpuStart = ThreadCpu.Now();
            _startTimestamp = Stopwatch.GetTimestamp();
        }

        if (++Seen == messages)
        {
            _endTimestamp = Stopwatch.GetTimestamp();
            _threadCpuEnd = ThreadCpu.Now();
            _threadBytes = GC.GetAllocatedBytesForCurrentThread() - _threadBytes;
            _processBytes = GC.GetTotalAllocatedBytes(precise: true) - _processBytes;
            _cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpu;
            if (ThreadSchedule.Enabled)
            {
                Threads = ThreadSchedule.Describe(_threadsAtStart!, ThreadSchedule.Snapshot(), messages - 1 - _startsAt);
            }
        }
    }

    /// <summary>Rates over the intervals between the message that started the clock and the last.</summary>
    public RoundResult Result()
    {
        var timed = messages - 1 - _startsAt;
        if (!Finished || timed < 1)
        {
            throw new InvalidOperationException($"{side} round {round} saw {Seen} of {messages} messages (at least {_startsAt + 2} are needed).");
        }

        var seconds = Stopwatch.GetElapsedTime(_startTimestamp, _endTimestamp).TotalSeconds;
        return new RoundResult(
            side,
            round,
            timed / seconds,
            _cpu.TotalMicroseconds / timed,
            ThreadCpu.MicrosecondsPerMessage(_threadCpuStart, _threadCpuEnd, timed),
            (double)_processBytes / timed,
            (double)_threadBytes / timed);
    }
}
