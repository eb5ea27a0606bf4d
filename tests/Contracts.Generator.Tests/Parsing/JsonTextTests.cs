using System.Text;
using Contracts.Generator.Parsing;
using Xunit;

namespace Contracts.Generator.Tests.Parsing;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("plain", "\"plain\"", "\"plain\"")]
    [InlineData("q\"b\\", "\"q\\\"b\\\\\"", "\"q\\\"b\\\\\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"", "\"\\u0001\\u001f\"")]
    [InlineData("~\u007f\u00e9\u20ac", "\"~\u007f\u00e9\u20ac\"", "\"~\\u007f\\u00e9\\u20ac\"")]
    [InlineData("\ud83d\ude00", "\"\ud83d\ude00\"", "\"\\ud83d\\ude00\"")]
    public void Escapes_what_each_form_requires(string value, string minimal, string ascii)
    {
        Assert.Equal(minimal, new StringBuilder().AppendQuoted(value).ToString());
        Assert.Equal(ascii, new StringBuilder().AppendQuoted(value, JsonEscaping.Ascii).ToString());
        Assert.Equal(ascii, JsonNode.Quote(value));
    }

    [Fact]
    public void Lone_surrogates_are_escaped_in_both_forms()
    {
        // Built in code: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        foreach (var (value, quoted) in new[] { ("a\ud83db", "\"a\\ud83db\""), ("\ude00a", "\"\\ude00a\""), ("a\ud83d", "\"a\\ud83d\"") })
        {
            Assert.Equal(quoted, new StringBuilder().AppendQuoted(value).ToString());
            Assert.Equal(quoted, new StringBuilder().AppendQuoted(value, JsonEscaping.Ascii).ToString());
        }
    }

    [Theory]
    [InlineData("q\"b\\\n\r\t\b\f\u0001~\u007f\u00e9\ud83d\ude00")]
    [InlineData("plain ascii")]
    public void Both_forms_parse_back_to_the_same_string(string value)
    {
        foreach (var escaping in new[] { JsonEscaping.Minimal, JsonEscaping.Ascii })
        {
            var node = JsonNode.TryParse(new StringBuilder().AppendQuoted(value, escaping).ToString(), out var error);

            Assert.Null(error);
            Assert.Equal(value, node!.Text);
        }
    }
}
