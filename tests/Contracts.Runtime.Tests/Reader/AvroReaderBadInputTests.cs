using System;
using System.Linq;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using Xunit;
using static Contracts.Runtime.Tests.Support.DecodeAssert;

namespace Contracts.Runtime.Tests.Reader;

/// <summary>Every kind of corrupt input named in the contract-core issue, each with its offset and reason.</summary>
public sealed class AvroReaderBadInputTests
{
    [Theory]
    [InlineData("c8 01 41 42", "the string length 100 is larger than the 2 bytes that remain")]
    [InlineData("06 41 42", "the string length 3 is larger than the 2 bytes that remain")]
    [InlineData("01", "the string length is negative (-1)")]
    [InlineData("ff ff ff ff ff ff ff ff ff 01", "the string length is negative")]
    [InlineData("fe ff ff ff 0f", "larger than the 0 bytes that remain")]
    public void String_length_that_is_negative_or_past_the_end_is_rejected_at_the_length(string hex, string reason)
    {
        Fails(Hex("00 " + hex), (ref AvroReader r) => { r.ReadBoolean(); return r.ReadString(); }, 1, reason);
        Fails(Hex("00 " + hex), (ref AvroReader r) => { r.ReadBoolean(); return r.ReadStringBytes().Length; }, 1, reason);
        Fails(Hex("00 " + hex), (ref AvroReader r) => { r.ReadBoolean(); return r.ReadUuid(); }, 1, reason);
    }

    [Theory]
    [InlineData("c8 01 41 42", 0, "the bytes length 100 is larger than the 2 bytes that remain")]
    [InlineData("03", 0, "the bytes length is negative (-2)")]
    [InlineData("fe ff ff ff ff ff ff ff ff 01", 0, "the bytes length 9223372036854775807 is larger than the 0 bytes that remain")]
    public void Bytes_length_that_is_negative_or_past_the_end_is_rejected_at_the_length(string hex, int offset, string reason)
    {
        Fails(Hex(hex), (ref AvroReader r) => r.ReadBytes(), offset, reason);
        Fails(Hex(hex), (ref AvroReader r) => r.ReadBytesSpan().Length, offset, reason);
        Fails(Hex(hex), (ref AvroReader r) => r.ReadDecimal(2), offset, reason);
    }

    [Theory]
    [InlineData("80 80 80 80 80 00", "longer than 5 bytes")]
    [InlineData("ff ff ff ff 1f", "overflows 32 bits")]
    [InlineData("ff ff ff ff ff 01", "longer than 5 bytes")]
    public void Int_varint_that_is_overlong_or_overflows_is_rejected_at_its_first_byte(string hex, string reason)
    {
        var bytes = Hex("00 " + hex);
        Fails(bytes, (ref AvroReader r) => { r.ReadInt(); return r.ReadInt(); }, 1, reason);
        Fails(bytes, (ref AvroReader r) => { r.ReadInt(); return r.ReadEnum(3); }, 1, reason);
        Fails(bytes, (ref AvroReader r) => { r.ReadInt(); return r.ReadUnionIndex(2); }, 1, reason);
        Fails(bytes, (ref AvroReader r) => { r.ReadInt(); return r.ReadDate(); }, 1, reason);
    }

    [Fact]
    public void Int_varint_of_five_bytes_at_the_limits_is_accepted()
    {
        Assert.Equal(int.MaxValue, AvroCodec.ReadAll(Hex("fe ff ff ff 0f"), (ref AvroReader r) => r.ReadInt()));
        Assert.Equal(int.MinValue, AvroCodec.ReadAll(Hex("ff ff ff ff 0f"), (ref AvroReader r) => r.ReadInt()));
        // A redundant continuation (non-minimal form) is still a well-formed varint; Apache and Java accept it too.
        Assert.Equal(0, AvroCodec.ReadAll(Hex("80 80 00"), (ref AvroReader r) => r.ReadInt()));
    }

