using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Avro;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// The zig-zag varints of <see cref="AvroPrimitives.WriteInt"/> and <see cref="AvroPrimitives.WriteLong"/> (one bit
/// deposit and one or two stores where BMI2 is there and the destination has room, a byte loop otherwise) against a
/// byte-at-a-time reference: every value on both sides of every 7-bit group boundary, both signs, at offsets where the
/// destination ends at the value's bound, just past its bytes, and far beyond it; nothing outside the bound is touched.
/// </summary>
public sealed class VarintWriteTests
{
    private delegate int WriteAt(Span<byte> destination, int offset);

    [Fact]
    public void Ints_around_every_group_boundary_encode_like_the_byte_loop_at_every_room()
    {
        foreach (var value in Boundaries(32).Select(v => (int)v).Distinct())
        {
            var expected = Reference((uint)((value << 1) ^ (value >> 31)));
            AssertEveryRoom(expected, AvroPrimitives.MaxIntSize, (span, offset) => AvroPrimitives.WriteInt(span, offset, value), "int " + value);
        }
    }

    [Fact]
    public void Longs_around_every_group_boundary_encode_like_the_byte_loop_at_every_room()
    {
        foreach (var value in Boundaries(64).Distinct())
        {
            var expected = Reference((ulong)((value << 1) ^ (value >> 63)));
            AssertEveryRoom(expected, AvroPrimitives.MaxLongSize, (span, offset) => AvroPrimitives.WriteLong(span, offset, value), "long " + value);
        }
    }

    [Fact]
    public void Random_ints_and_longs_of_every_length_encode_like_the_byte_loop()
    {
        // A random bit count first, so every byte length is drawn about as often.
        Gen.Select(Gen.Int[0, 64], Gen.Long, Gen.Int[0, 12]).Sample(
            (bits, raw, offset) =>
            {
                var value = bits == 64 ? raw : raw & ((1L << bits) - 1);
                var asInt = (int)value;
                AssertAt(Reference((ulong)((value << 1) ^ (value >> 63))), AvroPrimitives.MaxLongSize, offset, offset + AvroPrimitives.MaxLongSize + 8, (s, o) => AvroPrimitives.WriteLong(s, o, value), "long " + value);
                AssertAt(Reference((uint)((asInt << 1) ^ (asInt >> 31))), AvroPrimitives.MaxIntSize, offset, offset + AvroPrimitives.MaxIntSize + 8, (s, o) => AvroPrimitives.WriteInt(s, o, asInt), "int " + asInt);
            },
            iter: 20_000);
    }

    [Fact]
    public void A_destination_too_small_for_the_varint_is_the_span_error_and_nothing_outside_is_written()
    {
        var buffer = Enumerable.Repeat((byte)0xCC, 32).ToArray();
        Assert.Throws<IndexOutOfRangeException>(() => AvroPrimitives.WriteLong(buffer.AsSpan(8, 6), 0, long.MaxValue));
        Assert.Throws<IndexOutOfRangeException>(() => AvroPrimitives.WriteInt(buffer.AsSpan(8, 6), 3, int.MinValue));
        Assert.Throws<IndexOutOfRangeException>(() => AvroPrimitives.WriteLong(buffer.AsSpan(8, 6), -1, 1L << 40));
        Assert.All(buffer[..8], b => Assert.Equal(0xCC, b));
        Assert.All(buffer[14..], b => Assert.Equal(0xCC, b));
    }

    /// <summary>0, ±2^k and its neighbours for every k below <paramref name="bits"/>, and the extremes.</summary>
    private static IEnumerable<long> Boundaries(int bits)
    {
        var max = bits == 32 ? int.MaxValue : long.MaxValue;
        var min = bits == 32 ? int.MinValue : long.MinValue;
        yield return 0;
        yield return max;
        yield return min;
        yield return max - 1;
        yield return min + 1;
        for (var k = 0; k < bits - 1; k++)
        {
            var power = 1L << k;
            foreach (var value in new[] { power - 1, power, power + 1, -power - 1, -power, -power + 1 })
            {
                yield return value;
            }
        }
    }

    private static void AssertEveryRoom(byte[] expected, int bound, WriteAt write, string name)
    {
        foreach (var offset in new[] { 0, 1, 7, 13 })
        {
            // The destination ends at the value's bytes, at its bound, a little past it, and far past it.
            foreach (var end in new[] { offset + expected.Length, offset + bound, offset + bound + 3, offset + 64 }.Distinct())
            {
                AssertAt(expected, bound, offset, end, write, name);
            }
        }
    }

    private static void AssertAt(byte[] expected, int bound, int offset, int destinationEnd, WriteAt write, string name)
    {
        var buffer = Enumerable.Repeat((byte)0xCC, destinationEnd + 16).ToArray();
        var end = write(buffer.AsSpan(0, destinationEnd), offset);
        Assert.True(offset + expected.Length == end, $"{name}: ended at {end}, expected {offset + expected.Length}");
        Assert.Equal(expected, buffer[offset..end]);
        Assert.All(buffer[..offset], b => Assert.Equal(0xCC, b));

        // Bytes past the value may be overwritten up to its bound, never beyond it.
        Assert.All(buffer[Math.Min(offset + bound, destinationEnd)..], b => Assert.Equal(0xCC, b));
    }

    private static byte[] Reference(ulong zigZag)
    {
        var bytes = new List<byte>();
        while (zigZag >= 0x80)
        {
            bytes.Add((byte)(zigZag | 0x80));
            zigZag >>= 7;
        }

        bytes.Add((byte)zigZag);
        return bytes.ToArray();
    }
}
