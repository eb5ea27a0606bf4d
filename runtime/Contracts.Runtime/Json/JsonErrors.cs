using System;
using System.Text.Json;

namespace Contracts.Json;

/// <summary>Builds the <see cref="ContractDecodeException"/>s of the JSON envelope readers.</summary>
internal static class JsonErrors
{
    public static ContractDecodeException At(ref Utf8JsonReader reader, string reason) =>
        new(ContractFormat.Json, reason, reader.TokenStartIndex);

    public static ContractDecodeException Unexpected(ref Utf8JsonReader reader, string expected) =>
        At(ref reader, "expected " + expected + ", found " + Describe(reader.TokenType) + ".");

    /// <summary>
    /// Wraps a syntax error of <see cref="Utf8JsonReader"/>. The offset is provisional (the byte position in its line);
    /// <see cref="JsonEnvelope"/> turns the inner exception's line and position into the offset in the whole input.
    /// </summary>
    public static ContractDecodeException Malformed(JsonException error) =>
        new(ContractFormat.Json, "malformed JSON: " + ReasonOf(error), error.BytePositionInLine ?? 0, error);

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.PropertyName => "a property name",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    // Utf8JsonReader's messages end with " LineNumber: n | BytePositionInLine: m."; the offset says that better.
    private static string ReasonOf(JsonException error)
    {
        var message = error.Message;
        var location = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return location < 0 ? message : message.Substring(0, location);
    }
}
