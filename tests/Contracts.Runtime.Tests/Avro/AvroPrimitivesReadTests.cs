using System;
using System.Linq;
using System.Text;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;
using static Contracts.Runtime.Tests.Support.DecodeAssert;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// The span-level read primitives generated read runs use: they read what <see cref="AvroWriter"/> writes at any offset
/// of a larger input, return the offset after the value, and fail on cut, overlong or malformed input with the same
/// <see cref="ContractDecodeException"/> (offset and reason) <see cref="AvroReader"/> raises.
/// </summary>
public sealed class AvroPrimitivesReadTests
{
    private delegate int ReadAt(ReadOnlySpan<byte> source, int offset, out object value);

    private delegate object ReadThrough(ref AvroReader reader);

    private sealed record Case(string Name, object Value, WriteWith<object> Write, ReadAt Primitive, ReadThrough Reader)
    {
        public override string ToString() => Name;
    }

    private delegate void WriteValue<T>(ref AvroWriter writer, T value);

    private delegate int ReadValue<T>(ReadOnlySpan<byte> source, int offset, out T value);

    private delegate T ReadVia<T>(ref AvroReader reader);

    /// <summary>A case of type <typeparamref name="T"/>: how to write it, read it with the primitive, and read it with the reader.</summary>
    private static Case C<T>(string name, T value, WriteValue<T> write, ReadValue<T> primitive, ReadVia<T> reader)
        where T : notnull =>
        new(name, value, (ref AvroWriter w, object v) => write(ref w, (T)v),
            (ReadOnlySpan<byte> s, int o, out object v) =>
            {
                var end = primitive(s, o, out var typed);
                v = typed;
                return end;
            },
            (ref AvroReader r) => reader(ref r));

