using System;
using System.Collections.Generic;
using System.Linq;
using Avro.IO;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Interop;

public sealed class PrimitiveInteropTests
{
    [Fact]
    public void Boolean_matches_Apache() => InteropAssert.Agrees(
        Gen.Bool,
        (ref AvroWriter w, bool v) => w.WriteBoolean(v),
        (e, v) => e.WriteBoolean(v),
        (ref AvroReader r) => r.ReadBoolean(),
        d => d.ReadBoolean(),
        iterations: 20);

    [Fact]
    public void Int_matches_Apache_including_every_varint_length() => InteropAssert.Agrees(
        Generators.AnyInt,
        (ref AvroWriter w, int v) => w.WriteInt(v),
        (e, v) => e.WriteInt(v),
        (ref AvroReader r) => r.ReadInt(),
        d => d.ReadInt());

    [Fact]
    public void Long_matches_Apache_including_every_varint_length() => InteropAssert.Agrees(
        Generators.AnyLong,
        (ref AvroWriter w, long v) => w.WriteLong(v),
        (e, v) => e.WriteLong(v),
        (ref AvroReader r) => r.ReadLong(),
        d => d.ReadLong());

    [Fact]
    public void Float_matches_Apache_bit_for_bit_including_NaN_and_infinities() => InteropAssert.Agrees(
        Generators.AnyFloat,
        (ref AvroWriter w, float v) => w.WriteFloat(v),
        (e, v) => e.WriteFloat(v),
        (ref AvroReader r) => r.ReadFloat(),
        d => d.ReadFloat(),
        (a, b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b));

    [Fact]
    public void Double_matches_Apache_bit_for_bit_including_NaN_and_infinities() => InteropAssert.Agrees(
        Generators.AnyDouble,
        (ref AvroWriter w, double v) => w.WriteDouble(v),
        (e, v) => e.WriteDouble(v),
        (ref AvroReader r) => r.ReadDouble(),
        d => d.ReadDouble(),
        (a, b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b));

    [Fact]
    public void Bytes_match_Apache() => InteropAssert.Agrees(
        Generators.Bytes,
        (ref AvroWriter w, byte[] v) => w.WriteBytes(v),
        (e, v) => e.WriteBytes(v),
        (ref AvroReader r) => r.ReadBytes(),
        d => d.ReadBytes(),
        (a, b) => a.AsSpan().SequenceEqual(b));

    [Fact]
    public void String_matches_Apache_including_non_BMP_characters() => InteropAssert.Agrees(
        Generators.UnicodeString,
        (ref AvroWriter w, string v) => w.WriteString(v),
        (e, v) => e.WriteString(v),
        (ref AvroReader r) => r.ReadString(),
        d => d.ReadString());

    [Fact]
    public void String_written_from_a_char_span_matches_Apache() => InteropAssert.Agrees(
        Generators.UnicodeString,
        (ref AvroWriter w, string v) => w.WriteString(v.AsSpan()),
        (e, v) => e.WriteString(v),
        (ref AvroReader r) => r.ReadString(),
        d => d.ReadString());

    [Fact]
    public void Fixed_matches_Apache() =>
        Gen.Int[0, 40].SelectMany(size => Gen.Byte.Array[size]).Sample(
            value =>
            {
                var ours = AvroCodec.Write(value, (ref AvroWriter w, byte[] v) => w.WriteFixed(v, v.Length));
                var apache = ApacheCodec.Write(e => e.WriteFixed(value));
                Assert.Equal(apache, ours);
                Assert.Equal(value, AvroCodec.ReadAll(apache, (ref AvroReader r) => r.ReadFixed(value.Length)));
                Assert.Equal(value, ApacheCodec.ReadAll(ours, d =>
                {
                    var buffer = new byte[value.Length];
                    d.ReadFixed(buffer);
                    return buffer;
                }));
            },
            iter: InteropAssert.Iterations);

    [Fact]
    public void Enum_index_matches_Apache() => InteropAssert.Agrees(
        Gen.Int[0, 5000],
        (ref AvroWriter w, int v) => w.WriteEnum(v),
        (e, v) => e.WriteEnum(v),
        (ref AvroReader r) => r.ReadEnum(5001),
        d => d.ReadEnum());

    [Fact]
    public void Union_index_matches_Apache() => InteropAssert.Agrees(
        Gen.Int[0, 300],
        (ref AvroWriter w, int v) => w.WriteUnionIndex(v),
        (e, v) => e.WriteUnionIndex(v),
        (ref AvroReader r) => r.ReadUnionIndex(301),
        d => d.ReadUnionIndex());

