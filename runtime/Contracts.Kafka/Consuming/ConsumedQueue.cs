using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// The bounded, in-order hand-off from the thread that consumes (one adder) to the thread that decodes and handles
/// (one taker). Neither side takes a lock while messages flow: the adder publishes a slot by advancing the tail, the
/// taker frees slots by advancing the head. A side that finds the ring empty (or full) spins briefly, then sleeps on
/// an event that the other side sets only when it knows a sleeper is there, so a busy stream costs no system calls.
/// </summary>
internal sealed class ConsumedQueue : IDisposable
{
    // Tens of microseconds of spinning and yielding: longer than the gap between two messages of a busy stream, far
    // shorter than a poll interval.
    private const int SpinsBeforeSleeping = 50;

    private readonly ConsumedMessage[] _ring;
    private readonly int _mask;
    private readonly ManualResetEventSlim _added = new(initialState: false, spinCount: 0);
    private readonly ManualResetEventSlim _freed = new(initialState: false, spinCount: 0);

    private Cursors _cursors;
    private int _takerSleeping;
    private int _adderSleeping;
    private volatile bool _completed;

    /// <param name="capacity">A power of two.</param>
    public ConsumedQueue(int capacity)
    {
        if (capacity <= 0 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be a positive power of two.");
        }

        _ring = new ConsumedMessage[capacity];
        _mask = capacity - 1;
    }

    public int Capacity => _ring.Length;

    /// <summary>True once <see cref="Complete"/> was called: the adder adds nothing more.</summary>
    public bool IsCompleted => _completed;

    /// <summary>Adder only. False when the ring stayed full for <paramref name="timeout"/> (or was completed).</summary>
    public bool TryAdd(in ConsumedMessage message, TimeSpan timeout)
    {
        var tail = _cursors.Tail;
        if (tail - _cursors.HeadSeenByAdder == _ring.Length)
        {
            _cursors.HeadSeenByAdder = Volatile.Read(ref _cursors.Head);
            if (tail - _cursors.HeadSeenByAdder == _ring.Length && !WaitForSpace(tail, timeout))
            {
                return false;
            }
        }

        _ring[tail & _mask] = message;
        Interlocked.Exchange(ref _cursors.Tail, tail + 1);
        if (Volatile.Read(ref _takerSleeping) != 0)
        {
            _added.Set();
        }

        return true;
    }

    /// <summary>
    /// Taker only. Moves up to <paramref name="into"/>'s length of the oldest messages into it and returns how many,
    /// waiting up to <paramref name="timeout"/> for the first; 0 after the timeout or once completed and empty.
    /// </summary>
    public int TakeAll(Span<ConsumedMessage> into, TimeSpan timeout)
    {
        var head = _cursors.Head;
        var tail = Volatile.Read(ref _cursors.Tail);
        if (tail == head && !WaitForMessages(head, timeout, out tail))
        {
            return 0;
        }

        var count = (int)Math.Min(tail - head, into.Length);
        for (var i = 0; i < count; i++)
        {
            ref var slot = ref _ring[(head + i) & _mask];
            into[i] = slot;

            // The ring must not keep consumed results alive after they were handled.
            slot = default;
        }

        Interlocked.Exchange(ref _cursors.Head, head + count);
        if (Volatile.Read(ref _adderSleeping) != 0)
        {
            _freed.Set();
        }

        return count;
    }

    /// <summary>Adder only: nothing more will be added; a sleeping taker wakes.</summary>
    public void Complete()
    {
        _completed = true;
        _added.Set();
        _freed.Set();
    }

    public void Dispose()
    {
        _added.Dispose();
        _freed.Dispose();
    }

    private bool WaitForMessages(long head, TimeSpan timeout, out long tail)
    {
        var spinner = default(SpinWait);
        while (spinner.Count < SpinsBeforeSleeping)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
            tail = Volatile.Read(ref _cursors.Tail);
            if (tail != head)
            {
                return true;
            }
        }

        _added.Reset();
        Interlocked.Exchange(ref _takerSleeping, 1);
        tail = Volatile.Read(ref _cursors.Tail);
        if (tail == head && !_completed)
        {
            _added.Wait(timeout);
            tail = Volatile.Read(ref _cursors.Tail);
        }

        Volatile.Write(ref _takerSleeping, 0);
        return tail != head;
    }

    private bool WaitForSpace(long tail, TimeSpan timeout)
    {
        _freed.Reset();
        Interlocked.Exchange(ref _adderSleeping, 1);
        if (tail - Volatile.Read(ref _cursors.Head) == _ring.Length && !_completed)
        {
            _freed.Wait(timeout);
        }

        Volatile.Write(ref _adderSleeping, 0);
        _cursors.HeadSeenByAdder = Volatile.Read(ref _cursors.Head);
        return tail - _cursors.HeadSeenByAdder < _ring.Length;
    }

    /// <summary>
    /// Each side's cursor on a cache line of its own. The adder, which bounds a group's throughput, keeps a copy of
    /// the taker's cursor and reads the real one (a cache miss, since the other core just wrote it) only when its copy
    /// says full. The cursors move with full fences, so that each side's check of the other's sleeping flag comes
    /// after its own move is visible (no lost wake-up).
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 320)]
    private struct Cursors
    {
        [FieldOffset(64)]
        public long Tail;

        [FieldOffset(72)]
        public long HeadSeenByAdder;

        [FieldOffset(192)]
        public long Head;
    }
}