    [Theory]
    [InlineData("80 80 80 80 80 80 80 80 80 80 00", "longer than 10 bytes")]
    [InlineData("ff ff ff ff ff ff ff ff ff 03", "overflows 64 bits")]
    [InlineData("80 80 80 80 80 80 80 80 80 02", "overflows 64 bits")]
    public void Long_varint_that_is_overlong_or_overflows_is_rejected_at_its_first_byte(string hex, string reason)
    {
        var bytes = Hex("00 00 " + hex);
        Fails(bytes, (ref AvroReader r) => { r.ReadLong(); r.ReadLong(); return r.ReadLong(); }, 2, reason);
        Fails(bytes, (ref AvroReader r) => { r.ReadLong(); r.ReadLong(); return r.ReadTimestampMicros(); }, 2, reason);
        Fails(bytes, (ref AvroReader r) => { r.ReadLong(); r.ReadLong(); return r.ReadBlockCount(0, 0); }, 2, reason);
        Fails(bytes, (ref AvroReader r) => { r.ReadLong(); r.ReadLong(); return r.ReadString(); }, 2, reason);
    }

    [Fact]
    public void Long_varint_of_ten_bytes_at_the_limits_is_accepted()
    {
        Assert.Equal(long.MaxValue, AvroCodec.ReadAll(Hex("fe ff ff ff ff ff ff ff ff 01"), (ref AvroReader r) => r.ReadLong()));
        Assert.Equal(long.MinValue, AvroCodec.ReadAll(Hex("ff ff ff ff ff ff ff ff ff 01"), (ref AvroReader r) => r.ReadLong()));
    }

    [Theory]
    [InlineData("02 80")] // a lone continuation byte
    [InlineData("04 c0 af")] // an overlong form of '/'
    [InlineData("06 ed a0 80")] // a UTF-16 surrogate encoded as UTF-8
    [InlineData("04 e2 82")] // a 3-byte sequence cut short
    [InlineData("08 f4 90 80 80")] // above U+10FFFF
    [InlineData("02 ff")]
    [InlineData("0a 41 42 43 44 fe")] // valid text then a byte that never occurs in UTF-8
    public void String_that_is_not_valid_UTF8_is_rejected_at_its_length(string hex)
    {
        var error = Fails(Hex("00 " + hex), (ref AvroReader r) => { r.ReadBoolean(); return r.ReadString(); }, 1, "the string is not valid UTF-8");
        Assert.IsType<System.Text.DecoderFallbackException>(error.InnerException);
    }

    [Theory]
    [InlineData("02", "found 0x02")]
    [InlineData("ff", "found 0xFF")]
    [InlineData("80", "found 0x80")]
    public void Boolean_byte_other_than_0_or_1_is_rejected_at_that_byte(string hex, string reason) =>
        Fails(Hex("01 00 " + hex), (ref AvroReader r) => { r.ReadBoolean(); r.ReadBoolean(); return r.ReadBoolean(); }, 2, "a boolean must be byte 0 or 1, " + reason);

    [Theory]
    [InlineData("0a", "enum symbol index 5 is out of range; the enum has 5 symbols")]
    [InlineData("01", "enum symbol index -1 is out of range")]
    [InlineData("fe ff ff ff 0f", "enum symbol index 2147483647 is out of range")]
    public void Enum_index_outside_the_symbols_is_rejected_at_the_index(string hex, string reason) =>
        Fails(Hex("00 " + hex), (ref AvroReader r) => { r.ReadEnum(5); return r.ReadEnum(5); }, 1, reason);

    [Theory]
    [InlineData("04", "union branch index 2 is out of range; the union has 2 branches")]
    [InlineData("01", "union branch index -1 is out of range")]
    public void Union_index_outside_the_branches_is_rejected_at_the_index(string hex, string reason) =>
        Fails(Hex("02 00 " + hex), (ref AvroReader r) => { r.ReadUnionIndex(2); r.ReadInt(); return r.ReadUnionIndex(2); }, 2, reason);

