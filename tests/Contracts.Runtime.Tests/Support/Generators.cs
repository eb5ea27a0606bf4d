using System;
using CsCheck;

namespace Contracts.Runtime.Tests.Support;

/// <summary>CsCheck generators for values that stress the Avro encodings.</summary>
internal static class Generators
{
    /// <summary>One Unicode scalar value: ASCII, 2-byte, 3-byte and 4-byte (non-BMP, surrogate pair) UTF-8 forms.</summary>
    public static readonly Gen<string> CodePoint = Gen.Frequency(
            (4, Gen.Int[0x00, 0x7F]),
            (2, Gen.Int[0x80, 0x7FF]),
            (2, Gen.Int[0x800, 0xD7FF]),
            (1, Gen.Int[0xE000, 0xFFFF]),
            (2, Gen.Int[0x10000, 0x10FFFF]))
        .Select(char.ConvertFromUtf32);

    /// <summary>Valid UTF-16 strings from empty to a few hundred code points (length prefixes of one and two bytes).</summary>
    public static readonly Gen<string> UnicodeString = Gen.Frequency(
            (3, CodePoint.Array[0, 12]),
            (2, CodePoint.Array[12, 40]),
            (1, CodePoint.Array[40, 300]))
        .Select(string.Concat);

    public static readonly Gen<byte[]> Bytes = Gen.Frequency(
        (3, Gen.Byte.Array[0, 16]),
        (1, Gen.Byte.Array[16, 600]));

    /// <summary>Any 32-bit pattern, NaN payloads included, plus the special values.</summary>
    public static readonly Gen<float> AnyFloat = Gen.Frequency(
        (3, Gen.Int.Select(BitConverter.Int32BitsToSingle)),
        (1, Gen.OneOfConst(float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, 0f, float.Epsilon, float.MaxValue, float.MinValue)),
        (2, Gen.Float));

    /// <summary>Any 64-bit pattern, NaN payloads included, plus the special values.</summary>
    public static readonly Gen<double> AnyDouble = Gen.Frequency(
        (3, Gen.Long.Select(BitConverter.Int64BitsToDouble)),
        (1, Gen.OneOfConst(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0d, 0d, double.Epsilon, double.MaxValue, double.MinValue)),
        (2, Gen.Double));

    /// <summary>Ints weighted towards the varint length boundaries.</summary>
    public static readonly Gen<int> AnyInt = Gen.Frequency(
        (3, Gen.Int),
        (2, Gen.Int[-200, 200]),
        (1, Gen.OneOfConst(int.MinValue, int.MaxValue, 63, 64, -64, -65, 8191, 8192, -8192, -8193, 1 << 20, -(1 << 20), (1 << 27) - 1, 1 << 27)));

    /// <summary>Longs weighted towards the varint length boundaries.</summary>
    public static readonly Gen<long> AnyLong = Gen.Frequency(
        (3, Gen.Long),
        (2, Gen.Long[-200, 200]),
        (1, Gen.Int[0, 62].Select(Gen.Bool, (shift, negative) => negative ? -(1L << shift) : (1L << shift) - 1)),
        (1, Gen.OneOfConst(long.MinValue, long.MaxValue, (long)int.MinValue, (long)int.MaxValue)));

    /// <summary>UTC instants between years 1 and 9999 whose ticks are whole multiples of <paramref name="ticksPerUnit"/>.</summary>
    public static Gen<DateTime> UtcInstant(long ticksPerUnit) =>
        Gen.Long[0, DateTime.MaxValue.Ticks / ticksPerUnit].Select(units => new DateTime(units * ticksPerUnit, DateTimeKind.Utc));

    /// <summary>
    /// UTC instants that Apache.Avro's timestamp-millis conversion gets exactly right. It computes
    /// <c>(long)TimeSpan.TotalMilliseconds</c> in double arithmetic, which is exact only while the ticks since 1970
    /// (multiples of 2^4) stay within 2^57, i.e. years 1515 to 2425; outside it Apache is off by a millisecond now
    /// and then, so those years are checked against an exact integer oracle instead.
    /// </summary>
    public static Gen<DateTime> ApacheExactUtcInstant(long ticksPerUnit) =>
        Gen.Long[(DateTime.UnixEpoch.Ticks - (1L << 57)) / ticksPerUnit, (DateTime.UnixEpoch.Ticks + (1L << 57)) / ticksPerUnit]
            .Select(units => new DateTime(units * ticksPerUnit, DateTimeKind.Utc));

    /// <summary>Offsets a <see cref="DateTimeOffset"/> may carry (whole minutes within ±14 h).</summary>
    public static readonly Gen<TimeSpan> Offset = Gen.Int[-14 * 60, 14 * 60].Select(minutes => TimeSpan.FromMinutes(minutes));
}
