using System;
using System.Buffers;
using System.Linq;
using System.Text;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// The span-level primitives generated runs write with: the same bytes as <see cref="AvroWriter"/> (itself proven
/// against Apache.Avro), within their published bounds, at any offset, and never outside a destination that is too small.
/// </summary>
public sealed class AvroPrimitivesTests
{
    private delegate int WriteAt(Span<byte> destination, int offset);

    private delegate void WriteThrough(ref AvroWriter writer);

    private sealed record Case(string Name, long Bound, WriteAt Primitive, WriteThrough Writer)
    {
        public override string ToString() => Name;
    }

    private static readonly Gen<Case> Cases = Gen.OneOf(
        Gen.Bool.Select(v => new Case("boolean", AvroPrimitives.BooleanSize, (s, o) => AvroPrimitives.WriteBoolean(s, o, v), (ref AvroWriter w) => w.WriteBoolean(v))),
        Generators.AnyInt.Select(v => new Case("int " + v, AvroPrimitives.MaxIntSize, (s, o) => AvroPrimitives.WriteInt(s, o, v), (ref AvroWriter w) => w.WriteInt(v))),
        Generators.AnyInt.Select(v => new Case("enum " + v, AvroPrimitives.MaxIntSize, (s, o) => AvroPrimitives.WriteEnum(s, o, v), (ref AvroWriter w) => w.WriteEnum(v))),
        Generators.AnyInt.Select(v => new Case("union " + v, AvroPrimitives.MaxIntSize, (s, o) => AvroPrimitives.WriteUnionIndex(s, o, v), (ref AvroWriter w) => w.WriteUnionIndex(v))),
        Generators.AnyLong.Select(v => new Case("long " + v, AvroPrimitives.MaxLongSize, (s, o) => AvroPrimitives.WriteLong(s, o, v), (ref AvroWriter w) => w.WriteLong(v))),
        Generators.AnyFloat.Select(v => new Case("float", AvroPrimitives.FloatSize, (s, o) => AvroPrimitives.WriteFloat(s, o, v), (ref AvroWriter w) => w.WriteFloat(v))),
        Generators.AnyDouble.Select(v => new Case("double", AvroPrimitives.DoubleSize, (s, o) => AvroPrimitives.WriteDouble(s, o, v), (ref AvroWriter w) => w.WriteDouble(v))),
        Gen.Byte.Array[0, 40].Select(v => new Case("fixed " + v.Length, v.Length, (s, o) => AvroPrimitives.WriteFixed(s, o, v, v.Length), (ref AvroWriter w) => w.WriteFixed(v, v.Length))),
        Texts().Select(v => new Case("string of " + v.Length, AvroPrimitives.MaxStringSize(v), (s, o) => AvroPrimitives.WriteString(s, o, v), (ref AvroWriter w) => w.WriteString(v))),
        Texts().Select(v => new Case("characters of " + v.Length, AvroPrimitives.MaxStringSize(v.AsSpan()), (s, o) => AvroPrimitives.WriteString(s, o, v.AsSpan()), (ref AvroWriter w) => w.WriteString(v.AsSpan()))),
        Gen.Guid.Select(v => new Case("uuid", AvroPrimitives.UuidSize, (s, o) => AvroPrimitives.WriteUuid(s, o, v), (ref AvroWriter w) => w.WriteUuid(v))),
        Gen.DateOnly.Select(v => new Case("date", AvroPrimitives.MaxIntSize, (s, o) => AvroPrimitives.WriteDate(s, o, v), (ref AvroWriter w) => w.WriteDate(v))),
        TimeCases(),
        Gen.DateTime.Select(v => new Case("timestamps of " + v.Kind, 4 * AvroPrimitives.MaxLongSize,
            (s, o) => AvroPrimitives.WriteLocalTimestampMicros(s, AvroPrimitives.WriteLocalTimestampMillis(s, AvroPrimitives.WriteTimestampMicros(s, AvroPrimitives.WriteTimestampMillis(s, o, v), v), v), v),
            (ref AvroWriter w) => { w.WriteTimestampMillis(v); w.WriteTimestampMicros(v); w.WriteLocalTimestampMillis(v); w.WriteLocalTimestampMicros(v); })),
        Gen.DateTimeOffset.Select(v => new Case("timestamps with offset", 4 * AvroPrimitives.MaxLongSize,
            (s, o) => AvroPrimitives.WriteLocalTimestampMicros(s, AvroPrimitives.WriteLocalTimestampMillis(s, AvroPrimitives.WriteTimestampMicros(s, AvroPrimitives.WriteTimestampMillis(s, o, v), v), v), v),
            (ref AvroWriter w) => { w.WriteTimestampMillis(v); w.WriteTimestampMicros(v); w.WriteLocalTimestampMillis(v); w.WriteLocalTimestampMicros(v); })),
        DecimalCase.OnBytes.Select(c => new Case("decimal " + c.Value, AvroPrimitives.MaxDecimalSize, (s, o) => AvroPrimitives.WriteDecimal(s, o, c.Value, c.Precision, c.Scale), (ref AvroWriter w) => w.WriteDecimal(c.Value, c.Precision, c.Scale))),
        DecimalCase.OnFixed.Select(c => new Case("decimal fixed " + c.Value, c.FixedSize, (s, o) => AvroPrimitives.WriteDecimalFixed(s, o, c.Value, c.Precision, c.Scale, c.FixedSize), (ref AvroWriter w) => w.WriteDecimalFixed(c.Value, c.Precision, c.Scale, c.FixedSize))));

