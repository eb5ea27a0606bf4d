using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Contracts.Avro;

/// <summary>
/// Writes Avro binary encoding into an <see cref="IBufferWriter{T}"/>. Generated codecs drive it; it allocates nothing.
/// Call <see cref="Flush"/> when done: bytes are committed to the buffer writer in chunks, not one by one.
/// </summary>
public ref partial struct AvroWriter
{
    /// <summary>
    /// Deepest nesting of recursive records a writer accepts. A value nested deeper is almost always an object graph
    /// with a cycle, which would otherwise recurse until the stack overflows.
    /// </summary>
    public const int MaxDepth = 1000;

    private const int MinimumChunk = 256;

    /// <summary>The most a size hint asks for at once, so a single huge value does not make every later request huge.</summary>
    private const int MaximumChunk = 64 * 1024;

    /// <summary>The longest byte length whose zig-zag varint fits one byte.</summary>
    private const int OneByteLengthLimit = 63;

    /// <summary>The most characters whose worst-case UTF-8 length (3 bytes a char) still has a two-byte varint length (&lt; 8192).</summary>
    private const int MaxSinglePassChars = 8191 / 3;
    private readonly IBufferWriter<byte> _output;
    private readonly int _chunkSize;
    private Span<byte> _span;
    private int _position;
    private int _committed;
    private int _depth;

    /// <summary>Starts writing at the end of <paramref name="output"/>.</summary>
    public AvroWriter(IBufferWriter<byte> output)
        : this(output, MinimumChunk)
    {
    }

    /// <summary>
    /// Starts writing at the end of <paramref name="output"/>, asking it for at least <paramref name="sizeHint"/>
    /// bytes at a time (the expected size of the whole value, so that one request usually covers it).
    /// </summary>
    public AvroWriter(IBufferWriter<byte> output, int sizeHint)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _chunkSize = Math.Clamp(sizeHint, MinimumChunk, MaximumChunk);
        _span = default;
        _position = 0;
        _committed = 0;
        _depth = 0;
    }

    /// <summary>The number of bytes written so far, committed or not.</summary>
    public readonly int BytesWritten => _committed + _position;

    /// <summary>Enters a recursive record; fails past <see cref="MaxDepth"/>. Pair with <see cref="Exit"/>.</summary>
    /// <exception cref="ContractEncodeException">The value nests deeper than <see cref="MaxDepth"/> (usually a cycle).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter()
    {
        if (++_depth > MaxDepth)
        {
            ThrowTooDeep();
        }
    }

    /// <summary>Leaves a recursive record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit() => _depth--;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooDeep() =>
        throw new ContractEncodeException(ContractFormat.Avro, "the value nests recursive records more than " +
            MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels deep; it probably refers back to itself (a cycle).");

    /// <summary>Commits everything written so far to the buffer writer.</summary>
    public void Flush()
    {
        if (_position > 0)
        {
            _output.Advance(_position);
            _committed += _position;
        }

        _position = 0;
        _span = default;
    }

    /// <summary>Writes nothing: the Avro <c>null</c> has no bytes. Present so generated code reads like the schema.</summary>
    public readonly void WriteNull()
    {
    }

    /// <summary>Writes a boolean as one byte.</summary>
    public void WriteBoolean(bool value)
    {
        var span = Reserve(1);
        span[0] = value ? (byte)1 : (byte)0;
        _position++;
    }

    /// <summary>Writes an <c>int</c> as a zig-zag variable-length integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteInt(int value) => WriteVarint((uint)((value << 1) ^ (value >> 31)));

    /// <summary>Writes a <c>long</c> as a zig-zag variable-length integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteLong(long value) => WriteVarint((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes a <c>float</c> as 4 little-endian bytes.</summary>
    public void WriteFloat(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);
        _position += 4;
    }

    /// <summary>Writes a <c>double</c> as 8 little-endian bytes.</summary>
    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);
        _position += 8;
    }

    /// <summary>Writes <c>bytes</c>: a length, then the bytes.</summary>
    public void WriteBytes(scoped ReadOnlySpan<byte> value)
    {
        WriteLong(value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes a <c>fixed</c>: exactly <paramref name="size"/> bytes, no length.</summary>
    /// <exception cref="ContractEncodeException">The value is not <paramref name="size"/> bytes long.</exception>
    public void WriteFixed(scoped ReadOnlySpan<byte> value, int size)
    {
        if (value.Length != size)
        {
            throw new ContractEncodeException(ContractFormat.Avro, $"fixed value has {value.Length} bytes; the schema requires exactly {size}.");
        }

        WriteRaw(value);
    }

    /// <summary>Writes a <c>string</c>: a length, then UTF-8.</summary>
    /// <exception cref="ContractEncodeException"><paramref name="value"/> is null or holds an unpaired surrogate.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteString(string? value)
    {
        // Most strings in messages are short and mostly ASCII (ids, codes, names): their ASCII run is copied here, with
        // no call, into room for the worst case (3 bytes a character, and a length prefix that may need 2 bytes).
        if (value is null || value.Length > OneByteLengthLimit)
        {
            WriteLongOrNullString(value);
            return;
        }

        var length = value.Length;
        var span = Reserve(2 + (length * 3));
        var ascii = Utf8Encoder.CopyAscii(value, span.Slice(1));
        if (ascii == length)
        {
            span[0] = (byte)(length << 1);
            _position += 1 + length;
            return;
        }

        WriteShortStringRest(value, span, ascii);
    }

    /// <summary>Encodes the characters of a short string from <paramref name="ascii"/> on, after the ASCII run already copied, and its length prefix.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteShortStringRest(string value, Span<byte> span, int ascii)
    {
        var rest = Utf8Encoder.Encode(value.AsSpan(ascii), span.Slice(1 + ascii));
        if (rest < 0)
        {
            throw UnpairedSurrogate();
        }

        var written = ascii + rest;
        if (written <= OneByteLengthLimit)
        {
            span[0] = (byte)(written << 1);
            _position += 1 + written;
            return;
        }

        span.Slice(1, written).CopyTo(span.Slice(2));
        WriteTwoByteLength(span, written);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteLongOrNullString(string? value)
    {
        if (value is null)
        {
            throw new ContractEncodeException(ContractFormat.Avro, "null is not allowed here; the field is not nullable.");
        }

        WriteString(value.AsSpan());
    }

    /// <summary>Writes a <c>string</c> from characters: a length, then UTF-8.</summary>
    public void WriteString(scoped ReadOnlySpan<char> value)
    {
        // Counting UTF-8 bytes first costs as much as encoding them, so strings short enough to reserve their
        // worst case (3 bytes a char) are encoded once, after a length prefix of the size the character count
        // suggests: one byte up to 63 characters (right unless the text expands past 63 bytes, when the bytes move
        // up by one), two bytes beyond (always right: more than 63 characters take more than 63 bytes).
        if (value.Length <= MaxSinglePassChars)
        {
            var span = Reserve(2 + (value.Length * 3));
            if (value.Length <= OneByteLengthLimit)
            {
                var written = Utf8Encoder.Encode(value, span.Slice(1));
                if ((uint)written <= OneByteLengthLimit)
                {
                    span[0] = (byte)(written << 1);
                    _position += 1 + written;
                    return;
                }

                if (written < 0)
                {
                    throw UnpairedSurrogate();
                }

                span.Slice(1, written).CopyTo(span.Slice(2));
                WriteTwoByteLength(span, written);
                return;
            }

            WriteTwoByteLength(span, Utf8Encoder.Encode(value, span.Slice(2)));
            return;
        }

        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ContractEncodeException(ContractFormat.Avro, "the string holds an unpaired UTF-16 surrogate and has no UTF-8 form.", e);
        }

        WriteLong(byteCount);
        var target = Reserve(byteCount);
        _position += EncodeUtf8(value, target);
    }

    /// <summary>Writes an enum symbol index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteEnum(int index) => WriteInt(index);

    /// <summary>Writes the index of the union branch that follows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteUnionIndex(int index) => WriteInt(index);

    /// <summary>Starts a block of <paramref name="count"/> array or map items; a zero count ends the array or map.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBlockCount(long count) => WriteLong(count);

    /// <summary>Writes bytes as they are, with no length: the building block for fixed and framing.</summary>
    public void WriteRaw(scoped ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        value.CopyTo(Reserve(value.Length));
        _position += value.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteVarint(uint value)
    {
        var span = Reserve(5);
        if (value < 0x80)
        {
            span[0] = (byte)value;
            _position++;
            return;
        }

        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _position += i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteVarint(ulong value)
    {
        var span = Reserve(10);
        if (value < 0x80)
        {
            span[0] = (byte)value;
            _position++;
            return;
        }

        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _position += i;
    }

    /// <summary>Returns room for at least <paramref name="size"/> bytes at the write position; callers advance <see cref="_position"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Span<byte> Reserve(int size)
    {
        if (_span.Length - _position < size)
        {
            Grow(size);
        }

        return _span.Slice(_position);
    }

    internal void Advance(int count) => _position += count;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int size)
    {
        if (_position > 0)
        {
            _output.Advance(_position);
            _committed += _position;
            _position = 0;
        }

        _span = _output.GetSpan(Math.Max(size, _chunkSize));
        if (_span.Length < size)
        {
            throw new InvalidOperationException($"The buffer writer returned {_span.Length} bytes where {size} were requested.");
        }
    }

    /// <summary>Puts the two-byte length prefix in front of <paramref name="written"/> (64 to 8191) encoded bytes; a negative count means an unpaired surrogate.</summary>
    private void WriteTwoByteLength(Span<byte> span, int written)
    {
        if (written < 0)
        {
            throw UnpairedSurrogate();
        }

        var zigZag = (uint)written << 1;
        span[0] = (byte)(zigZag | 0x80);
        span[1] = (byte)(zigZag >> 7);
        _position += 2 + written;
    }

    private static int EncodeUtf8(ReadOnlySpan<char> value, Span<byte> target)
    {
        var status = System.Text.Unicode.Utf8.FromUtf16(value, target, out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            throw UnpairedSurrogate();
        }

        return written;
    }

    private static ContractEncodeException UnpairedSurrogate() =>
        new(ContractFormat.Avro, "the string holds an unpaired UTF-16 surrogate and has no UTF-8 form.");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
