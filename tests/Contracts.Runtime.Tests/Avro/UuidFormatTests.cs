using System;
using System.Text;
using Contracts.Avro;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// The writer's own uuid text (<c>UuidText.Format</c>, which replaced <c>Guid.TryFormat</c>) against
/// <c>Guid.ToString("D")</c>: random values, values with one byte or one nibble set (each digit's position and the
/// big-endian order of the first three fields), and the edges where a digit turns from 9 to a.
/// </summary>
public sealed class UuidFormatTests
{
    [Fact]
    public void Random_uuids_are_written_as_Guid_ToString_D()
    {
        Gen.Guid.Sample(AssertWritesLikeToString, iter: 5000);
    }

    [Fact]
    public void Every_byte_value_at_every_position_is_written_as_Guid_ToString_D()
    {
        AssertWritesLikeToString(Guid.Empty);
        AssertWritesLikeToString(Guid.AllBitsSet);
        AssertWritesLikeToString(Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"));
        AssertWritesLikeToString(Guid.Parse("99999999-9999-9999-9999-999999999999"));
        AssertWritesLikeToString(Guid.Parse("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"));
        for (var position = 0; position < 16; position++)
        {
            for (var b = 0; b < 256; b++)
            {
                var bytes = new byte[16];
                bytes[position] = (byte)b;
                AssertWritesLikeToString(new Guid(bytes));
                bytes.AsSpan().Fill(0xFF);
                bytes[position] = (byte)b;
                AssertWritesLikeToString(new Guid(bytes));
            }
        }
    }

    private static void AssertWritesLikeToString(Guid value)
    {
        // Garbage around the value: nothing outside its 37 bytes may change.
        var buffer = new byte[3 + AvroPrimitives.UuidSize + 3];
        buffer.AsSpan().Fill(0xEE);
        var end = AvroPrimitives.WriteUuid(buffer, 3, value);
        Assert.Equal(3 + AvroPrimitives.UuidSize, end);
        Assert.Equal(36 << 1, buffer[3]);
        Assert.Equal(value.ToString("D"), Encoding.ASCII.GetString(buffer, 4, 36));
        Assert.All(buffer[..3], b => Assert.Equal(0xEE, b));
        Assert.All(buffer[end..], b => Assert.Equal(0xEE, b));
    }
}