    [Fact]
    public void Every_primitive_writes_what_AvroWriter_writes_within_its_bound_at_any_offset() =>
        Gen.Select(Cases, Gen.Int[0, 20]).Sample(
            (c, offset) =>
            {
                var expected = AvroCodec.Write(c, (ref AvroWriter w, Case value) => value.Writer(ref w));
                Assert.True(expected.Length <= c.Bound, $"{c.Name}: {expected.Length} bytes exceed the bound {c.Bound}");

                // Exactly the bound after the offset, framed by poison that must stay untouched.
                var buffer = Enumerable.Repeat((byte)0xCC, offset + (int)c.Bound + 8).ToArray();
                var end = c.Primitive(buffer.AsSpan(0, offset + (int)c.Bound), offset);
                Assert.Equal(offset + expected.Length, end);
                Assert.Equal(expected, buffer[offset..end]);
                Assert.All(buffer[..offset], b => Assert.Equal(0xCC, b));
                Assert.All(buffer[(offset + (int)c.Bound)..], b => Assert.Equal(0xCC, b));
            },
            iter: 2000);

    [Fact]
    public void A_destination_smaller_than_the_value_fails_without_writing_outside_it()
    {
        var buffer = Enumerable.Repeat((byte)0xCC, 64).ToArray();
        var small = buffer.AsSpan(8, 10);
        Assert.ThrowsAny<Exception>(() => AvroPrimitives.WriteUuid(buffer.AsSpan(8, 10), 0, Guid.NewGuid()));
        Assert.ThrowsAny<Exception>(() => AvroPrimitives.WriteString(buffer.AsSpan(8, 10), 0, "more than ten characters"));
        Assert.ThrowsAny<Exception>(() => AvroPrimitives.WriteLong(buffer.AsSpan(8, 10), 5, long.MinValue));
        Assert.ThrowsAny<Exception>(() => AvroPrimitives.WriteDouble(buffer.AsSpan(8, 10), 3, 1.5));
        Assert.Equal(10, small.Length);
        Assert.All(buffer[..8], b => Assert.Equal(0xCC, b));
        Assert.All(buffer[18..], b => Assert.Equal(0xCC, b));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(2730)]
    [InlineData(2731)]
    [InlineData(20000)]
    public void String_bound_covers_the_worst_text_of_every_length_class(int length)
    {
        foreach (var unit in new[] { "a", "é", "語", "😀" })
        {
            var text = string.Concat(Enumerable.Repeat(unit, length))[..length];
            if (text.Length > 0 && char.IsHighSurrogate(text[^1]))
            {
                text = text[..^1] + "a";
            }

            var bound = AvroPrimitives.MaxStringSize(text);
            var buffer = new byte[bound];
            var end = AvroPrimitives.WriteString(buffer, 0, text);
            var expected = AvroCodec.Write(text, (ref AvroWriter w, string value) => w.WriteString(value));
            Assert.Equal(expected, buffer[..end]);
            Assert.Equal(Encoding.UTF8.GetByteCount(text), DecodedLength(expected));
        }
    }

