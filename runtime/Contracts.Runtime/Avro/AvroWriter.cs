using System;
using System.Buffers;
using System.Runtime.CompilerServices;

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
        var offset = Reserved(AvroPrimitives.BooleanSize);
        _position = AvroPrimitives.WriteBoolean(_span, offset, value);
    }

    /// <summary>Writes an <c>int</c> as a zig-zag variable-length integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteInt(int value)
    {
        var offset = Reserved(AvroPrimitives.MaxIntSize);
        _position = AvroPrimitives.WriteInt(_span, offset, value);
    }

    /// <summary>Writes a <c>long</c> as a zig-zag variable-length integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteLong(long value)
    {
        var offset = Reserved(AvroPrimitives.MaxLongSize);
        _position = AvroPrimitives.WriteLong(_span, offset, value);
    }

    /// <summary>Writes a <c>float</c> as 4 little-endian bytes.</summary>
    public void WriteFloat(float value)
    {
        var offset = Reserved(AvroPrimitives.FloatSize);
        _position = AvroPrimitives.WriteFloat(_span, offset, value);
    }

    /// <summary>Writes a <c>double</c> as 8 little-endian bytes.</summary>
    public void WriteDouble(double value)
    {
        var offset = Reserved(AvroPrimitives.DoubleSize);
        _position = AvroPrimitives.WriteDouble(_span, offset, value);
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
        var offset = Reserved(size);
        _position = AvroPrimitives.WriteFixed(_span, offset, value, size);
    }

    /// <summary>Writes a <c>string</c>: a length, then UTF-8.</summary>
    /// <exception cref="ContractEncodeException"><paramref name="value"/> is null or holds an unpaired surrogate.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteString(string? value)
    {
        if (value is null || value.Length > OneByteLengthLimit)
        {
            WriteLongOrNullString(value);
            return;
        }

        // Room for the worst case of a short string: 3 bytes a character and a length prefix that may need 2 bytes.
        var offset = Reserved(2 + (value.Length * 3));
        _position = AvroPrimitives.WriteString(_span, offset, value);
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
    /// <exception cref="ContractEncodeException"><paramref name="value"/> holds an unpaired surrogate.</exception>
    public void WriteString(scoped ReadOnlySpan<char> value)
    {
        if (value.Length <= AvroPrimitives.MaxSinglePassChars)
        {
            var offset = Reserved(2 + (value.Length * 3));
            _position = AvroPrimitives.WriteString(_span, offset, value);
            return;
        }

        // Long text is counted once here, so that its room is exact, and encoded straight after its length.
        var byteCount = AvroPrimitives.CountUtf8(value);
        WriteLong(byteCount);
        var target = Reserve(byteCount);
        _position += AvroPrimitives.EncodeUtf8(value, target.Slice(0, byteCount));
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

    /// <summary>
    /// Returns room for at least <paramref name="sizeHint"/> bytes at the write position, to fill from its start with
    /// <see cref="AvroPrimitives"/> (the sum of their <c>Max…Size</c> bounds is the room a run of values needs); commit
    /// the bytes written with <see cref="Advance"/> before any other call on this writer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sizeHint"/> is negative.</exception>
    /// <exception cref="ContractEncodeException"><paramref name="sizeHint"/> is more than one buffer can hold (2 GB).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetSpan(long sizeHint)
    {
        if ((ulong)sizeHint > int.MaxValue)
        {
            ThrowTooLarge(sizeHint);
        }

        return Reserve((int)sizeHint);
    }

    /// <summary>Commits <paramref name="count"/> bytes written into the span <see cref="GetSpan"/> returned.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or past the end of that span.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count)
    {
        if ((uint)count > (uint)(_span.Length - _position))
        {
            ThrowAdvancedTooFar(count);
        }

        _position += count;
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

    /// <summary>Makes room for <paramref name="size"/> bytes and returns the offset in <see cref="_span"/> to write them at.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Reserved(int size)
    {
        if (_span.Length - _position < size)
        {
            Grow(size);
        }

        return _position;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooLarge(long sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        throw new ContractEncodeException(ContractFormat.Avro, $"the value needs up to {sizeHint} bytes at once, more than one buffer can hold.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowAdvancedTooFar(int count) =>
        throw new ArgumentOutOfRangeException(nameof(count), count, $"Only {_span.Length - _position} bytes of the span from GetSpan remain.");

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
}
