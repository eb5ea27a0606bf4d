using System;
using System.Text;
using System.Text.Json;
using Contracts.Json;
using Xunit;
using static Contracts.Runtime.Tests.Json.JsonTestHelpers;

namespace Contracts.Runtime.Tests.Json;

public class JsonEnvelopeErrorTests
{
    private const string Message =
        "{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"name\":\"n\",\"age\":1,\"balance\":\"1.00\","
        + "\"createdAt\":\"2024-01-02T03:04:05Z\",\"born\":null,\"tags\":[\"a\"],\"score\":1.0,\"attributes\":{}}";

    private static ContractDecodeException Decode(string text) => Decode(Encoding.UTF8.GetBytes(text));

    private static ContractDecodeException Decode(byte[] bytes)
    {
        var error = Assert.Throws<ContractDecodeException>(() => JsonEnvelope.Deserialize<JsonTestPerson>(bytes));
        Assert.Equal(ContractFormat.Json, error.Format);
        return error;
    }

    private static string Envelope(string message) => "json:{\"type\":\"person\",\"version\":2,\"message\":" + message + "}";

    private static int MessageStart => "json:{\"type\":\"person\",\"version\":2,\"message\":".Length;

    [Fact]
    public void The_fixture_decodes()
    {
        Assert.Equal("n", JsonEnvelope.Deserialize<JsonTestPerson>(Encoding.UTF8.GetBytes(Envelope(Message))).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"type\":\"person\"}")]
    [InlineData("JSON:{}")]
    [InlineData("msgpack:\u0080")]
    public void Requires_the_json_prefix(string text)
    {
        var error = Decode(text);

        Assert.Equal(0, error.Offset);
        Assert.Contains("\"json:\"", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_reports_the_offset_in_the_whole_input()
    {
        var text = "json:{\"type\":\"person\",\"version\":2,\"message\":{\"id\":tru}}";
        var error = Decode(text);

        // Utf8JsonReader blames the byte that breaks the literal: the '}' after "tru".
        Assert.Equal(text.IndexOf("tru}", StringComparison.Ordinal) + 3, error.Offset);
        Assert.StartsWith("malformed JSON: ", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Reason, StringComparison.Ordinal);
        Assert.Equal("id", error.FieldPath);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public void Malformed_json_on_a_later_line_reports_the_absolute_offset()
    {
        var text = "json:{\n\"type\":\"person\",\n\"version\":2,\n\"message\":{\"id\":\n tru}}";
        var error = Decode(text);

        Assert.Equal(text.IndexOf("tru}", StringComparison.Ordinal) + 3, error.Offset);
    }

    [Fact]
    public void Pythons_nan_tokens_are_not_json()
    {
        var error = Decode(Envelope(Message.Replace("\"score\":1.0", "\"score\":NaN", StringComparison.Ordinal)));

        Assert.Equal(Envelope(Message).IndexOf("1.0,", StringComparison.Ordinal), error.Offset);
        Assert.Equal("score", error.FieldPath);
    }

    [Fact]
    public void Rejects_another_message_type()
    {
        var text = "json:{\"type\":\"order\",\"version\":2,\"message\":" + Message + "}";
        var error = Decode(text);

        Assert.Equal(13, error.Offset);
        Assert.Contains("\"order\"", error.Reason, StringComparison.Ordinal);
        Assert.Contains("\"person\"", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_another_version()
    {
        var error = Decode("json:{\"type\":\"person\",\"version\":3,\"message\":" + Message + "}");

        Assert.Equal(32, error.Offset);
        Assert.Contains("version 3", error.Reason, StringComparison.Ordinal);
        Assert.Contains("version 2", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json:{\"version\":2,\"message\":MESSAGE}", "\"type\"")]
    [InlineData("json:{\"type\":\"person\",\"message\":MESSAGE}", "\"version\"")]
    [InlineData("json:{\"type\":\"person\",\"version\":2}", "\"message\"")]
    public void Requires_type_version_and_message(string template, string missing)
    {
        var text = template.Replace("MESSAGE", Message, StringComparison.Ordinal);
        var error = Decode(text);

        Assert.Equal(text.Length - 1, error.Offset);
        Assert.Contains(missing, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json:{\"type\":\"person\",\"version\":2,\"message\":null}", "null")]
    [InlineData("json:{\"type\":\"person\",\"version\":2,\"message\":[]}", "an array")]
    [InlineData("json:[]", "an array")]
    [InlineData("json:{\"type\":\"person\",\"version\":\"2\",\"message\":{}}", "a string")]
    [InlineData("json:{\"type\":2,\"version\":2,\"message\":{}}", "a number")]
    public void Rejects_wrong_json_types(string text, string found)
    {
        Assert.Contains(found, Decode(text).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" x")]
    [InlineData("{}")]
    [InlineData(",")]
    public void Rejects_trailing_data(string trailing)
    {
        var text = Envelope(Message) + trailing;
        var error = Decode(text);

        Assert.Equal(text.Length - trailing.TrimStart().Length, error.Offset);
        Assert.Contains("after the envelope", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_trailing_whitespace()
    {
        Assert.Equal("n", JsonEnvelope.Deserialize<JsonTestPerson>(Encoding.UTF8.GetBytes(Envelope(Message) + " \n")).Name);
    }

    [Fact]
    public void Rejects_a_duplicate_envelope_property()
    {
        var text = "json:{\"type\":\"person\",\"type\":\"person\",\"version\":2,\"message\":" + Message + "}";
        var error = Decode(text);

        Assert.Equal(22, error.Offset);
        Assert.Contains("\"type\" occurs more than once", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_duplicate_message_field_with_its_path()
    {
        var message = Message.Replace("\"age\":1,", "\"age\":1,\"age\":2,", StringComparison.Ordinal);
        var error = Decode(Envelope(message));

        Assert.Equal(MessageStart + message.IndexOf("\"age\":2", StringComparison.Ordinal), error.Offset);
        Assert.Contains("\"age\" occurs more than once", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_missing_required_field_and_defaults_a_missing_nullable_one()
    {
        var withoutName = Message.Replace("\"name\":\"n\",", string.Empty, StringComparison.Ordinal);
        var error = Decode(Envelope(withoutName));
        var withoutBorn = Message.Replace("\"born\":null,", string.Empty, StringComparison.Ordinal);

        Assert.Equal(MessageStart + withoutName.Length - 1, error.Offset);
        Assert.Contains("no \"name\" property", error.Reason, StringComparison.Ordinal);
        Assert.Null(JsonEnvelope.Deserialize<JsonTestPerson>(Encoding.UTF8.GetBytes(Envelope(withoutBorn))).Born);
    }

    [Fact]
    public void Skips_unknown_message_fields()
    {
        var message = Message.Insert(1, "\"later\":{\"added\":[1,2,{\"x\":null}]},");

        Assert.Equal("n", JsonEnvelope.Deserialize<JsonTestPerson>(Encoding.UTF8.GetBytes(Envelope(message))).Name);
    }

    [Fact]
    public void Errors_inside_collections_name_the_item_and_the_map_key()
    {
        var inArray = Decode(Envelope(Message.Replace("[\"a\"]", "[\"a\",7]", StringComparison.Ordinal)));
        var inMap = Decode(Envelope(Message.Replace("\"attributes\":{}", "\"attributes\":{\"k\":false}", StringComparison.Ordinal)));
        var duplicateKey = Decode(Envelope(Message.Replace("\"attributes\":{}", "\"attributes\":{\"k\":\"1\",\"k\":\"2\"}", StringComparison.Ordinal)));

        Assert.Equal("tags[1]", inArray.FieldPath);
        Assert.Contains("expected a string, found a number", inArray.Reason, StringComparison.Ordinal);
        Assert.Equal("attributes[\"k\"]", inMap.FieldPath);
        Assert.Equal("attributes", duplicateKey.FieldPath);
        Assert.Contains("\"k\" occurs more than once", duplicateKey.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_invalid_utf8_anywhere_even_in_skipped_properties()
    {
        var bytes = Encoding.UTF8.GetBytes(Envelope(Message.Insert(1, "\"skipped\":\"ab\",")));
        var at = Array.IndexOf(bytes, (byte)'b');
        bytes[at] = 0xC3;
        bytes[at - 1] = 0xFF;

        var error = Decode(bytes);

        Assert.Equal(at - 1, error.Offset);
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json:{\"type\":\"\\ud800\",\"version\":2,\"message\":{}}", 13)]
    [InlineData("json:{\"\\udc00\":1,\"type\":\"person\",\"version\":2,\"message\":{}}", 6)]
    [InlineData("json:{\"type\":\"person\",\"version\":2,\"message\":{\"name\":\"a\\ud83c\"}}", 52)]
    public void Escaped_unpaired_surrogates_are_refused_where_they_occur(string text, int offset)
    {
        var error = Decode(text);

        Assert.Equal(offset, error.Offset);
        Assert.Contains("unpaired surrogate", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_surrogate_pairs_and_other_escapes_are_read()
    {
        var message = Message.Replace("\"name\":\"n\"", "\"n\\u0061me\":\"\\ud83c\\udf89\\u00e9\\n\"", StringComparison.Ordinal);

        Assert.Equal("\U0001F389\u00e9\n", JsonEnvelope.Deserialize<JsonTestPerson>(Encoding.UTF8.GetBytes(Envelope(message))).Name);
    }

    [Fact]
    public void Limits_nesting_depth()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var error = Decode(Envelope(Message.Insert(1, "\"deep\":" + deep + ",")));

        Assert.Contains("depth", error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_depth_limit_is_configurable()
    {
        // Envelope (1), message (2), tags array (3): a limit of 2 refuses the message, 3 accepts it.
        var bytes = Encoding.UTF8.GetBytes(Envelope(Message));

        var error = Assert.Throws<ContractDecodeException>(() => JsonEnvelope.Deserialize<JsonTestPerson>(bytes, new JsonEnvelopeOptions { MaxDepth = 2 }));
        Assert.Contains("depth", error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("tags", error.FieldPath);
        Assert.Equal("n", JsonEnvelope.Deserialize<JsonTestPerson>(bytes, new JsonEnvelopeOptions { MaxDepth = 3 }).Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonEnvelopeOptions { MaxDepth = 1 });
        var deep = Encoding.UTF8.GetBytes(Envelope(Message.Insert(1, "\"deep\":" + new string('[', 100) + new string(']', 100) + ",")));
        Assert.Equal("n", JsonEnvelope.Deserialize<JsonTestPerson>(deep, new JsonEnvelopeOptions { MaxDepth = 200 }).Name);
    }

    [Theory]
    [InlineData("\"age\":1", "\"age\":2147483648", "age", "-2147483648 to 2147483647")]
    [InlineData("\"age\":1", "\"age\":1.5", "age", "found 1.5")]
    [InlineData("\"age\":1", "\"age\":\"1\"", "age", "expected an integer, found a string")]
    [InlineData("\"balance\":\"1.00\"", "\"balance\":\"1.001\"", "balance", "more than 2 digits after the point")]
    [InlineData("\"balance\":\"1.00\"", "\"balance\":\"123456789.00\"", "balance", "more than 10 digits")]
    [InlineData("\"balance\":\"1.00\"", "\"balance\":\"1,00\"", "balance", "unexpected characters")]
    [InlineData("\"balance\":\"1.00\"", "\"balance\":true", "balance", "expected a decimal string or number, found true")]
    [InlineData("\"createdAt\":\"2024-01-02T03:04:05Z\"", "\"createdAt\":\"2024-01-02T03:04:05\"", "createdAt", "needs a UTC offset")]
    [InlineData("\"createdAt\":\"2024-01-02T03:04:05Z\"", "\"createdAt\":\"2024-02-30T03:04:05Z\"", "createdAt", "does not exist")]
    [InlineData("\"createdAt\":\"2024-01-02T03:04:05Z\"", "\"createdAt\":\"2024-01-02T24:00:00Z\"", "createdAt", "does not exist")]
    [InlineData("\"createdAt\":\"2024-01-02T03:04:05Z\"", "\"createdAt\":\"0001-01-01T00:00:00+01:00\"", "createdAt", "outside the range")]
    [InlineData("\"createdAt\":\"2024-01-02T03:04:05Z\"", "\"createdAt\":1704164645000", "createdAt", "found a number")]
    [InlineData("\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"", "\"id\":\"0f8fad5b\"", "id", "36-character form")]
    [InlineData("\"score\":1.0", "\"score\":1e999", "score", "outside the range of a double")]
    [InlineData("\"born\":null", "\"born\":\"1990-7-31\"", "born", "yyyy-MM-dd")]
    public void Field_errors_name_the_field_the_offset_and_what_was_found(string valid, string invalid, string path, string reason)
    {
        var message = Message.Replace(valid, invalid, StringComparison.Ordinal);
        var error = Decode(Envelope(message));

        Assert.Equal(path, error.FieldPath);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(MessageStart + message.IndexOf(invalid, StringComparison.Ordinal) + invalid.IndexOf(':', StringComparison.Ordinal) + 1, error.Offset);
        Assert.Contains("byte " + error.Offset, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_header_rejects_what_deserialize_rejects()
    {
        Assert.Equal(0, Assert.Throws<ContractDecodeException>(() => JsonEnvelope.ReadHeader("{}"u8)).Offset);
        Assert.Contains("\"message\"", Assert.Throws<ContractDecodeException>(() => JsonEnvelope.ReadHeader("json:{\"type\":\"a\",\"version\":1}"u8)).Reason, StringComparison.Ordinal);
        Assert.Equal(11, Assert.Throws<ContractDecodeException>(() => JsonEnvelope.ReadHeader("json:{\"a\":[}"u8)).Offset);
        Assert.Contains("\"version\"", Assert.Throws<ContractDecodeException>(() => JsonEnvelope.ReadHeader("json:{\"type\":\"a\",\"message\":{}}"u8)).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2024-01-02T03:04:05.123456789+05:30\"", "2024-01-01T21:34:05.123456Z")]
    [InlineData("\"2024-01-02 03:04:05-0100\"", "2024-01-02T04:04:05Z")]
    [InlineData("\"2024-01-02t03:04:05.5z\"", "2024-01-02T03:04:05.5Z")]
    [InlineData("\"2024-01-02T03:04+01\"", "2024-01-02T02:04:00Z")]
    [InlineData("\"\\u0032024-01-02T03:04:05Z\"", "2024-01-02T03:04:05Z")]
    public void Timestamps_from_other_producers_are_accepted(string json, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Read(json, JsonFields.ReadTimestampMicrosOffset));
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("\"12.5\"", 12.5)]
    [InlineData("\"1.50000\"", 1.5)]
    [InlineData("1.5e1", 15)]
    [InlineData("\"-0.01\"", -0.01)]
    [InlineData("\"+3\"", 3)]
    [InlineData("\"1E-2\"", 0.01)]
    public void Decimals_are_read_from_strings_and_numbers_without_rounding(string json, double expected)
    {
        Assert.Equal((decimal)expected, Read(json, (ref Utf8JsonReader r) => JsonFields.ReadDecimal(ref r, 10, 2)));
    }

    [Theory]
    [InlineData("\"1.001\"")]
    [InlineData("\"1.0000000000000000000000000000000000000001\"")]
    [InlineData("\"1e-3\"")]
    [InlineData("\"100000000\"")]
    [InlineData("\"1e8\"")]
    [InlineData("\"\"")]
    [InlineData("\"-\"")]
    [InlineData("\"1e\"")]
    [InlineData("\"NaN\"")]
    public void Decimals_that_do_not_fit_exactly_are_rejected(string json)
    {
        Assert.Throws<ContractDecodeException>(() => Read(json, (ref Utf8JsonReader r) => JsonFields.ReadDecimal(ref r, 10, 2)));
    }
}
