using System;
using System.Linq;
using System.Text;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// <see cref="AvroReader.ReadString"/> widens short ASCII text itself and leaves everything else to the strict UTF-8
/// decoder. Every length around its block boundaries (4, 8, 16, 64 bytes), with a non-ASCII byte at every position,
/// must decode exactly as <see cref="Encoding.UTF8"/> does.
/// </summary>
public sealed class ReaderAsciiPathTests
{
    [Fact]
    public void Ascii_of_every_length_with_a_non_ASCII_character_anywhere_decodes_like_Encoding_UTF8()
    {
        foreach (var length in Enumerable.Range(0, 80))
        {
            var ascii = string.Concat(Enumerable.Range(0, length).Select(i => (char)('!' + (i % 90))));
            AssertReadsBack(ascii);
            foreach (var position in Enumerable.Range(0, length))
            {
                AssertReadsBack(ascii.Remove(position, 1).Insert(position, "é"));
                AssertReadsBack(ascii.Remove(position, 1).Insert(position, "\u007F"));
            }
        }
    }

    [Fact]
    public void Random_text_decodes_like_Encoding_UTF8() =>
        Generators.UnicodeString.Sample(AssertReadsBack, iter: 2000);

    [Theory]
    [InlineData(new byte[] { 0x61, 0x62, 0xFF })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70, 0xC3 })]
    public void Invalid_UTF_8_is_still_the_decode_error_at_the_string_start(byte[] text)
    {
        var bytes = new byte[] { 0x02 }.Concat(new[] { (byte)(text.Length << 1) }).Concat(text).ToArray();
        var error = Assert.Throws<ContractDecodeException>(() => AvroCodec.ReadAll(bytes, (ref AvroReader r) => { r.ReadInt(); return r.ReadString(); }));
        Assert.Equal(1L, error.Offset);
        Assert.Contains("not valid UTF-8", error.Reason, StringComparison.Ordinal);
    }

    private static void AssertReadsBack(string text)
    {
        var encoded = Encoding.UTF8.GetBytes(text);
        var bytes = AvroCodec.Write(text, (ref AvroWriter w, string value) => w.WriteString(value));
        var read = AvroCodec.ReadAll(bytes, (ref AvroReader r) => r.ReadString());
        Assert.Equal(Encoding.UTF8.GetString(encoded), read);
        Assert.Equal(text, read);
    }
}
