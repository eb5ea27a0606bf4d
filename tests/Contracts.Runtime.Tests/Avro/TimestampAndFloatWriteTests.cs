using System;
using System.Linq;
using System.Numerics;
using Contracts.Avro;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// Timestamps (an unsigned division where the tick count allows it, the floored signed one otherwise) against a
/// <see cref="BigInteger"/> floor division, at the ends of the <see cref="DateTime"/> range and around the epoch; floats
/// and doubles (one range check, then a store) against <see cref="BitConverter"/> at every room, with the same span
/// errors as before when the room is short.
/// </summary>
public sealed class TimestampAndFloatWriteTests
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    [Fact]
    public void Timestamps_at_the_ends_of_the_range_and_around_the_epoch_are_floored_units_since_it()
    {
        var ticks = new[]
        {
            0L, 1L, 9_999L, 10_000L, 10_001L, EpochTicks - 10_001, EpochTicks - 10_000, EpochTicks - 9_999, EpochTicks - 11,
            EpochTicks - 10, EpochTicks - 9, EpochTicks - 1, EpochTicks, EpochTicks + 1, EpochTicks + 9, EpochTicks + 10,
            EpochTicks + 9_999, EpochTicks + 10_000, DateTime.MaxValue.Ticks - 1, DateTime.MaxValue.Ticks,
        };
        foreach (var tick in ticks)
        {
            AssertTimestamps(tick);
        }
    }

    [Fact]
    public void Random_timestamps_are_floored_units_since_the_epoch() =>
        Gen.Long[0, DateTime.MaxValue.Ticks].Sample(AssertTimestamps, iter: 20_000);

    [Fact]
    public void Floats_and_doubles_are_their_little_endian_bits_at_every_room()
    {
        double[] doubles = [0.0, -0.0, 1.5, -19.99, double.Epsilon, double.MaxValue, double.MinValue, double.NaN, BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001), double.PositiveInfinity, double.NegativeInfinity];
        foreach (var value in doubles)
        {
            foreach (var offset in new[] { 0, 1, 5, 8 })
            {
                foreach (var room in new[] { 8, 9, 16 })
                {
                    var buffer = Enumerable.Repeat((byte)0xCC, offset + room + 4).ToArray();
                    Assert.Equal(offset + 8, AvroPrimitives.WriteDouble(buffer.AsSpan(0, offset + room), offset, value));
                    Assert.Equal(BitConverter.GetBytes(value), buffer[offset..(offset + 8)]);
                    Assert.All(buffer[(offset + 8)..], b => Assert.Equal(0xCC, b));

                    var single = (float)value;
                    buffer = Enumerable.Repeat((byte)0xCC, offset + room + 4).ToArray();
                    Assert.Equal(offset + 4, AvroPrimitives.WriteFloat(buffer.AsSpan(0, offset + room - 4), offset, single));
                    Assert.Equal(BitConverter.GetBytes(single), buffer[offset..(offset + 4)]);
                    Assert.All(buffer[(offset + 4)..], b => Assert.Equal(0xCC, b));
                }
            }
        }
    }

    [Fact]
    public void A_float_or_double_without_room_is_the_span_error_and_nothing_is_written()
    {
        var buffer = Enumerable.Repeat((byte)0xCC, 32).ToArray();
        foreach (var (offset, length) in new[] { (0, 7), (3, 10), (8, 8), (9, 8), (-1, 16), (int.MaxValue, 16) })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => AvroPrimitives.WriteDouble(buffer.AsSpan(8, length), offset, 1.5));
        }

        foreach (var (offset, length) in new[] { (0, 3), (7, 10), (8, 8), (9, 8), (-1, 16), (int.MaxValue, 16) })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => AvroPrimitives.WriteFloat(buffer.AsSpan(8, length), offset, 1.5f));
        }

        Assert.All(buffer, b => Assert.Equal(0xCC, b));
    }

    private static void AssertTimestamps(long ticks)
    {
        var utc = new DateTime(ticks, DateTimeKind.Utc);
        var offsetValue = new DateTimeOffset(utc);
        var unspecified = new DateTime(ticks, DateTimeKind.Unspecified);
        var millis = Floor(ticks - EpochTicks, TimeSpan.TicksPerMillisecond);
        var micros = Floor(ticks - EpochTicks, TimeSpan.TicksPerMicrosecond);
        AssertLong(millis, (s, o) => AvroPrimitives.WriteTimestampMillis(s, o, utc));
        AssertLong(micros, (s, o) => AvroPrimitives.WriteTimestampMicros(s, o, utc));
        AssertLong(millis, (s, o) => AvroPrimitives.WriteTimestampMillis(s, o, offsetValue));
        AssertLong(micros, (s, o) => AvroPrimitives.WriteTimestampMicros(s, o, offsetValue));
        AssertLong(millis, (s, o) => AvroPrimitives.WriteLocalTimestampMillis(s, o, unspecified));
        AssertLong(micros, (s, o) => AvroPrimitives.WriteLocalTimestampMicros(s, o, unspecified));
    }

    private delegate int WriteAt(Span<byte> destination, int offset);

    private static void AssertLong(long expected, WriteAt write)
    {
        var actual = new byte[AvroPrimitives.MaxLongSize];
        var end = write(actual, 0);
        var reference = new byte[AvroPrimitives.MaxLongSize];
        var referenceEnd = AvroPrimitives.WriteLong(reference, 0, expected);
        Assert.Equal(reference[..referenceEnd], actual[..end]);
    }

    private static long Floor(long value, long unit)
    {
        var quotient = BigInteger.DivRem(value, unit, out var remainder);
        return (long)(remainder < 0 ? quotient - 1 : quotient);
    }
}
