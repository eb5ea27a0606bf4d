using System;
using System.Linq;
using System.Text;
using Contracts.Avro;
using Xunit;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// Decoded strings are allocated by the runtime's uninitialised string allocation and filled in place (not through
/// <c>string.Create</c>'s delegate). Every character must be written, the empty string must stay
/// <see cref="string.Empty"/>, and every read must return a string of its own, exactly its own size.
/// </summary>
public sealed class ReaderStringAllocationTests
{
    [Fact]
    public void The_empty_string_is_string_Empty()
    {
        AvroPrimitives.ReadString(new byte[] { 0x00 }, 0, out var value);
        Assert.Same(string.Empty, value);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Berlin")]
    [InlineData("ASCII text of more than sixteen characters")]
    [InlineData("Zoë Łukasiewicz-Ortega")]
    [InlineData("€")]
    public void Each_read_returns_a_fresh_string_of_exactly_the_text(string text)
    {
        var bytes = Encoded(text);
        AvroPrimitives.ReadString(bytes, 0, out var first);
        AvroPrimitives.ReadString(bytes, 0, out var second);
        Assert.Equal(text, first);
        Assert.Equal(text, second);
        Assert.NotSame(first, second);
        Assert.NotSame(text, first);
    }

    [Fact]
    public void Every_character_of_every_length_is_written()
    {
        // ASCII (widened) and non-ASCII (transcoded, then copied) text on both sides of the 16-, 32-, 64- and
        // 256-byte boundaries where the widening, the copy and the choice of decoder change.
        foreach (var length in Enumerable.Range(1, 300))
        {
            var ascii = string.Concat(Enumerable.Range(0, length).Select(i => (char)('0' + (i % 64))));
            var mixed = ascii.Remove(0, 1).Insert(0, "é");
            foreach (var text in new[] { ascii, mixed })
            {
                AvroPrimitives.ReadString(Encoded(text), 0, out var value);
                Assert.Equal(text, value);
            }
        }
    }

    [Fact]
    public void A_read_string_allocates_only_itself()
    {
        var bytes = Encoded("Zoë Łukasiewicz-Ortega");
        var ascii = Encoded("Berlin-Charlottenburg");
        for (var i = 0; i < 3; i++)
        {
            AvroPrimitives.ReadString(bytes, 0, out _);
            AvroPrimitives.ReadString(ascii, 0, out _);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        AvroPrimitives.ReadString(bytes, 0, out var value);
        AvroPrimitives.ReadString(ascii, 0, out var text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(StringSize(value.Length) + StringSize(text.Length), allocated);
    }

    // A string object on 64-bit: header, method table, length, the characters and a terminating NUL, in 8-byte units.
    private static long StringSize(int length) => Math.Max(24, (22 + (2 * length) + 7) / 8 * 8);

    private static byte[] Encoded(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var bytes = new byte[utf8.Length + 2];
        var end = AvroPrimitives.WriteLong(bytes, 0, utf8.Length);
        utf8.CopyTo(bytes, end);
        return bytes.AsSpan(0, end + utf8.Length).ToArray();
    }
}
