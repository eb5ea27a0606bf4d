using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Contracts.Avro;

/// <summary>
/// Reads Avro binary encoding from a span. Every malformed input raises <see cref="ContractDecodeException"/> with the
/// byte offset; generated codecs add the field path. Lengths are checked against the remaining input before anything
/// is allocated, and <see cref="AvroReaderOptions"/> bounds collections and nesting.
/// </summary>
public ref partial struct AvroReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly AvroReaderOptions _options;
    private int _position;
    private int _depth;

    /// <summary>Reads <paramref name="buffer"/> from its start under <paramref name="options"/> (or the defaults).</summary>
    public AvroReader(ReadOnlySpan<byte> buffer, AvroReaderOptions? options = null)
    {
        _buffer = buffer;
        _options = options ?? AvroReaderOptions.Default;
        _position = 0;
        _depth = 0;
    }

    /// <summary>The offset of the next byte to read.</summary>
    public readonly int Position => _position;

    /// <summary>How many bytes are left.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>The limits in force.</summary>
    public readonly AvroReaderOptions Options => _options;

    /// <summary>Reads a boolean; any byte but 0 or 1 is an error.</summary>
    public bool ReadBoolean()
    {
        var value = ReadByte();
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw Error(_position - 1, $"a boolean must be byte 0 or 1, found 0x{value:X2}."),
        };
    }

    /// <summary>Reads a zig-zag varint <c>int</c> (at most 5 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadInt()
    {
        var buffer = _buffer;
        var position = _position;
        if ((uint)position < (uint)buffer.Length)
        {
            uint first = buffer[position];
            if (first < 0x80)
            {
                _position = position + 1;
                return (int)(first >> 1) ^ -(int)(first & 1);
            }
        }

        return ReadIntSlow();
    }

    /// <summary>Reads a zig-zag varint <c>long</c> (at most 10 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadLong()
    {
        var buffer = _buffer;
        var position = _position;
        if ((uint)position < (uint)buffer.Length)
        {
            ulong first = buffer[position];
            if (first < 0x80)
            {
                _position = position + 1;
                return (long)(first >> 1) ^ -(long)(first & 1);
            }
        }

        return ReadLongSlow();
    }

    /// <summary>Reads a 4-byte little-endian <c>float</c>.</summary>
    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>Reads an 8-byte little-endian <c>double</c>.</summary>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>Reads <c>bytes</c> into a new array.</summary>
    public byte[] ReadBytes() => ReadBytesSpan().ToArray();

    /// <summary>Reads <c>bytes</c> as a slice of the input, without copying.</summary>
    public ReadOnlySpan<byte> ReadBytesSpan() => Take(ReadLength("bytes"));

    /// <summary>Reads a <c>fixed</c> of <paramref name="size"/> bytes as a slice of the input.</summary>
    public ReadOnlySpan<byte> ReadFixedSpan(int size) => Take(size);

    /// <summary>Reads a <c>fixed</c> of <paramref name="size"/> bytes into a new array.</summary>
    public byte[] ReadFixed(int size) => Take(size).ToArray();

    /// <summary>Reads a <c>string</c>; invalid UTF-8 is an error.</summary>
    public string ReadString()
    {
        var start = _position;
        var bytes = ReadStringBytes();
        if (Utf8Decoder.IsShortAscii(bytes))
        {
            return Utf8Decoder.Widen(bytes);
        }

        return DecodeUtf8(bytes, start);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, int start)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ContractDecodeException(ContractFormat.Avro, "the string is not valid UTF-8.", start, e);
        }
    }

    /// <summary>Reads the UTF-8 bytes of a <c>string</c> as a slice of the input, without validating them.</summary>
    public ReadOnlySpan<byte> ReadStringBytes() => Take(ReadLength("string"));

    /// <summary>Reads an enum symbol index and checks it names one of <paramref name="symbolCount"/> symbols.</summary>
    public int ReadEnum(int symbolCount)
    {
        var start = _position;
        var index = ReadInt();
        if ((uint)index >= (uint)symbolCount)
        {
            throw Error(start, $"enum symbol index {index} is out of range; the enum has {symbolCount} symbols.");
        }

        return index;
    }

    /// <summary>Reads a union branch index and checks it names one of <paramref name="branchCount"/> branches.</summary>
    public int ReadUnionIndex(int branchCount)
    {
        var start = _position;
        var index = ReadInt();
        if ((uint)index >= (uint)branchCount)
        {
            throw Error(start, $"union branch index {index} is out of range; the union has {branchCount} branches.");
        }

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
        var start = _position;
        var count = ReadLong();
        if (count < 0)
        {
            if (count == long.MinValue)
            {
                throw Error(start, "the block count is out of range.");
            }

            count = -count;
            var blockStart = _position;
            var blockSize = ReadLong();
            if (blockSize < 0 || blockSize > Remaining)
            {
                throw Error(blockStart, $"the block declares {blockSize} bytes but {Remaining} remain.");
            }
        }

        // Subtract rather than add: a hostile count near long.MaxValue must not wrap the running total.
        if (count > _options.MaxCollectionLength - itemsSoFar)
        {
            throw Error(start, string.Create(CultureInfo.InvariantCulture, $"the collection declares {(Int128)count + itemsSoFar} items, more than the limit of {_options.MaxCollectionLength} (AvroReaderOptions.MaxCollectionLength)."));
        }

        if (minItemSize > 0 && count > Remaining / minItemSize)
        {
            throw Error(start, string.Create(CultureInfo.InvariantCulture, $"the block declares {count} items but only {Remaining} bytes remain."));
        }

        return (int)count;
    }

    /// <summary>Enters a nested record, array or map; fails past <see cref="AvroReaderOptions.MaxDepth"/>. Pair with <see cref="Exit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter()
    {
        if (++_depth > _options.MaxDepth)
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte ReadByte()
    {
        if ((uint)_position >= (uint)_buffer.Length)
        {
            ThrowTruncated(1);
        }

        return _buffer[_position++];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _position))
        {
            ThrowTruncated(count);
        }

        var slice = _buffer.Slice(_position, count);
        _position += count;
        return slice;
    }

    private int ReadLength(string what)
    {
        var start = _position;
        var length = ReadLong();
        if (length < 0)
        {
            throw Error(start, $"the {what} length is negative ({length}).");
        }

        if (length > Remaining)
        {
            throw Error(start, $"the {what} length {length} is larger than the {Remaining} bytes that remain.");
        }

        return (int)length;
    }

    // The multi-byte varint loops keep the position in a local (the struct lives behind a reference) and store it once.
    private int ReadIntSlow()
    {
        var buffer = _buffer;
        var start = _position;
        var position = start;
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if ((uint)position >= (uint)buffer.Length)
            {
                _position = position;
                ThrowTruncated(1);
            }

            uint b = buffer[position++];
            if (shift == 28 && b > 0x0F)
            {
                throw Error(start, "the int varint is longer than 5 bytes or overflows 32 bits.");
            }

            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                _position = position;
                return (int)(result >> 1) ^ -(int)(result & 1);
            }
        }

        throw Error(start, "the int varint is longer than 5 bytes.");
    }

    private long ReadLongSlow()
    {
        var buffer = _buffer;
        var start = _position;
        var position = start;
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if ((uint)position >= (uint)buffer.Length)
            {
                _position = position;
                ThrowTruncated(1);
            }

            ulong b = buffer[position++];
            if (shift == 63 && b > 0x01)
            {
                throw Error(start, "the long varint is longer than 10 bytes or overflows 64 bits.");
            }

            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                _position = position;
                return (long)(result >> 1) ^ -(long)(result & 1);
            }
        }

        throw Error(start, "the long varint is longer than 10 bytes.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowTruncated(int needed) =>
        throw Error(_position, $"the input ends early: {needed} more bytes were expected but {Remaining} remain.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowTooDeep() =>
        throw Error(_position, $"nesting is deeper than the limit of {_options.MaxDepth} (AvroReaderOptions.MaxDepth).");
}