    private static readonly Gen<Case> Cases = Gen.OneOf(
        Gen.Bool.Select(v => C("boolean", v, (ref AvroWriter w, bool x) => w.WriteBoolean(x), AvroPrimitives.ReadBoolean, (ref AvroReader r) => r.ReadBoolean())),
        Generators.AnyInt.Select(v => C("int " + v, v, (ref AvroWriter w, int x) => w.WriteInt(x), AvroPrimitives.ReadInt, (ref AvroReader r) => r.ReadInt())),
        Generators.AnyLong.Select(v => C("long " + v, v, (ref AvroWriter w, long x) => w.WriteLong(x), AvroPrimitives.ReadLong, (ref AvroReader r) => r.ReadLong())),
        Generators.AnyFloat.Select(v => C("float", v, (ref AvroWriter w, float x) => w.WriteFloat(x), AvroPrimitives.ReadFloat, (ref AvroReader r) => r.ReadFloat())),
        Generators.AnyDouble.Select(v => C("double", v, (ref AvroWriter w, double x) => w.WriteDouble(x), AvroPrimitives.ReadDouble, (ref AvroReader r) => r.ReadDouble())),
        Gen.Int[0, 9].Select(v => C("enum " + v, v, (ref AvroWriter w, int x) => w.WriteEnum(x), (ReadOnlySpan<byte> s, int o, out int x) => AvroPrimitives.ReadEnum(s, o, 10, out x), (ref AvroReader r) => r.ReadEnum(10))),
        Gen.Int[0, 2].Select(v => C("union " + v, v, (ref AvroWriter w, int x) => w.WriteUnionIndex(x), (ReadOnlySpan<byte> s, int o, out int x) => AvroPrimitives.ReadUnionIndex(s, o, 3, out x), (ref AvroReader r) => r.ReadUnionIndex(3))),
        Generators.UnicodeString.Select(v => C("string of " + v.Length, v, (ref AvroWriter w, string x) => w.WriteString(x), AvroPrimitives.ReadString, (ref AvroReader r) => r.ReadString())),
        Generators.Bytes.Select(v => C("bytes of " + v.Length, Convert.ToHexString(v), (ref AvroWriter w, string x) => w.WriteBytes(Convert.FromHexString(x)), (ReadOnlySpan<byte> s, int o, out string x) =>
        {
            var end = AvroPrimitives.ReadBytes(s, o, out var bytes);
            x = Convert.ToHexString(bytes);
            return end;
        }, (ref AvroReader r) => Convert.ToHexString(r.ReadBytes()))),
        Gen.Byte.Array[0, 20].Select(v => C("fixed of " + v.Length, Convert.ToHexString(v), (ref AvroWriter w, string x) => w.WriteFixed(Convert.FromHexString(x), x.Length / 2), (ReadOnlySpan<byte> s, int o, out string x) =>
        {
            var end = AvroPrimitives.ReadFixed(s, o, v.Length, out var bytes);
            x = Convert.ToHexString(bytes);
            return end;
        }, (ref AvroReader r) => Convert.ToHexString(r.ReadFixed(v.Length)))),
        Gen.Guid.Select(v => C("uuid", v, (ref AvroWriter w, Guid x) => w.WriteUuid(x), AvroPrimitives.ReadUuid, (ref AvroReader r) => r.ReadUuid())),
        Gen.DateOnly.Select(v => C("date", v, (ref AvroWriter w, DateOnly x) => w.WriteDate(x), AvroPrimitives.ReadDate, (ref AvroReader r) => r.ReadDate())),
        Gen.TimeOnly.Select(v => new TimeOnly(v.Ticks / 10 * 10)).Select(v => C("time-micros", v, (ref AvroWriter w, TimeOnly x) => w.WriteTimeMicros(x), AvroPrimitives.ReadTimeMicros, (ref AvroReader r) => r.ReadTimeMicros())),
        Gen.TimeOnly.Select(v => new TimeOnly(v.Ticks / 10_000 * 10_000)).Select(v => C("time-millis", v, (ref AvroWriter w, TimeOnly x) => w.WriteTimeMillis(x), AvroPrimitives.ReadTimeMillis, (ref AvroReader r) => r.ReadTimeMillis())),
        Generators.UtcInstant(TimeSpan.TicksPerMillisecond).Select(v => C("timestamp-millis", new DateTimeOffset(v), (ref AvroWriter w, DateTimeOffset x) => w.WriteTimestampMillis(x), AvroPrimitives.ReadTimestampMillis, (ref AvroReader r) => r.ReadTimestampMillisOffset())),
        Generators.UtcInstant(TimeSpan.TicksPerMicrosecond).Select(v => C("timestamp-micros", v, (ref AvroWriter w, DateTime x) => w.WriteTimestampMicros(x), AvroPrimitives.ReadTimestampMicros, (ref AvroReader r) => r.ReadTimestampMicros())),
        Generators.UtcInstant(TimeSpan.TicksPerMillisecond).Select(v => C("local-timestamp-millis", DateTime.SpecifyKind(v, DateTimeKind.Unspecified), (ref AvroWriter w, DateTime x) => w.WriteLocalTimestampMillis(x), AvroPrimitives.ReadLocalTimestampMillis, (ref AvroReader r) => r.ReadLocalTimestampMillis())),
        DecimalCase.OnBytes.Select(c => C("decimal " + c.Value, c.Value, (ref AvroWriter w, decimal x) => w.WriteDecimal(x, c.Precision, c.Scale), (ReadOnlySpan<byte> s, int o, out decimal x) => AvroPrimitives.ReadDecimal(s, o, c.Scale, out x), (ref AvroReader r) => r.ReadDecimal(c.Scale))),
        DecimalCase.OnFixed.Select(c => C("decimal fixed " + c.Value, c.Value, (ref AvroWriter w, decimal x) => w.WriteDecimalFixed(x, c.Precision, c.Scale, c.FixedSize), (ReadOnlySpan<byte> s, int o, out decimal x) => AvroPrimitives.ReadDecimalFixed(s, o, c.Scale, c.FixedSize, out x), (ref AvroReader r) => r.ReadDecimalFixed(c.Scale, c.FixedSize))));

