using System;
using System.Collections.Generic;
using System.Text;
using Contracts.Json;
using Xunit;

namespace Contracts.Runtime.Tests.Json.Generated;

/// <summary>The generated JSON codecs inside the envelope, against bytes Python 3.11 / DRF produced for the same data.</summary>
public class GeneratedContractJsonTests
{
    private const string Python =
        "json:{\"type\":\"customer\",\"version\":3,\"message\":{\"id\":\"6f1c2d3e-4b5a-4c6d-8e7f-901234567890\","
        + "\"full_name\":\"Ana L\u00facia \\u2029 \\\"AL\\\"\",\"visits\":2147483647,\"total_cents\":-9223372036854775808,"
        + "\"rating\":4.35,\"weight\":72.5,\"active\":true,\"balance\":\"1000.10\",\"created_at\":\"2023-12-31T23:59:59.999000Z\","
        + "\"seen_at\":\"2024-06-01T12:00:00.000001Z\",\"local_at\":\"2024-06-01T14:30:00\",\"born\":\"1985-03-09\","
        + "\"wakes_at\":\"06:45:00.250000\",\"photo\":\"AAEC/f7/\",\"tier\":\"Gold\",\"nickname\":null,"
        + "\"addresses\":[{\"street\":\"Rua A, 1\",\"city\":\"Lisboa\"},{\"street\":\"B St\",\"city\":null}],"
        + "\"scores\":{\"math\":9,\"art\":-1},\"age\":39}}";

    private static JsonCustomerV3 Sample() => new(
        Guid.Parse("6f1c2d3e-4b5a-4c6d-8e7f-901234567890"),
        "Ana L\u00facia \u2029 \"AL\"",
        int.MaxValue,
        long.MinValue,
        4.35,
        72.5f,
        true,
        1000.1m,
        new DateTimeOffset(2023, 12, 31, 23, 59, 59, 999, TimeSpan.Zero),
        new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(10),
        new DateTime(2024, 6, 1, 14, 30, 0),
        new DateOnly(1985, 3, 9),
        new TimeOnly(6, 45, 0, 250),
        [0, 1, 2, 253, 254, 255],
        JsonCustomerTier.Gold,
        null,
        [new JsonAddress("Rua A, 1", "Lisboa"), new JsonAddress("B St", null)],
        new Dictionary<string, int> { ["math"] = 9, ["art"] = -1 },
        39);

    [Fact]
    public void Writes_the_bytes_django_logpipe_writes()
    {
        Assert.Equal(Python, Encoding.UTF8.GetString(JsonEnvelope.Serialize(Sample())));
    }

    [Fact]
    public void Reads_what_django_logpipe_writes()
    {
        Assert.Equal(Sample(), JsonEnvelope.Deserialize<JsonCustomerV3>(Encoding.UTF8.GetBytes(Python)));
    }

    [Fact]
    public void Writing_a_generated_contract_to_a_reused_buffer_allocates_nothing()
    {
        // Exponent-range numbers take the slower formatting path; it must not allocate either. The list is an array,
        // which the generated writer walks as a span (other IReadOnlyList implementations are enumerated).
        var customer = Sample() with { Rating = 1.5e-7, Weight = 1e20f, Addresses = new[] { new JsonAddress("s", "c") } };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        for (var i = 0; i < 10; i++)
        {
            buffer.ResetWrittenCount();
            JsonEnvelope.Serialize(buffer, customer);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            buffer.ResetWrittenCount();
            JsonEnvelope.Serialize(buffer, customer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Contains("\"rating\":1.5e-07,\"weight\":1e+20,", Encoding.UTF8.GetString(buffer.WrittenSpan), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_field_with_a_default_takes_it()
    {
        var withoutAge = Python.Replace(",\"age\":39", string.Empty, StringComparison.Ordinal);

        Assert.Null(JsonEnvelope.Deserialize<JsonCustomerV3>(Encoding.UTF8.GetBytes(withoutAge)).Age);
    }

    [Theory]
    [InlineData("\"tier\":\"Gold\"", "\"tier\":\"Platinum\"", "tier", "\"Platinum\" is not a symbol")]
    [InlineData("\"city\":null}]", "\"city\":7}]", "addresses[1].city", "expected a string, found a number")]
    [InlineData("\"math\":9", "\"math\":\"9\"", "scores[\"math\"]", "expected an integer")]
    [InlineData("\"photo\":\"AAEC/f7/\"", "\"photo\":\"AAEC/f7\"", "photo", "base64")]
    [InlineData("\"local_at\":\"2024-06-01T14:30:00\"", "\"local_at\":\"2024-06-01T14:30:00Z\"", "local_at", "must not carry a UTC offset")]
    [InlineData("\"full_name\":", "\"full_name\":null,\"x\":", "full_name", "expected a string, found null")]
    public void Generated_codecs_report_the_field_path_and_offset(string valid, string invalid, string path, string reason)
    {
        var text = Python.Replace(valid, invalid, StringComparison.Ordinal);

        var error = Assert.Throws<ContractDecodeException>(() => JsonEnvelope.Deserialize<JsonCustomerV3>(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(path, error.FieldPath);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(text.Substring(0, text.IndexOf(invalid, StringComparison.Ordinal) + invalid.IndexOf(':', StringComparison.Ordinal) + 1)), error.Offset);
    }

    [Fact]
    public void The_envelope_type_and_version_come_from_the_descriptor()
    {
        Assert.Equal(new EnvelopeHeader("customer", 3, null), JsonEnvelope.ReadHeader(JsonEnvelope.Serialize(Sample())));
        var error = Assert.Throws<ContractDecodeException>(() => JsonEnvelope.Deserialize<JsonCustomerV3>(Encoding.UTF8.GetBytes(Python.Replace("\"version\":3", "\"version\":2", StringComparison.Ordinal))));
        Assert.Contains("version 2", error.Reason, StringComparison.Ordinal);
    }
}
