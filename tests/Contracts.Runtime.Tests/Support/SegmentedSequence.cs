using System;
using System.Buffers;

namespace Contracts.Runtime.Tests.Support;

/// <summary>Builds a multi-segment <see cref="ReadOnlySequence{T}"/>, as a network pipe would hand one over.</summary>
internal sealed class SegmentedSequence : ReadOnlySequenceSegment<byte>
{
    private SegmentedSequence(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>Splits <paramref name="bytes"/> into segments of 0 to 7 bytes (empty segments included).</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, Random random)
    {
        var first = new SegmentedSequence(bytes.AsMemory(0, Math.Min(bytes.Length, random.Next(8))), 0);
        var last = first;
        var offset = first.Memory.Length;
        while (offset < bytes.Length || last == first)
        {
            var length = Math.Min(bytes.Length - offset, random.Next(8));
            var next = new SegmentedSequence(bytes.AsMemory(offset, length), offset);
            last.Next = next;
            last = next;
            offset += length;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