    [Fact]
    public void Every_primitive_reads_what_AvroWriter_wrote_at_any_offset_and_returns_the_offset_after_it() =>
        Gen.Select(Cases, Gen.Int[0, 20], Gen.Int[0, 8]).Sample(
            (c, offset, trailing) =>
            {
                var encoded = AvroCodec.Write(c.Value, c.Write);
                var input = Enumerable.Repeat((byte)0xCC, offset).Concat(encoded).Concat(Enumerable.Repeat((byte)0xCC, trailing)).ToArray();
                var end = c.Primitive(input, offset, out var value);
                Assert.Equal(offset + encoded.Length, end);
                Assert.Equal(c.Value, value);
                Assert.Equal(c.Value, AvroCodec.ReadAll(encoded, (ref AvroReader r) => c.Reader(ref r)));
            },
            iter: 3000);

    [Fact]
    public void Every_primitive_cut_at_every_byte_fails_like_AvroReader_at_the_same_offset() =>
        Gen.Select(Cases, Gen.Int[0, 6]).Sample(
            (c, offset) =>
            {
                var encoded = Enumerable.Repeat((byte)0x00, offset).Concat(AvroCodec.Write(c.Value, c.Write)).ToArray();
                for (var cut = offset; cut < encoded.Length; cut++)
                {
                    var input = encoded[..cut];
                    var primitive = Assert.Throws<ContractDecodeException>(() => c.Primitive(input, offset, out _));
                    var reader = Assert.Throws<ContractDecodeException>(() =>
                    {
                        var r = new AvroReader(input) { Position = offset };
                        return c.Reader(ref r);
                    });
                    Assert.Equal(reader.Offset, primitive.Offset);
                    Assert.Equal(reader.Reason, primitive.Reason);
                    Assert.InRange(primitive.Offset, offset, cut);
                }
            },
            iter: 1000);

    [Fact]
    public void A_run_of_values_cut_at_every_byte_fails_only_with_the_decode_error_inside_the_input()
    {
        var run = AvroCodec.Write(0, (ref AvroWriter w, int _) =>
        {
            w.WriteUuid(Guid.Parse("7d5c3a1e-9b2f-4c8e-a6d4-0f1e2d3c4b5a"));
            w.WriteString("customer-000184467");
            w.WriteString("Zoë Łukasiewicz-Ortega");
            w.WriteLong(9_876_543_210L);
            w.WriteTimestampMillis(new DateTimeOffset(2026, 11, 23, 10, 15, 30, 123, TimeSpan.Zero));
            w.WriteDecimal(1289.45m, 18, 2);
            w.WriteBoolean(true);
            w.WriteEnum(1);
            w.WriteUnionIndex(1);
            w.WriteString(new string('x', 300));
        });

        Assert.Equal(ReadRun(run), run.Length);
        for (var cut = 0; cut < run.Length; cut++)
        {
            var error = Assert.Throws<ContractDecodeException>(() => ReadRun(run[..cut]));
            Assert.InRange(error.Offset, 0, cut);
        }

        static int ReadRun(byte[] input)
        {
            var offset = AvroPrimitives.ReadUuid(input, 0, out _);
            offset = AvroPrimitives.ReadString(input, offset, out _);
            offset = AvroPrimitives.ReadString(input, offset, out var name);
            Assert.Equal("Zoë Łukasiewicz-Ortega", name);
            offset = AvroPrimitives.ReadLong(input, offset, out _);
            offset = AvroPrimitives.ReadTimestampMillis(input, offset, out DateTimeOffset _);
            offset = AvroPrimitives.ReadDecimal(input, offset, 2, out var total);
            Assert.Equal(1289.45m, total);
            offset = AvroPrimitives.ReadBoolean(input, offset, out _);
            offset = AvroPrimitives.ReadEnum(input, offset, 5, out _);
            offset = AvroPrimitives.ReadUnionIndex(input, offset, 2, out _);
            return AvroPrimitives.ReadString(input, offset, out _);
        }
    }