    [Fact]
    public void Trailing_bytes_after_the_message_are_rejected_by_EnsureEnd() =>
        Fails(Hex("02 00 00"), (ref AvroReader r) => r.ReadInt(), 1, "2 bytes remain after the end of the message");

    [Theory]
    [InlineData(4, "00 00 00", 0)]
    [InlineData(8, "00 00 00 00 00 00 00", 0)]
    public void Float_and_double_cut_short_are_rejected_where_they_start(int size, string hex, int offset)
    {
        var reason = $"the input ends early: {size} more bytes were expected but {size - 1} remain";
        if (size == 4)
        {
            Fails(Hex(hex), (ref AvroReader r) => r.ReadFloat(), offset, reason);
        }
        else
        {
            Fails(Hex(hex), (ref AvroReader r) => r.ReadDouble(), offset, reason);
        }
    }

    [Fact]
    public void Fixed_cut_short_is_rejected_where_it_starts()
    {
        Fails(Hex("00 01 02 03"), (ref AvroReader r) => { r.ReadBoolean(); return r.ReadFixed(16); }, 1, "16 more bytes were expected but 3 remain");
        Fails(Hex("00 01 02 03"), (ref AvroReader r) => { r.ReadBoolean(); return r.ReadDecimalFixed(2, 8); }, 1, "8 more bytes were expected but 3 remain");
    }

    [Fact]
    public void Varint_cut_short_is_rejected_at_the_end_of_the_input()
    {
        Fails(Hex("00 80 80"), (ref AvroReader r) => { r.ReadInt(); return r.ReadInt(); }, 3, "the input ends early");
        Fails(Hex("00 ff"), (ref AvroReader r) => { r.ReadInt(); return r.ReadLong(); }, 2, "the input ends early");
        Fails([], (ref AvroReader r) => r.ReadBoolean(), 0, "the input ends early");
    }

    [Fact]
    public void Truncation_at_every_offset_of_a_message_is_rejected_inside_the_value_that_was_cut()
    {
        var message = SampleMessage.Create();
        var whole = message.SelectMany(segment => segment.Bytes).ToArray();
        Assert.Equal(SampleMessage.Expected, AvroCodec.ReadAll(whole, SampleMessage.Read));

        var start = 0;
        foreach (var (name, bytes) in message)
        {
            for (var cut = start; cut < start + bytes.Length; cut++)
            {
                var prefix = whole[..cut];
                var error = Assert.Throws<ContractDecodeException>(() => AvroCodec.ReadAll(prefix, SampleMessage.Read));
                Assert.True(
                    error.Offset >= start && error.Offset <= cut,
                    $"cut at {cut} inside {name} (bytes {start}..{start + bytes.Length - 1}) reported offset {error.Offset}: {error.Message}");
                Assert.True(
                    error.Reason.StartsWith("the input ends early", StringComparison.Ordinal) || error.Reason.Contains("remain", StringComparison.Ordinal),
                    $"cut at {cut} inside {name}: {error.Reason}");
            }

            start += bytes.Length;
        }
    }

    [Fact]
    public void Huge_declared_item_count_is_rejected_against_the_remaining_input_before_anything_is_read()
    {
        // 1,000 items of at least one byte each cannot fit in 2 bytes.
        Fails(Hex("d0 0f 02 04"), (ref AvroReader r) => r.ReadBlockCount(0, 1), 0, "the block declares 1000 items but only 2 bytes remain");
        Fails(Hex("d0 0f 02 04"), (ref AvroReader r) => r.ReadBlockCount(0, 8), 0, "the block declares 1000 items but only 2 bytes remain");
    }

