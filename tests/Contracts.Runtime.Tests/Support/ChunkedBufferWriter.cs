using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;

namespace Contracts.Runtime.Tests.Support;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> that hands out a fresh, small segment on every call (the size hint plus a few
/// random bytes), so writes land on chunk boundaries at every possible offset. Keeps the segments for inspection.
/// </summary>
internal sealed class ChunkedBufferWriter : IBufferWriter<byte>
{
    private readonly List<byte[]> _segments = new();
    private readonly Random _random;
    private readonly int _maxExtra;
    private byte[] _current = [];
    private int _currentWritten;

    public ChunkedBufferWriter(int seed, int maxExtra = 7)
    {
        _random = new Random(seed);
        _maxExtra = maxExtra;
    }

    public int GetSpanCalls { get; private set; }

    public byte[] WrittenBytes => _segments.SelectMany(segment => segment).Concat(_current.Take(_currentWritten)).ToArray();

    public void Advance(int count)
    {
        if (count < 0 || _currentWritten + count > _current.Length)
        {
            throw new InvalidOperationException($"Advance({count}) past the {_current.Length - _currentWritten} bytes handed out.");
        }

        _currentWritten += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        GetSpanCalls++;
        if (_currentWritten > 0)
        {
            _segments.Add(_current[.._currentWritten]);
        }

        // Poison the new segment so a writer that skips bytes cannot pass by accident.
        _current = Enumerable.Repeat((byte)0xCC, Math.Max(sizeHint, 1) + _random.Next(_maxExtra + 1)).ToArray();
        _currentWritten = 0;
        return _current;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
}

/// <summary>A buffer writer that breaks the contract by returning fewer bytes than asked for.</summary>
internal sealed class ShortChangingBufferWriter : IBufferWriter<byte>
{
    public void Advance(int count)
    {
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => new byte[4];

    public Span<byte> GetSpan(int sizeHint = 0) => new byte[4];
}