    [Theory]
    [InlineData("80 80 80 80 80 00")] // a sixth byte
    [InlineData("ff ff ff ff 1f")] // 33 bits
    [InlineData("80 80 80 80 10")] // bit 32 alone
    public void Overlong_int_varint_is_rejected_at_its_first_byte_after_any_offset(string hex)
    {
        const string reason = "the int varint is longer than 5 bytes or overflows 32 bits.";

        // With and without the 8 bytes after it that let a varint be decoded from one load.
        foreach (var input in new[] { Hex("02 04 " + hex), Hex("02 04 " + hex + " 00 00 00 00 00 00 00 00") })
        {
            AssertFails(() => AvroPrimitives.ReadInt(input, 2, out _), 2, reason);
            AssertFails(() => AvroPrimitives.ReadEnum(input, 2, 3, out _), 2, reason);
            AssertFails(() => AvroPrimitives.ReadDate(input, 2, out _), 2, reason);
        }
    }

    [Theory]
    [InlineData("80 01", 64L)]
    [InlineData("ff ff 03", -32768L)]
    [InlineData("fe ff ff ff 0f", (long)int.MaxValue)]
    [InlineData("ff ff ff ff 0f", (long)int.MinValue)]
    [InlineData("fe ff ff ff ff ff ff 7f", (1L << 55) - 1)]
    [InlineData("ff ff ff ff ff ff ff 7f", -(1L << 55))]
    [InlineData("80 80 80 80 80 80 80 80 01", 1L << 55)]
    [InlineData("fe ff ff ff ff ff ff ff ff 01", long.MaxValue)]
    public void Multi_byte_varints_read_the_same_with_or_without_room_for_one_load(string hex, long expected)
    {
        foreach (var input in new[] { Hex("00 " + hex), Hex("00 " + hex + " 00 00 00 00 00 00 00 00") })
        {
            Assert.Equal(1 + (hex.Length + 1) / 3, AvroPrimitives.ReadLong(input, 1, out var value));
            Assert.Equal(expected, value);
            if (expected is >= int.MinValue and <= int.MaxValue)
            {
                Assert.Equal(1 + (hex.Length + 1) / 3, AvroPrimitives.ReadInt(input, 1, out var narrow));
                Assert.Equal(expected, narrow);
            }
        }
    }

    [Theory]
    [InlineData("80 80 80 80 80 80 80 80 80 80 00")] // an eleventh byte
    [InlineData("ff ff ff ff ff ff ff ff ff 03")] // 65 bits
    public void Overlong_long_varint_is_rejected_at_its_first_byte_after_any_offset(string hex)
    {
        const string reason = "the long varint is longer than 10 bytes or overflows 64 bits.";
        foreach (var input in new[] { Hex("02 " + hex), Hex("02 " + hex + " 00 00 00 00 00 00 00 00") })
        {
            AssertFails(() => AvroPrimitives.ReadLong(input, 1, out _), 1, reason);
            AssertFails(() => AvroPrimitives.ReadString(input, 1, out _), 1, reason);
            AssertFails(() => AvroPrimitives.ReadTimestampMillis(input, 1, out DateTimeOffset _), 1, reason);
        }
    }