    [Fact]
    public void Null_string_has_no_bound_and_is_the_usual_encode_error()
    {
        Assert.Equal(0, AvroPrimitives.MaxStringSize((string?)null));
        var error = Assert.Throws<ContractEncodeException>(() => AvroPrimitives.WriteString(new byte[8], 0, (string?)null));
        Assert.Contains("null is not allowed", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(100)]
    [InlineData(3000)]
    public void Unpaired_surrogate_is_the_usual_encode_error_at_every_length(int length)
    {
        var text = new string('a', length - 1) + (char)0xDC00;
        var error = Assert.Throws<ContractEncodeException>(() => AvroPrimitives.WriteString(new byte[AvroPrimitives.MaxStringSize(text)], 0, text));
        Assert.Contains("unpaired UTF-16 surrogate", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_runs_through_GetSpan_and_Advance_interleave_with_its_own_calls()
    {
        var output = new ChunkedBufferWriter(seed: 7);
        var writer = new AvroWriter(output);
        writer.WriteInt(1);
        var span = writer.GetSpan(AvroPrimitives.MaxLongSize + AvroPrimitives.MaxStringSize("héllo"));
        var offset = AvroPrimitives.WriteLong(span, 0, -2);
        offset = AvroPrimitives.WriteString(span, offset, "héllo");
        writer.Advance(offset);
        writer.WriteBoolean(true);
        writer.Flush();

        var expected = AvroCodec.Write(0, (ref AvroWriter w, int _) => { w.WriteInt(1); w.WriteLong(-2); w.WriteString("héllo"); w.WriteBoolean(true); });
        Assert.Equal(expected, output.WrittenBytes);
    }

    [Fact]
    public void GetSpan_and_Advance_reject_what_no_buffer_can_hold()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewWriter().GetSpan(-1));
        var tooLarge = Assert.Throws<ContractEncodeException>(() => NewWriter().GetSpan((long)int.MaxValue + 1));
        Assert.Contains("more than one buffer can hold", tooLarge.Reason, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => { var w = NewWriter(); var span = w.GetSpan(8); w.Advance(span.Length + 1); });
        Assert.Throws<ArgumentOutOfRangeException>(() => NewWriter().Advance(-1));
    }

    private static AvroWriter NewWriter() => new(new ArrayBufferWriter<byte>(16));

    private static Gen<string> Texts() => Gen.Frequency(
        (6, Generators.UnicodeString),
        (1, Generators.CodePoint.Array[2700, 2800].Select(string.Concat)));

    private static Gen<Case> TimeCases() =>
        Gen.Long[0, TimeSpan.TicksPerDay - 1].Select(t => new TimeOnly(t)).Select(v => new Case("times", AvroPrimitives.MaxLongSize + AvroPrimitives.MaxIntSize,
            (s, o) => AvroPrimitives.WriteTimeMillis(s, AvroPrimitives.WriteTimeMicros(s, o, v), v),
            (ref AvroWriter w) => { w.WriteTimeMicros(v); w.WriteTimeMillis(v); }));

    private static int DecodedLength(byte[] avroString)
    {
        var reader = new AvroReader(avroString);
        return reader.ReadStringBytes().Length;
    }
}