    [Fact]
    public void Declared_item_count_over_MaxCollectionLength_is_rejected_even_for_items_of_no_bytes()
    {
        // int.MaxValue items of "null" take no bytes at all; only the limit stands between them and an allocation.
        Fails(Hex("fe ff ff ff 0f"), (ref AvroReader r) => r.ReadBlockCount(0, 0), 0, "the collection declares 2147483647 items, more than the limit of 1000000 (AvroReaderOptions.MaxCollectionLength)");
        Fails(Hex("fe ff ff ff ff ff ff ff ff 01"), (ref AvroReader r) => r.ReadBlockCount(0, 0), 0, "more than the limit of 1000000");
    }

    [Fact]
    public void Item_count_summed_over_blocks_is_held_to_MaxCollectionLength()
    {
        var options = new AvroReaderOptions { MaxCollectionLength = 10 };
        // Two blocks of 6 and 5 longs: the second block pushes the total to 11.
        var bytes = Hex("0c 00 00 00 00 00 00 0a 00 00 00 00 00 00");
        Fails(bytes, ReadLongArray, 7, "the collection declares 11 items, more than the limit of 10", options);
        Assert.Equal(10, AvroCodec.ReadAll(Hex("0c 00 00 00 00 00 00 08 00 00 00 00 00"), ReadLongArray, options).Length);
    }

    [Fact]
    public void Item_count_that_would_overflow_the_running_total_is_rejected()
    {
        // array<null>: a first block of one item, then a block declaring long.MaxValue items; the sum must not wrap.
        var bytes = Hex("02 fe ff ff ff ff ff ff ff ff 01");
        Fails(bytes, ReadNullArray, 1, "more than the limit of 1000000");
    }

    [Fact]
    public void Negative_block_count_of_long_MinValue_is_rejected()
    {
        Fails(Hex("ff ff ff ff ff ff ff ff ff 01"), (ref AvroReader r) => r.ReadBlockCount(0, 0), 0, "the block count is out of range");
    }

    [Theory]
    [InlineData("03 c8 01 00", 1, "the block declares 100 bytes but 1 remain")]
    [InlineData("03 01 00", 1, "the block declares -1 bytes")]
    public void Negative_block_count_with_a_bad_byte_size_is_rejected_at_the_size(string hex, int offset, string reason) =>
        Fails(Hex(hex), (ref AvroReader r) => r.ReadBlockCount(0, 1), offset, reason);

    [Fact]
    public void Nesting_deeper_than_MaxDepth_is_rejected_where_the_level_starts()
    {
        // array<array<array<...>>>: each level is a block of one item followed by the end marker of its parent.
        var depth = 10;
        var bytes = Enumerable.Repeat((byte)0x02, depth).Append((byte)0x00).Concat(Enumerable.Repeat((byte)0x00, depth)).ToArray();
        Assert.Equal(depth + 1, AvroCodec.ReadAll(bytes, ReadNestedArrays, new AvroReaderOptions { MaxDepth = depth + 1 }));
        Fails(bytes, ReadNestedArrays, 4, "nesting is deeper than the limit of 4 (AvroReaderOptions.MaxDepth)", new AvroReaderOptions { MaxDepth = 4 });
    }

    [Fact]
    public void Hostile_nesting_a_hundred_thousand_levels_deep_stops_at_the_default_MaxDepth()
    {
        var bytes = Enumerable.Repeat((byte)0x02, 100_000).ToArray();
        Fails(bytes, ReadNestedArrays, AvroReaderOptions.Default.MaxDepth, "nesting is deeper than the limit of 64");
    }