    [Theory]
    [InlineData("7d5c3a1e-9b2f-4c8e-a6d4-0f1e2d3c4b5g")] // a letter past f
    [InlineData("7d5c3a1e-9b2f-4c8e-a6d4-0f1e2d3c4b5 ")] // a space
    [InlineData("7d5c3a1e+9b2f-4c8e-a6d4-0f1e2d3c4b5a")] // a plus for a dash
    [InlineData("7d5c3a1e9-b2f-4c8e-a6d4-0f1e2d3c4b5a")] // a dash moved
    [InlineData("+d5c3a1e-9b2f-4c8e-a6d4-0f1e2d3c4b5a")] // a sign
    [InlineData("7d5c3a1e-9b2f-4c8e-a6d4-0f1e2d3c4b:a")] // the byte after '9'
    [InlineData("7d5c3a1e-9b2f-4c8e-a6d4-0f1e2d3c4b@a")] // the byte before 'A'
    [InlineData("7d5c3a1e-9b2f-4c8e-a6d4-0f1e2d3c4b`a")] // the byte before 'a'
    [InlineData("7d5c3a1e-9b2f-4c8e-a6d4-0f1e2d3c4bé")] // a non-ASCII character (two bytes: 37 in all)
    [InlineData("{7d5c3a1e-9b2f-4c8e-a6d4-0f1e2d3c4b5}")] // braces
    [InlineData("7d5c3a1e9b2f4c8ea6d40f1e2d3c4b5a")] // the 32-digit form
    [InlineData("")]
    public void Uuid_text_not_in_the_36_character_form_is_rejected_at_its_length(string text)
    {
        var input = new byte[] { 0x00 }.Concat(AvroCodec.Write(text, (ref AvroWriter w, string value) => w.WriteString(value))).ToArray();
        AssertFails(() => AvroPrimitives.ReadUuid(input, 1, out _), 1, "the uuid is not in the 36-character form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.");
        Fails(input, (ref AvroReader r) => { r.ReadBoolean(); return r.ReadUuid(); }, 1, "the uuid is not in the 36-character form");
    }

    [Fact]
    public void Uuid_text_in_either_case_reads_as_the_framework_parses_it() =>
        Gen.Guid.Sample(
            guid =>
            {
                foreach (var text in new[] { guid.ToString("D"), guid.ToString("D").ToUpperInvariant() })
                {
                    var input = AvroCodec.Write(text, (ref AvroWriter w, string value) => w.WriteString(value));
                    Assert.Equal(input.Length, AvroPrimitives.ReadUuid(input, 0, out var read));
                    Assert.Equal(Guid.ParseExact(text, "D"), read);
                }
            },
            iter: 500);

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1000)]
    public void Non_ASCII_text_on_either_side_of_the_one_pass_limit_reads_back_and_bad_bytes_fail(int byteLength)
    {
        foreach (var unit in new[] { "é", "語", "😀" })
        {
            var text = string.Concat(Enumerable.Repeat(unit, byteLength));
            while (Encoding.UTF8.GetByteCount(text) > byteLength)
            {
                text = text.Length >= 2 && char.IsLowSurrogate(text[^1]) ? text[..^2] : text[..^1];
            }

            text += new string('a', byteLength - Encoding.UTF8.GetByteCount(text));
            var input = AvroCodec.Write(text, (ref AvroWriter w, string value) => w.WriteString(value));
            Assert.Equal(input.Length, AvroPrimitives.ReadString(input, 0, out var read));
            Assert.Equal(text, read);

            // A byte that never occurs in UTF-8 in place of the last 'a' or the last byte of a character.
            input[^1] = 0xFF;
            var error = AssertFails(() => AvroPrimitives.ReadString(input, 0, out _), 0, "the string is not valid UTF-8.");
            Assert.IsType<DecoderFallbackException>(error.InnerException);
        }
    }

    [Fact]
    public void Reader_position_can_be_handed_over_within_the_input_only()
    {
        var input = Hex("02 04 06");
        var reader = new AvroReader(input);
        Assert.Equal(3, reader.Input.Length);
        reader.Position = AvroPrimitives.ReadInt(reader.Input, reader.Position, out var first);
        Assert.Equal(1, first);
        Assert.Equal(2, reader.ReadInt());
        reader.Position = 3;
        reader.EnsureEnd();
        Assert.Equal(0, reader.Remaining);
        reader.Position = 0;
        Assert.Equal(1, reader.ReadInt());
        Assert.Equal(input.Length, reader.Input.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AvroReader(input) { Position = 4 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new AvroReader(input) { Position = -1 });
    }

    private static ContractDecodeException AssertFails(Func<int> read, long offset, string reason)
    {
        var error = Assert.Throws<ContractDecodeException>(() => read());
        Assert.Equal(ContractFormat.Avro, error.Format);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(reason, error.Reason);
        return error;
    }
}
