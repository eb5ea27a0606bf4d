using System;
using System.Buffers;
using System.Text.Json;

namespace Contracts.Json;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> per thread, re-pointed at each output, so writing an envelope to a reused buffer
/// allocates nothing. A nested rent (a codec serializing another envelope while writing) gets a fresh writer.
/// </summary>
internal static class JsonWriterCache
{
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = LogpipeJsonEncoder.Instance,
        Indented = false,

        // Generated codecs emit well-formed structure by construction; validation would only cost time.
        SkipValidation = true,
    };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        var writer = t_writer;
        if (writer is null)
        {
            return new Utf8JsonWriter(output, Options);
        }

        t_writer = null;
        writer.Reset(output);
        return writer;
    }

    public static void Return(Utf8JsonWriter writer)
    {
        // Drop the caller's buffer (and any half-written state) so the cache keeps nothing of theirs alive.
        writer.Reset(DetachedOutput.Instance);
        t_writer = writer;
    }

    private sealed class DetachedOutput : IBufferWriter<byte>
    {
        public static readonly DetachedOutput Instance = new();

        public void Advance(int count) => throw new InvalidOperationException("A cached JSON writer was used after it was returned.");

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException("A cached JSON writer was used after it was returned.");

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException("A cached JSON writer was used after it was returned.");
    }
}