    [Fact]
    public void Array_blocks_match_Apache() => InteropAssert.Agrees(
        Generators.AnyLong.Array[0, 70],
        WriteLongArray,
        (e, items) =>
        {
            e.WriteArrayStart();
            e.SetItemCount(items.Length);
            foreach (var item in items)
            {
                e.StartItem();
                e.WriteLong(item);
            }

            e.WriteArrayEnd();
        },
        ReadLongArray,
        d =>
        {
            var items = new List<long>();
            for (var n = d.ReadArrayStart(); n != 0; n = d.ReadArrayNext())
            {
                for (var i = 0L; i < n; i++)
                {
                    items.Add(d.ReadLong());
                }
            }

            return items.ToArray();
        },
        (a, b) => a.AsSpan().SequenceEqual(b));

    [Fact]
    public void Map_blocks_match_Apache() => InteropAssert.Agrees(
        Gen.Select(Generators.UnicodeString, Gen.Int).Array[0, 30],
        (ref AvroWriter w, (string Key, int Value)[] entries) =>
        {
            if (entries.Length > 0)
            {
                w.WriteBlockCount(entries.Length);
                foreach (var (key, value) in entries)
                {
                    w.WriteString(key);
                    w.WriteInt(value);
                }
            }

            w.WriteBlockCount(0);
        },
        (e, entries) =>
        {
            e.WriteMapStart();
            e.SetItemCount(entries.Length);
            foreach (var (key, value) in entries)
            {
                e.StartItem();
                e.WriteString(key);
                e.WriteInt(value);
            }

            e.WriteMapEnd();
        },
        (ref AvroReader r) =>
        {
            var entries = new List<(string, int)>();
            for (var n = r.ReadBlockCount(0, 2); n != 0; n = r.ReadBlockCount(entries.Count, 2))
            {
                for (var i = 0; i < n; i++)
                {
                    entries.Add((r.ReadString(), r.ReadInt()));
                }
            }

            return entries.ToArray();
        },
        d =>
        {
            var entries = new List<(string, int)>();
            for (var n = d.ReadMapStart(); n != 0; n = d.ReadMapNext())
            {
                for (var i = 0L; i < n; i++)
                {
                    entries.Add((d.ReadString(), d.ReadInt()));
                }
            }

            return entries.ToArray();
        },
        (a, b) => a.SequenceEqual(b));

    [Fact]
    public void Blocks_with_negative_counts_and_byte_sizes_decode_like_Apache()
    {
        // Apache never writes the "negative count, then byte size" block form, but every reader must accept it.
        Gen.Int[1, 6].SelectMany(blocks => Generators.AnyLong.Array[1, 10].Array[blocks]).Sample(
            blocks =>
            {
                var bytes = AvroCodec.Write(blocks, (ref AvroWriter w, long[][] value) =>
                {
                    foreach (var block in value)
                    {
                        var body = AvroCodec.Write(block, (ref AvroWriter bw, long[] items) =>
                        {
                            foreach (var item in items)
                            {
                                bw.WriteLong(item);
                            }
                        });
                        w.WriteBlockCount(-block.Length);
                        w.WriteLong(body.Length);
                        w.WriteRaw(body);
                    }

                    w.WriteBlockCount(0);
                });

                var expected = blocks.SelectMany(block => block).ToArray();
                Assert.Equal(expected, AvroCodec.ReadAll(bytes, ReadLongArray));
                Assert.Equal(expected, ApacheCodec.ReadAll(bytes, d =>
                {
                    var items = new List<long>();
                    for (var n = d.ReadArrayStart(); n != 0; n = d.ReadArrayNext())
                    {
                        for (var i = 0L; i < n; i++)
                        {
                            items.Add(d.ReadLong());
                        }
                    }

                    return items.ToArray();
                }));
            },
            iter: 100);
    }

    private static void WriteLongArray(ref AvroWriter writer, long[] items)
    {
        if (items.Length > 0)
        {
            writer.WriteBlockCount(items.Length);
            foreach (var item in items)
            {
                writer.WriteLong(item);
            }
        }

        writer.WriteBlockCount(0);
    }

    private static long[] ReadLongArray(ref AvroReader reader)
    {
        var items = new List<long>();
        for (var n = reader.ReadBlockCount(0, 1); n != 0; n = reader.ReadBlockCount(items.Count, 1))
        {
            for (var i = 0; i < n; i++)
            {
                items.Add(reader.ReadLong());
            }
        }

        return items.ToArray();
    }
}
