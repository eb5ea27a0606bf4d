using System;
using System.Collections.Generic;
using System.Globalization;
using Contracts.Avro;
using Xunit;

namespace Contracts.Runtime.Tests.Reader;

/// <summary>
/// <c>AvroReader.ReadBlockCount(offset, itemsSoFar, minItemSize, out count)</c>, which the generated fast readers use
/// (its usual one-byte count inline, everything else out of line), and <c>ReadBlockCount(itemsSoFar, minItemSize)</c>,
/// now built on it: both against a model of the byte-at-a-time algorithm they replace, on every edge and on random
/// input, for the count, the offset after it and every error's reason and offset.
/// </summary>
public sealed class ReaderBlockCountTests
{
    private static readonly long[] Counts = [0, 1, 2, 5, 62, 63, 64, 65, 127, 128, 1000, 999_999, 1_000_000, 1_000_001, int.MaxValue, (long)int.MaxValue + 1, long.MaxValue, -1, -2, -63, -64, -65, -1_000_000, -1_000_001, long.MinValue + 1, long.MinValue];

    private static readonly long[] ItemsSoFar = [0, 1, 5, 999_999, 1_000_000];

    private static readonly int[] MinSizes = [0, 1, 2, 3, 10, 16];

    [Fact]
    public void Every_edge_count_matches_the_reference_at_every_room_and_offset()
    {
        foreach (var count in Counts)
        {
            foreach (var blockSize in count < 0 ? new long[] { -1, 0, 3, 64, 1000 } : [0])
            {
                var encoded = new List<byte>();
                Zigzag(encoded, count);
                if (count < 0)
                {
                    Zigzag(encoded, blockSize);
                }

                for (var before = 0; before <= 2; before++)
                {
                    foreach (var after in new[] { 0, 1, 4, 9, 10, 63, 64, 200 })
                    {
                        var input = new byte[before + encoded.Count + after];
                        encoded.CopyTo(input, before);
                        foreach (var itemsSoFar in ItemsSoFar)
                        {
                            foreach (var minSize in MinSizes)
                            {
                                Check(input, before, itemsSoFar, minSize, null);
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Cut_counts_and_block_sizes_fail_like_the_reference()
    {
        foreach (var count in Counts)
        {
            var encoded = new List<byte>();
            Zigzag(encoded, count);
            if (count < 0)
            {
                Zigzag(encoded, 300);
            }

            for (var cut = 0; cut < encoded.Count; cut++)
            {
                Check(encoded.GetRange(0, cut).ToArray(), 0, 0, 1, null);
            }
        }
    }

    [Fact]
    public void Random_input_matches_the_reference()
    {
        var random = new Random(20261204);
        for (var i = 0; i < 50_000; i++)
        {
            var input = new byte[random.Next(0, 24)];
            random.NextBytes(input);
            if (input.Length > 0 && random.Next(3) == 0)
            {
                input[0] &= 0x7F; // a one-byte count more often
            }

            var offset = input.Length == 0 ? 0 : random.Next(0, Math.Min(3, input.Length) + 1);
            Check(input, offset, ItemsSoFar[random.Next(ItemsSoFar.Length)], MinSizes[random.Next(MinSizes.Length)], random.Next(4) == 0 ? random.Next(0, 100) : null);
        }
    }

    [Fact]
    public void A_lower_collection_limit_is_kept_on_the_one_byte_path()
    {
        foreach (var limit in new[] { 0, 1, 2, 30, 31, 32, 63, 64 })
        {
            for (var count = 0; count < 64; count++)
            {
                foreach (var itemsSoFar in new long[] { 0, 1, 30, limit })
                {
                    Check([(byte)(count << 1), 0, 0, 0], 0, itemsSoFar, 0, limit);
                }
            }
        }
    }

    private static void Check(byte[] input, int offset, long itemsSoFar, int minItemSize, int? limit)
    {
        var options = limit is { } max ? new AvroReaderOptions { MaxCollectionLength = max } : AvroReaderOptions.Default;
        var expected = Reference(input, offset, itemsSoFar, minItemSize, options.MaxCollectionLength);
        var label = Convert.ToHexString(input) + " at " + offset + ", " + itemsSoFar + " so far, min " + minItemSize + ", limit " + options.MaxCollectionLength;

        // The offset form, Position left alone.
        var reader = new AvroReader(input, options);
        try
        {
            var end = reader.ReadBlockCount(offset, itemsSoFar, minItemSize, out var count);
            Assert.True(expected.Error is null, label + ": expected " + expected.Error + " at " + expected.ErrorOffset + ", read " + count);
            Assert.Equal(expected.Count, count);
            Assert.Equal(expected.End, end);
            Assert.Equal(0, reader.Position);
        }
        catch (ContractDecodeException e) when (expected.Error is not null)
        {
            Assert.Equal(expected.ErrorOffset, e.Offset);
            Assert.StartsWith(expected.Error, e.Reason, StringComparison.Ordinal);
        }

        // The position form.
        var positioned = new AvroReader(input, options) { Position = offset };
        try
        {
            var count = positioned.ReadBlockCount(itemsSoFar, minItemSize);
            Assert.True(expected.Error is null, label + ": expected " + expected.Error + ", read " + count);
            Assert.Equal(expected.Count, count);
            Assert.Equal(expected.End, positioned.Position);
        }
        catch (ContractDecodeException e) when (expected.Error is not null)
        {
            Assert.Equal(expected.ErrorOffset, e.Offset);
            Assert.StartsWith(expected.Error, e.Reason, StringComparison.Ordinal);
        }
    }

    /// <summary>The block count as read before the offset form existed: a long varint a byte at a time, then the checks in order.</summary>
    private static (int Count, int End, string? Error, int ErrorOffset) Reference(byte[] input, int offset, long itemsSoFar, int minItemSize, int limit)
    {
        var position = offset;
        if (!TryVarint(input, ref position, out var count, out var varintError, out var varintOffset))
        {
            return (0, 0, varintError, varintOffset);
        }

        if (count < 0)
        {
            if (count == long.MinValue)
            {
                return (0, 0, "the block count is out of range.", offset);
            }

            count = -count;
            var blockStart = position;
            if (!TryVarint(input, ref position, out var blockSize, out varintError, out varintOffset))
            {
                return (0, 0, varintError, varintOffset);
            }

            if (blockSize < 0 || blockSize > input.Length - position)
            {
                return (0, 0, "the block declares " + blockSize.ToString(CultureInfo.InvariantCulture) + " bytes but " + (input.Length - position).ToString(CultureInfo.InvariantCulture) + " remain.", blockStart);
            }
        }

        if (count > limit - itemsSoFar)
        {
            return (0, 0, "the collection declares " + ((Int128)count + itemsSoFar).ToString(CultureInfo.InvariantCulture) + " items, more than the limit of " + limit.ToString(CultureInfo.InvariantCulture), offset);
        }

        var remaining = input.Length - position;
        if (minItemSize > 0 && (count > int.MaxValue || count * minItemSize > remaining))
        {
            return (0, 0, "the block declares " + count.ToString(CultureInfo.InvariantCulture) + " items but only " + remaining.ToString(CultureInfo.InvariantCulture) + " bytes remain.", offset);
        }

        return ((int)count, position, null, 0);
    }

    private static bool TryVarint(byte[] input, ref int position, out long value, out string? error, out int errorOffset)
    {
        var start = position;
        ulong result = 0;
        value = 0;
        for (var shift = 0; shift <= 63; shift += 7)
        {
            if (position >= input.Length)
            {
                error = "the input ends early";
                errorOffset = position;
                return false;
            }

            ulong b = input[position++];
            if (shift == 63 && b > 1)
            {
                error = "the long varint is longer than 10 bytes or overflows 64 bits.";
                errorOffset = start;
                return false;
            }

            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                value = (long)(result >> 1) ^ -(long)(result & 1);
                error = null;
                errorOffset = 0;
                return true;
            }
        }

        error = "the long varint is longer than 10 bytes or overflows 64 bits.";
        errorOffset = start;
        return false;
    }

    private static void Zigzag(List<byte> output, long value)
    {
        var encoded = (ulong)((value << 1) ^ (value >> 63));
        while (encoded >= 0x80)
        {
            output.Add((byte)(encoded | 0x80));
            encoded >>= 7;
        }

        output.Add((byte)encoded);
    }
}