    [Theory]
    [InlineData(new byte[] { 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })] // Int128.MaxValue
    [InlineData(new byte[] { 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 })] // Int128.MinValue
    [InlineData(new byte[] { 0xFF, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 })] // Int128.MinValue sign-extended
    [InlineData(new byte[] { 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 })] // 2^96
    [InlineData(new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })] // -(2^96) - ...
    [InlineData(new byte[] { 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 })] // 2^120 in 17 bytes
    [InlineData(new byte[] { 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 })] // 2^128
    public void Decimal_outside_the_range_of_System_Decimal_is_rejected_at_the_value(byte[] unscaled)
    {
        var bytes = AvroCodec.Write(unscaled, (ref AvroWriter w, byte[] v) => { w.WriteInt(7); w.WriteBytes(v); });
        Fails(bytes, (ref AvroReader r) => { r.ReadInt(); return r.ReadDecimal(0); }, 1, "is outside the range of System.Decimal");
        Fails(bytes, (ref AvroReader r) => { r.ReadInt(); return r.ReadDecimal(10); }, 1, "is outside the range of System.Decimal");
        var asFixed = AvroCodec.Write(unscaled, (ref AvroWriter w, byte[] v) => { w.WriteInt(7); w.WriteRaw(v); });
        Fails(asFixed, (ref AvroReader r) => { r.ReadInt(); return r.ReadDecimalFixed(0, unscaled.Length); }, 1, "is outside the range of System.Decimal");
    }

    [Fact]
    public void Decimal_with_more_decimals_than_System_Decimal_holds_is_rejected_not_rounded()
    {
        // Unscaled 1 at scale 29 is 1e-29: System.Decimal stops at 28 decimals, so this value cannot be represented.
        Fails(Hex("02 02"), (ref AvroReader r) => r.ReadDecimal(29), 0, "at scale 29) is outside the range of System.Decimal");
        // Unscaled 10 at scale 29 is 1e-28 and fits.
        Assert.Equal(0.0000000000000000000000000001m, AvroCodec.ReadAll(Hex("02 0a"), (ref AvroReader r) => r.ReadDecimal(29)));
    }

    [Fact]
    public void Decimal_at_the_edges_of_System_Decimal_is_read()
    {
        var max = AvroCodec.Write(decimal.MaxValue, (ref AvroWriter w, decimal v) => w.WriteDecimal(v, 29, 0));
        Assert.Equal(decimal.MaxValue, AvroCodec.ReadAll(max, (ref AvroReader r) => r.ReadDecimal(0)));
        var min = AvroCodec.Write(decimal.MinValue, (ref AvroWriter w, decimal v) => w.WriteDecimal(v, 29, 0));
        Assert.Equal(decimal.MinValue, AvroCodec.ReadAll(min, (ref AvroReader r) => r.ReadDecimal(0)));
        Assert.Equal(0m, AvroCodec.ReadAll(Hex("00"), (ref AvroReader r) => r.ReadDecimal(4)));
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    [InlineData(2_932_897)] // 10000-01-01
    [InlineData(-719_163)] // 0000-12-31
    public void Date_outside_the_range_of_DateOnly_is_rejected(int days)
    {
        var bytes = AvroCodec.Write(days, (ref AvroWriter w, int v) => { w.WriteBoolean(true); w.WriteInt(v); });
        Fails(bytes, (ref AvroReader r) => { r.ReadBoolean(); return r.ReadDate(); }, 1, "days from 1970-01-01, outside the range of DateOnly");
    }

    [Fact]
    public void Date_at_the_edges_of_DateOnly_is_read()
    {
        Assert.Equal(DateOnly.MaxValue, AvroCodec.ReadAll(AvroCodec.Write(2_932_896, (ref AvroWriter w, int v) => w.WriteInt(v)), (ref AvroReader r) => r.ReadDate()));
        Assert.Equal(DateOnly.MinValue, AvroCodec.ReadAll(AvroCodec.Write(-719_162, (ref AvroWriter w, int v) => w.WriteInt(v)), (ref AvroReader r) => r.ReadDate()));
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(253_402_300_800_000L)] // 10000-01-01 in milliseconds
    [InlineData(-62_135_596_800_001L)] // one millisecond before 0001-01-01
    public void Timestamp_outside_the_range_of_DateTime_is_rejected(long units)
    {
        var bytes = AvroCodec.Write(units, (ref AvroWriter w, long v) => { w.WriteBoolean(false); w.WriteLong(v); });
        Fails(bytes, (ref AvroReader r) => { r.ReadBoolean(); return r.ReadTimestampMillis(); }, 1, "timestamp-millis");
        Fails(bytes, (ref AvroReader r) => { r.ReadBoolean(); return r.ReadTimestampMillisOffset(); }, 1, "is outside the range of DateTime");
        Fails(bytes, (ref AvroReader r) => { r.ReadBoolean(); return r.ReadLocalTimestampMillis(); }, 1, "local-timestamp-millis");
        Fails(bytes, (ref AvroReader r) => { r.ReadBoolean(); return r.ReadLocalTimestampMillisOffset(); }, 1, "is outside the range of DateTime");
        if (units is long.MaxValue or long.MinValue)
        {
            Fails(bytes, (ref AvroReader r) => { r.ReadBoolean(); return r.ReadTimestampMicros(); }, 1, "timestamp-micros");
            Fails(bytes, (ref AvroReader r) => { r.ReadBoolean(); return r.ReadTimestampMicrosOffset(); }, 1, "is outside the range of DateTime");
            Fails(bytes, (ref AvroReader r) => { r.ReadBoolean(); return r.ReadLocalTimestampMicros(); }, 1, "local-timestamp-micros");
            Fails(bytes, (ref AvroReader r) => { r.ReadBoolean(); return r.ReadLocalTimestampMicrosOffset(); }, 1, "is outside the range of DateTime");
        }
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(86_400_000_000L)]
    [InlineData(long.MaxValue)]
    public void Time_micros_outside_one_day_is_rejected(long micros) =>
        Fails(AvroCodec.Write(micros, (ref AvroWriter w, long v) => w.WriteLong(v)), (ref AvroReader r) => r.ReadTimeMicros(), 0, "is not within one day");

    [Theory]
    [InlineData(-1)]
    [InlineData(86_400_000)]
    [InlineData(int.MinValue)]
    public void Time_millis_outside_one_day_is_rejected(int millis) =>
        Fails(AvroCodec.Write(millis, (ref AvroWriter w, int v) => w.WriteInt(v)), (ref AvroReader r) => r.ReadTimeMillis(), 0, "is not within one day");

    [Theory]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950")] // 35 characters
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e0")] // 37 characters
    [InlineData("{0f8fad5b-d9cb-469f-a165-70867728950e}")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950g")]
    [InlineData("0f8fad5b+d9cb-469f-a165-70867728950e")]
    [InlineData("")]
    public void Uuid_not_in_the_36_character_form_is_rejected(string text) =>
        Fails(AvroCodec.Write(text, (ref AvroWriter w, string v) => { w.WriteInt(1); w.WriteString(v); }), (ref AvroReader r) => { r.ReadInt(); return r.ReadUuid(); }, 1, "the uuid is not in the 36-character form");

    private static long[] ReadLongArray(ref AvroReader reader)
    {
        var items = new System.Collections.Generic.List<long>();
        for (var n = reader.ReadBlockCount(0, 1); n != 0; n = reader.ReadBlockCount(items.Count, 1))
        {
            for (var i = 0; i < n; i++)
            {
                items.Add(reader.ReadLong());
            }
        }

        return items.ToArray();
    }

    private static long ReadNullArray(ref AvroReader reader)
    {
        long total = 0;
        for (var n = reader.ReadBlockCount(0, 0); n != 0; n = reader.ReadBlockCount(total, 0))
        {
            total += n;
        }

        return total;
    }

    // Reads array<array<...>> and returns how many levels it saw.
    private static int ReadNestedArrays(ref AvroReader reader)
    {
        reader.Enter();
        var deepest = 0;
        for (var n = reader.ReadBlockCount(0, 1); n != 0; n = reader.ReadBlockCount(n, 1))
        {
            for (var i = 0; i < n; i++)
            {
                deepest = Math.Max(deepest, ReadNestedArrays(ref reader));
            }
        }

        reader.Exit();
        return deepest + 1;
    }
}
