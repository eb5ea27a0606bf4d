using Contracts.Generator.Parsing;
using Xunit;

namespace Contracts.Generator.Tests.Parsing;

public sealed class JsonNodeTests
{
    [Theory]
    [InlineData(" null ", "null")]
    [InlineData("[ 1 , -2.5e3 , true , false ]", "[1,-2.5e3,true,false]")]
    [InlineData("{ \"a\" : { \"b\" : [ ] } }", "{\"a\":{\"b\":[]}}")]
    [InlineData("\"tab\\t quote\\\" \\u00e9 \\/\"", "\"tab\\t quote\\\" \\u00e9 /\"")]
    [InlineData("\"\u00ff\\u0001\"", "\"\\u00ff\\u0001\"")]
    [InlineData("0", "0")]
    public void Parses_and_writes_compact_json(string json, string compact)
    {
        var node = JsonNode.TryParse(json, out var error);

        Assert.Null(error);
        Assert.Equal(compact, node!.ToCompactJson());
    }

    [Theory]
    [InlineData("", "expected a value but the text ended at position 0")]
    [InlineData("{", "expected a property name at position 1")]
    [InlineData("[1,]", "unexpected character ']' at position 3")]
    [InlineData("01", "unexpected text after the value at position 1")]
    [InlineData("1.", "expected a digit at position 2")]
    [InlineData("\"abc", "the string is not closed at position 4")]
    [InlineData("\"\\x\"", "unknown escape '\\x' at position 2")]
    [InlineData("{\"a\":1,\"a\":2}", "duplicate property 'a' at position 10")]
    [InlineData("nul", "unexpected text at position 0")]
    [InlineData("'x'", "unexpected character ''' at position 0")]
    public void Rejects_invalid_json_with_the_position(string json, string expected)
    {
        Assert.Null(JsonNode.TryParse(json, out var error));
        Assert.Equal(expected, error);
    }
}
