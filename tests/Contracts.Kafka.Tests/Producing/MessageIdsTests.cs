using System;
using System.Collections.Generic;
using Xunit;

namespace Contracts.Kafka.Tests.Producing;

public sealed class MessageIdsTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1_700_000_000_123L)]
    [InlineData(253_402_300_799_999L)] // the last millisecond DateTimeOffset can hold (year 9999)
    public void Ids_are_version_7_with_the_same_timestamp_layout_as_the_framework(long unixTimeMilliseconds)
    {
        var ours = MessageIds.NewVersion7(unixTimeMilliseconds).ToByteArray(bigEndian: true);
        var framework = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(unixTimeMilliseconds)).ToByteArray(bigEndian: true);

        Assert.Equal(framework.AsSpan(0, 6).ToArray(), ours.AsSpan(0, 6).ToArray());
        Assert.Equal(0x70, ours[6] & 0xF0);
        Assert.Equal(0x80, ours[8] & 0xC0);
        Assert.Equal(7, new Guid(ours, bigEndian: true).Version);
    }

    [Fact]
    public void Ids_made_now_carry_the_current_time()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var bytes = MessageIds.NewVersion7().ToByteArray(bigEndian: true);
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var stamped = (long)bytes[0] << 40 | (long)bytes[1] << 32 | (long)bytes[2] << 24 | (long)bytes[3] << 16 | (long)bytes[4] << 8 | bytes[5];
        Assert.InRange(stamped, before, after);
    }

    [Fact]
    public void Ids_within_one_millisecond_differ_in_their_random_bits()
    {
        var seen = new HashSet<Guid>();
        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(seen.Add(MessageIds.NewVersion7(1_700_000_000_000L)), $"id {i} repeated an earlier one");
        }
    }
}
