using System;
using System.Diagnostics;
using Contracts.Kafka.Benchmarks.Reporting;

namespace Contracts.Kafka.Benchmarks.Consuming;

/// <summary>
/// Times a consume round from its first message to its last on the thread that sees the messages (the raw loop's, or
/// the consumer group's loop that calls the handler): wall clock, process and thread CPU, process and thread allocations.
/// </summary>
internal sealed class RoundClock(string side, int round, int messages)
{
    private long _startTimestamp;
    private long _endTimestamp;
    private TimeSpan _cpu;
    private TimeSpan _threadCpuStart;
    private TimeSpan _threadCpuEnd;
    private long _processBytes;
    private long _threadBytes;

    public int Seen { get; private set; }

    public bool Finished => Seen == messages;

    public void Message()
    {
        if (Seen == 0)
        {
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
        }
    }

    /// <summary>Rates over the <c>messages - 1</c> intervals between the first message and the last.</summary>
    public RoundResult Result()
    {
        if (!Finished || messages < 2)
        {
            throw new InvalidOperationException($"{side} round {round} saw {Seen} of {messages} messages (at least 2 are needed).");
        }

        var timed = messages - 1;
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
