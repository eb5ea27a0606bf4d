using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Contracts.Avro;

/// <summary>
/// Reads Avro binary encoding from a span. Every malformed input raises <see cref="ContractDecodeException"/> with the
/// byte offset; generated codecs add the field path. Lengths are checked against the remaining input before anything
/// is allocated, and <see cref="AvroReaderOptions"/> bounds collections and nesting.
/// </summary>
public ref partial struct AvroReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly AvroReaderOptions _options;

    // Copied from the options so the depth check per record, array and map and the usual block count read no object.
    private readonly int _maxDepth;
    private readonly int _maxCollectionLength;
    private int _position;
    private int _depth;

    /// <summary>Reads <paramref name="buffer"/> from its start under <paramref name="options"/> (or the defaults).</summary>
    public AvroReader(ReadOnlySpan<byte> buffer, AvroReaderOptions? options = null)
    {
        _buffer = buffer;
        _options = options ?? AvroReaderOptions.Default;
        _maxDepth = _options.MaxDepth;
        _maxCollectionLength = _options.MaxCollectionLength;
        _position = 0;
        _depth = 0;
    }

    /// <summary>
    /// The offset of the next byte to read. Code that reads a run of values with <see cref="AvroPrimitives"/> on
    /// <see cref="Input"/> takes the position here and sets it to the offset after the run.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative offset or one past the end of the input.</exception>
    public int Position
    {
        readonly get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)value, (uint)_buffer.Length, nameof(value));
            _position = value;
        }
    }

    /// <summary>How many records, arrays and maps are open (entered and not yet left); with <see cref="Position"/>, what <see cref="Rewind"/> goes back to.</summary>
    public readonly int Depth => _depth;

    /// <summary>
    /// Goes back to a <paramref name="position"/> and <paramref name="depth"/> taken earlier from <see cref="Position"/>
    /// and <see cref="Depth"/>, to read the same value again: generated codecs read a message a second time, naming the
    /// field path, when their fast readers fail.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The position is negative or past the end of the input, or the depth is negative.</exception>
    public void Rewind(int position, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        Position = position;
        _depth = depth;
    }

    /// <summary>The whole input, from offset 0 (not from <see cref="Position"/>), for <see cref="AvroPrimitives"/>' read methods.</summary>
    public readonly ReadOnlySpan<byte> Input => _buffer;

    /// <summary>How many bytes are left.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>The limits in force.</summary>
    public readonly AvroReaderOptions Options => _options;

    /// <summary>Reads a boolean; any byte but 0 or 1 is an error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ReadBoolean()
    {
        _position = AvroPrimitives.ReadBoolean(_buffer, _position, out var value);
        return value;
    }

    /// <summary>Reads a zig-zag varint <c>int</c> (at most 5 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadInt()
    {
        _position = AvroPrimitives.ReadInt(_buffer, _position, out var value);
        return value;
    }

    /// <summary>Reads a zig-zag varint <c>long</c> (at most 10 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadLong()
    {
        _position = AvroPrimitives.ReadLong(_buffer, _position, out var value);
        return value;
    }

    /// <summary>Reads a 4-byte little-endian <c>float</c>.</summary>
    public float ReadFloat()
    {
        _position = AvroPrimitives.ReadFloat(_buffer, _position, out var value);
        return value;
    }

    /// <summary>Reads an 8-byte little-endian <c>double</c>.</summary>
    public double ReadDouble()
    {
        _position = AvroPrimitives.ReadDouble(_buffer, _position, out var value);
        return value;
    }

    /// <summary>Reads <c>bytes</c> into a new array.</summary>
    public byte[] ReadBytes()
    {
        _position = AvroPrimitives.ReadBytes(_buffer, _position, out var value);
        return value;
    }

    /// <summary>Reads <c>bytes</c> as a slice of the input, without copying.</summary>
    public ReadOnlySpan<byte> ReadBytesSpan() => Take(AvroPrimitives.ReadLength(_buffer, _position, "bytes", out var length), length);

    /// <summary>Reads a <c>fixed</c> of <paramref name="size"/> bytes as a slice of the input.</summary>
    public ReadOnlySpan<byte> ReadFixedSpan(int size) => Take(_position, size);

    /// <summary>Reads a <c>fixed</c> of <paramref name="size"/> bytes into a new array.</summary>
    public byte[] ReadFixed(int size)
    {
        _position = AvroPrimitives.ReadFixed(_buffer, _position, size, out var value);
        return value;
    }

    /// <summary>Reads a <c>string</c>; invalid UTF-8 is an error.</summary>
    public string ReadString()
    {
        _position = AvroPrimitives.ReadString(_buffer, _position, out var value);
        return value;
    }

    /// <summary>Reads the UTF-8 bytes of a <c>string</c> as a slice of the input, without validating them.</summary>
    public ReadOnlySpan<byte> ReadStringBytes() => Take(AvroPrimitives.ReadLength(_buffer, _position, "string", out var length), length);

    /// <summary>Reads an enum symbol index and checks it names one of <paramref name="symbolCount"/> symbols.</summary>
    public int ReadEnum(int symbolCount)
    {
        _position = AvroPrimitives.ReadEnum(_buffer, _position, symbolCount, out var index);
        return index;
    }

    /// <summary>Reads a union branch index and checks it names one of <paramref name="branchCount"/> branches.</summary>
    public int ReadUnionIndex(int branchCount)
    {
        _position = AvroPrimitives.ReadUnionIndex(_buffer, _position, branchCount, out var index);
        return index;
    }

    /// <summary>
    /// Reads the item count of the next array or map block (0 ends the collection). A negative count (a block followed
    /// by its size in bytes) is accepted. <paramref name="itemsSoFar"/> is the running total used to enforce
    /// <see cref="AvroReaderOptions.MaxCollectionLength"/>; <paramref name="minItemSize"/> is the fewest bytes one item
    /// can take (0 for items that may be empty), used to reject counts the remaining input cannot hold.
    /// </summary>
    public int ReadBlockCount(long itemsSoFar, int minItemSize)
    {
        _position = ReadBlockCount(_position, itemsSoFar, minItemSize, out var count);
        return count;
    }

    /// <summary>
    /// Reads the item count of the array or map block at <paramref name="offset"/> of <see cref="Input"/>, with the
    /// checks of <see cref="ReadBlockCount(long, int)"/>, for code that reads with <see cref="AvroPrimitives"/>: returns
    /// the offset after the count (and the block's byte size, if any) and leaves <see cref="Position"/> alone.
    /// </summary>
    /// <exception cref="ContractDecodeException">The count is out of range, over the limit, or more than the input can hold.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int ReadBlockCount(int offset, long itemsSoFar, int minItemSize, out int count)
    {
        // The usual block: a count below 64 (one byte, even: zig-zag, not negative) that the rest of the input can hold
        // and that keeps the collection within the limit. Everything else, errors included, is decided out of line.
        if ((uint)offset < (uint)_buffer.Length)
        {
            uint first = _buffer[offset];
            var items = (int)(first >> 1);
            if ((first & 0x81) == 0 && (long)items * minItemSize <= _buffer.Length - offset - 1 && items <= _maxCollectionLength - itemsSoFar)
            {
                count = items;
                return offset + 1;
            }
        }

        // Both through the return value, so the caller's count is never address-taken (kept in memory).
        (count, var end) = ReadBlockCountSlow(offset, itemsSoFar, minItemSize);
        return end;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly (int Count, int End) ReadBlockCountSlow(int offset, long itemsSoFar, int minItemSize)
    {
        var end = AvroPrimitives.ReadLong(_buffer, offset, out var value);
        if (value < 0)
        {
            if (value == long.MinValue)
            {
                throw Error(offset, "the block count is out of range.");
            }

            value = -value;
            var blockStart = end;
            end = AvroPrimitives.ReadLong(_buffer, end, out var blockSize);
            if (blockSize < 0 || blockSize > _buffer.Length - end)
            {
                throw Error(blockStart, $"the block declares {blockSize} bytes but {_buffer.Length - end} remain.");
            }
        }

        // Subtract rather than add: a hostile count near long.MaxValue must not wrap the running total.
        if (value > _options.MaxCollectionLength - itemsSoFar)
        {
            throw Error(offset, string.Create(CultureInfo.InvariantCulture, $"the collection declares {(Int128)value + itemsSoFar} items, more than the limit of {_options.MaxCollectionLength} (AvroReaderOptions.MaxCollectionLength)."));
        }

        // A product, not a division: a division costs tens of cycles. Below int.MaxValue items (always, unless
        // itemsSoFar is negative) the product fits a long.
        var remaining = _buffer.Length - end;
        if (minItemSize > 0 && (value > int.MaxValue || value * minItemSize > remaining))
        {
            throw Error(offset, string.Create(CultureInfo.InvariantCulture, $"the block declares {value} items but only {remaining} bytes remain."));
        }

        return ((int)value, end);
    }

    /// <summary>Enters a nested record, array or map; fails past <see cref="AvroReaderOptions.MaxDepth"/>. Pair with <see cref="Exit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter()
    {
        if (++_depth > _maxDepth)
        {
            ThrowTooDeep();
        }
    }

    /// <summary>Leaves a nested record, array or map.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit() => _depth--;

    /// <summary>Fails unless every byte was consumed: trailing bytes mean the data was written with another schema.</summary>
    public readonly void EnsureEnd()
    {
        if (_position != _buffer.Length)
        {
            throw Error(_position, $"{Remaining} bytes remain after the end of the message.");
        }
    }

    /// <summary>Creates the exception for bad input at <paramref name="offset"/>; generated codecs use it for semantic faults.</summary>
    public readonly ContractDecodeException Error(int offset, string reason) => new(ContractFormat.Avro, reason, offset);

    /// <summary>The <paramref name="count"/> bytes at <paramref name="offset"/>, after which reading goes on.</summary>
    private ReadOnlySpan<byte> Take(int offset, int count)
    {
        var slice = AvroPrimitives.Take(_buffer, offset, count);
        _position = offset + count;
        return slice;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowTooDeep() =>
        throw Error(_position, $"nesting is deeper than the limit of {_options.MaxDepth} (AvroReaderOptions.MaxDepth).");
}
