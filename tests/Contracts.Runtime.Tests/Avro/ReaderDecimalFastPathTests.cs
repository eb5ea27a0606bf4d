using System;
using System.Linq;
using System.Numerics;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using Xunit;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// <see cref="AvroPrimitives.ReadDecimal"/> reads 1 to 8 bytes with one 8-byte load when 8 bytes end with the value,
/// and byte by byte otherwise (at the start of the input, longer values, scales past 28). Both must give the
/// two's complement value at the schema's scale, bit for bit, and cut input must fail as before.
/// </summary>
public sealed class ReaderDecimalFastPathTests
{
    [Fact]
    public void Values_of_1_to_8_bytes_at_any_offset_read_as_their_twos_complement_at_the_scale()
    {
        var random = new Random(20261204);
        foreach (var length in Enumerable.Range(1, 8))
        {
            foreach (var scale in new[] { 0, 2, 9, 28 })
            {
                foreach (var padding in Enumerable.Range(0, 10))
                {
                    for (var sample = 0; sample < 20; sample++)
                    {
                        var bytes = new byte[length];
                        random.NextBytes(bytes);
                        bytes[0] = sample switch { 0 => 0x80, 1 => 0x7F, 2 => 0xFF, 3 => 0x00, _ => bytes[0] };
                        var input = new byte[padding].Concat(Prefix(length)).Concat(bytes).ToArray();
                        Assert.Equal(input.Length, AvroPrimitives.ReadDecimal(input, padding, scale, out var read));
                        Assert.Equal(decimal.GetBits(Expected(bytes, scale)), decimal.GetBits(read));
                    }
                }
            }
        }
    }

    [Fact]
    public void A_value_cut_short_still_fails_at_its_length_prefix()
    {
        var input = new byte[9].Concat(Prefix(3)).Concat(new byte[] { 0x01, 0xF7 }).ToArray();
        var error = Assert.Throws<ContractDecodeException>(() => AvroPrimitives.ReadDecimal(input, 9, 2, out _));
        Assert.Equal(9L, error.Offset);
        Assert.Equal("the bytes length 3 is larger than the 2 bytes that remain.", error.Reason);
    }

    private static byte[] Prefix(int length) => AvroCodec.Write((long)length, (ref AvroWriter w, long value) => w.WriteLong(value));

    /// <summary>The decimal of big-endian two's complement <paramref name="bytes"/> at <paramref name="scale"/>, through BigInteger.</summary>
    private static decimal Expected(byte[] bytes, int scale)
    {
        var unscaled = new BigInteger(bytes, isUnsigned: false, isBigEndian: true);
        var magnitude = (ulong)BigInteger.Abs(unscaled);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled.Sign < 0, (byte)scale);
    }
}
