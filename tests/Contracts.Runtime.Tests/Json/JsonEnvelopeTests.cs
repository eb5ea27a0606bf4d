using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using Contracts.Json;
using Xunit;

namespace Contracts.Runtime.Tests.Json;

public class JsonEnvelopeTests
{
    // What django-logpipe (DRF JSONRenderer) produces for Sample(), generated with Python 3.11 (see Python/make_vectors.py's drf()).
    private const string PythonEnvelope =
        "json:{\"type\":\"person\",\"version\":2,\"message\":{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
        + "\"name\":\"Zo\u00eb \\\"Z\\\" </script> & \\\\ \\u2028 \u007f \\u0001\\n\\t\U0001f389 \u65e5\u672c\",\"age\":42,"
        + "\"balance\":\"-1234.50\",\"createdAt\":\"2024-01-02T03:04:05.123000Z\",\"born\":\"1990-07-31\",\"tags\":[\"a\",\"b\"],"
        + "\"score\":0.30000000000000004,\"attributes\":{\"k\":\"v\",\"x\":\"\"}}}";

    internal static JsonTestPerson Sample() => new(
        Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        "Zo\u00eb \"Z\" </script> & \\ \u2028 \u007f \u0001\n\t\U0001f389 \u65e5\u672c",
        42,
        -1234.5m,
        new DateTimeOffset(2024, 1, 2, 3, 4, 5, 123, TimeSpan.Zero),
        new DateOnly(1990, 7, 31),
        ["a", "b"],
        0.1 + 0.2,
        new Dictionary<string, string> { ["k"] = "v", ["x"] = string.Empty });

    [Fact]
    public void Writes_the_bytes_django_logpipe_writes()
    {
        var bytes = JsonEnvelope.Serialize(Sample());

        Assert.Equal(PythonEnvelope, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Reads_what_django_logpipe_writes()
    {
        var person = JsonEnvelope.Deserialize<JsonTestPerson>(Encoding.UTF8.GetBytes(PythonEnvelope));

        Assert.Equal(Sample(), person);
    }

    [Fact]
    public void Round_trips_through_a_segmented_sequence()
    {
        var bytes = JsonEnvelope.Serialize(Sample());
        var first = new Segment(bytes.AsMemory(0, 17));
        var last = first.Append(bytes.AsMemory(17));
        var sequence = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);

        Assert.Equal(Sample(), JsonEnvelope.Deserialize<JsonTestPerson>(sequence));
    }

    [Fact]
    public void Writes_the_producer_after_the_message_as_logpipe_does()
    {
        var bytes = JsonEnvelope.Serialize(Sample(), producer: "billing");
        var text = Encoding.UTF8.GetString(bytes);

        Assert.EndsWith("}},\"producer\":\"billing\"}", text, StringComparison.Ordinal);
        Assert.Equal(new EnvelopeHeader("person", 2, "billing"), JsonEnvelope.ReadHeader(bytes));
        Assert.Equal(Sample(), JsonEnvelope.Deserialize<JsonTestPerson>(bytes));
    }

    [Fact]
    public void Reads_the_header_without_decoding_the_message()
    {
        // The message would not decode as a JsonTestPerson; the header reader does not care.
        var header = JsonEnvelope.ReadHeader("json:{\"message\":{\"anything\":[1,{}]},\"version\":7,\"type\":\"order\"}"u8);

        Assert.Equal(new EnvelopeHeader("order", 7, null), header);
    }

    [Fact]
    public void Accepts_any_property_order_whitespace_and_unknown_properties()
    {
        var text = "json: {\n \"message\" : " + MessageJson + ",\n \"extra\": {\"nested\": [true, null]},\n \"version\": 2, \"type\": \"person\" }\n";

        Assert.Equal(Sample(), JsonEnvelope.Deserialize<JsonTestPerson>(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Writing_to_a_reused_buffer_allocates_nothing()
    {
        var person = Sample();
        var buffer = new ArrayBufferWriter<byte>(4096);
        for (var i = 0; i < 10; i++)
        {
            buffer.ResetWrittenCount();
            JsonEnvelope.Serialize(buffer, person);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            buffer.ResetWrittenCount();
            JsonEnvelope.Serialize(buffer, person);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(PythonEnvelope, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void A_codec_that_writes_another_envelope_while_writing_gets_its_own_writer()
    {
        var outer = new ArrayBufferWriter<byte>();
        var inner = Array.Empty<byte>();
        NestingContract.OnWrite = () => inner = JsonEnvelope.Serialize(Sample());

        JsonEnvelope.Serialize(outer, new NestingContract());

        Assert.Equal("json:{\"type\":\"nesting\",\"version\":1,\"message\":{}}", Encoding.UTF8.GetString(outer.WrittenSpan));
        Assert.Equal(PythonEnvelope, Encoding.UTF8.GetString(inner));
    }

    private static string MessageJson => PythonEnvelope.Substring(PythonEnvelope.IndexOf("\"message\":", StringComparison.Ordinal) + 10, PythonEnvelope.Length - PythonEnvelope.IndexOf("\"message\":", StringComparison.Ordinal) - 11);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
