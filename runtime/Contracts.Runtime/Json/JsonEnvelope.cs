using System;
using System.Buffers;
using Contracts.Buffers;
using System.Text.Json;

namespace Contracts.Json;

/// <summary>
/// The django-logpipe JSON envelope: <c>json:{"type":"person","version":2,"message":{...}}</c>, byte-compatible with
/// what logpipe's Python producers write and read. Writing allocates nothing when the output buffer is reused; reading
/// is strict and raises <see cref="ContractDecodeException"/> (offset counted from the first byte of the input,
/// <c>json:</c> included) for every fault.
/// </summary>
public static class JsonEnvelope
{
    /// <summary>logpipe's format prefix: the format name and a colon.</summary>
    public static ReadOnlySpan<byte> Prefix => "json:"u8;

    private static readonly JsonEncodedText TypeProperty = JsonEncodedText.Encode("type", LogpipeJsonEncoder.Instance);
    private static readonly JsonEncodedText VersionProperty = JsonEncodedText.Encode("version", LogpipeJsonEncoder.Instance);
    private static readonly JsonEncodedText MessageProperty = JsonEncodedText.Encode("message", LogpipeJsonEncoder.Instance);
    private static readonly JsonEncodedText ProducerProperty = JsonEncodedText.Encode("producer", LogpipeJsonEncoder.Instance);

    private static readonly JsonReaderOptions DefaultReaderOptions = ReaderOptionsFor(JsonEnvelopeOptions.Default);

    /// <summary>Appends the envelope of <paramref name="value"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="value">The message.</param>
    /// <param name="producer">logpipe's optional <c>"producer"</c> id, written after the message when not null.</param>
    /// <exception cref="ContractEncodeException">A value cannot be represented (null in a non-nullable field, NaN, invalid text...).</exception>
    public static void Serialize<T>(IBufferWriter<byte> output, T value, string? producer = null)
        where T : IMessageContract<T>
    {
        ArgumentNullException.ThrowIfNull(output);
        if (value is null)
        {
            throw new ContractEncodeException(ContractFormat.Json, "the message is null.");
        }

        Prefix.CopyTo(output.GetSpan(Prefix.Length));
        output.Advance(Prefix.Length);
        var writer = JsonWriterCache.Rent(output);
        try
        {
            writer.WriteStartObject();
            writer.WriteString(TypeProperty, EnvelopeText<T>.MessageType);
            writer.WriteNumber(VersionProperty, T.Descriptor.Version);
            writer.WritePropertyName(MessageProperty);
            T.WriteJson(writer, value);
            if (producer is not null)
            {
                writer.WriteString(ProducerProperty, producer);
            }

            writer.WriteEndObject();
            writer.Flush();
        }
        finally
        {
            JsonWriterCache.Return(writer);
        }
    }

    /// <summary>Returns the envelope of <paramref name="value"/> as a new array.</summary>
    /// <exception cref="ContractEncodeException">A value cannot be represented.</exception>
    public static byte[] Serialize<T>(T value, string? producer = null)
        where T : IMessageContract<T>
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Serialize(buffer, value, producer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads an envelope that must hold a <typeparamref name="T"/>: its <c>"type"</c> and <c>"version"</c> must be the
    /// contract's. Properties may come in any order; unknown ones (logpipe's <c>"producer"</c>) are skipped.
    /// </summary>
    /// <param name="data">The envelope bytes, <c>json:</c> prefix included.</param>
    /// <param name="options">Reading limits; <see cref="JsonEnvelopeOptions.Default"/> when null.</param>
    /// <exception cref="ContractDecodeException">The input is not such an envelope.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> data, JsonEnvelopeOptions? options = null)
        where T : IMessageContract<T>
    {
        return ReadEnvelopeJson(data, options, static (ref Utf8JsonReader reader) => ReadEnvelope<T>(ref reader));
    }

    /// <summary>Reads an envelope from possibly segmented input (copied once when it spans segments).</summary>
    /// <exception cref="ContractDecodeException">The input is not an envelope of <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(in ReadOnlySequence<byte> data, JsonEnvelopeOptions? options = null)
        where T : IMessageContract<T>
    {
        return ContiguousInput.Decode(data, ContractFormat.Json, options, static (span, envelopeOptions) => Deserialize<T>(span, envelopeOptions));
    }

    /// <summary>
    /// Reads just the type, version and producer of an envelope, to pick the contract before decoding the message
    /// (the message is checked to be well-formed JSON but not decoded).
    /// </summary>
    /// <exception cref="ContractDecodeException">The input is not an envelope.</exception>
    public static EnvelopeHeader ReadHeader(ReadOnlySpan<byte> data, JsonEnvelopeOptions? options = null)
    {
        return ReadEnvelopeJson(data, options, static (ref Utf8JsonReader reader) => ReadHeaderFields(ref reader));
    }

    private delegate TResult EnvelopeJsonReader<out TResult>(ref Utf8JsonReader reader);

    /// <summary>Runs <paramref name="read"/> over the JSON after <c>json:</c>, turning every fault into one exception whose offset counts the prefix.</summary>
    private static TResult ReadEnvelopeJson<TResult>(ReadOnlySpan<byte> data, JsonEnvelopeOptions? options, EnvelopeJsonReader<TResult> read)
    {
        var json = OpenEnvelope(data);
        var reader = new Utf8JsonReader(json, ReaderOptions(options));
        try
        {
            return read(ref reader);
        }
        catch (ContractDecodeException error)
        {
            error.Relocate(AbsoluteOffset(json, error));
            throw;
        }
        catch (JsonException error)
        {
            var wrapped = JsonErrors.Malformed(error);
            wrapped.Relocate(AbsoluteOffset(json, wrapped));
            throw wrapped;
        }
    }

    private static JsonReaderOptions ReaderOptions(JsonEnvelopeOptions? options) =>
        options is null || ReferenceEquals(options, JsonEnvelopeOptions.Default) ? DefaultReaderOptions : ReaderOptionsFor(options);

    // Python's json module accepts neither comments nor trailing commas; neither do we.
    private static JsonReaderOptions ReaderOptionsFor(JsonEnvelopeOptions options) => new()
    {
        MaxDepth = options.MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static ReadOnlySpan<byte> OpenEnvelope(ReadOnlySpan<byte> data)
    {
        if (!data.StartsWith(Prefix))
        {
            throw new ContractDecodeException(ContractFormat.Json, "the data does not start with the JSON envelope prefix \"json:\".", 0);
        }

        var json = data.Slice(Prefix.Length);

        // Utf8JsonReader only checks the UTF-8 of strings it is asked to decode; skipped ones would pass unseen.
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            throw new ContractDecodeException(ContractFormat.Json, "the JSON text is not valid UTF-8.", Prefix.Length + FirstInvalidUtf8(json));
        }

        return json;
    }

    private static T ReadEnvelope<T>(ref Utf8JsonReader reader)
        where T : IMessageContract<T>
    {
        ReadStart(ref reader);
        var descriptor = T.Descriptor;
        bool typeSeen = false, versionSeen = false, messageSeen = false;
        T message = default!;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals(TypeProperty.EncodedUtf8Bytes))
            {
                CheckFirst(ref reader, ref typeSeen, "type");
                JsonFields.MoveToValue(ref reader);
                if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(EnvelopeText<T>.MessageTypeUtf8))
                {
                    var found = reader.TokenType == JsonTokenType.String ? "\"" + JsonFields.ReadString(ref reader) + "\"" : JsonErrors.Describe(reader.TokenType);
                    throw JsonErrors.At(ref reader, "the envelope's type is " + found + ", but " + typeof(T).Name + " reads type \"" + descriptor.MessageType + "\".");
                }
            }
            else if (reader.ValueTextEquals(VersionProperty.EncodedUtf8Bytes))
            {
                CheckFirst(ref reader, ref versionSeen, "version");
                JsonFields.MoveToValue(ref reader);
                var version = JsonFields.ReadInt32(ref reader);
                if (version != descriptor.Version)
                {
                    throw JsonErrors.At(ref reader, $"the envelope holds version {version} of \"{descriptor.MessageType}\", but {typeof(T).Name} reads version {descriptor.Version}.");
                }
            }
            else if (reader.ValueTextEquals(MessageProperty.EncodedUtf8Bytes))
            {
                CheckFirst(ref reader, ref messageSeen, "message");
                JsonFields.MoveToValue(ref reader);
                JsonFields.ExpectStartObject(ref reader, "the message object");
                message = T.ReadJson(ref reader);
            }
            else
            {
                JsonFields.SkipValue(ref reader);
            }
        }

        RequireAll(ref reader, typeSeen, versionSeen, messageSeen);
        ReadEnd(ref reader);
        return message;
    }

    private static EnvelopeHeader ReadHeaderFields(ref Utf8JsonReader reader)
    {
        ReadStart(ref reader);
        bool typeSeen = false, versionSeen = false, messageSeen = false, producerSeen = false;
        string type = string.Empty;
        string? producer = null;
        var version = 0;
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals(TypeProperty.EncodedUtf8Bytes))
            {
                CheckFirst(ref reader, ref typeSeen, "type");
                JsonFields.MoveToValue(ref reader);
                type = JsonFields.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals(VersionProperty.EncodedUtf8Bytes))
            {
                CheckFirst(ref reader, ref versionSeen, "version");
                JsonFields.MoveToValue(ref reader);
                version = JsonFields.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals(MessageProperty.EncodedUtf8Bytes))
            {
                CheckFirst(ref reader, ref messageSeen, "message");
                JsonFields.MoveToValue(ref reader);
                JsonFields.ExpectStartObject(ref reader, "the message object");
                reader.Skip();
            }
            else if (reader.ValueTextEquals(ProducerProperty.EncodedUtf8Bytes))
            {
                CheckFirst(ref reader, ref producerSeen, "producer");
                JsonFields.MoveToValue(ref reader);
                producer = reader.TokenType == JsonTokenType.Null ? null : JsonFields.ReadString(ref reader);
            }
            else
            {
                JsonFields.SkipValue(ref reader);
            }
        }

        RequireAll(ref reader, typeSeen, versionSeen, messageSeen);
        ReadEnd(ref reader);
        return new EnvelopeHeader(type, version, producer);
    }

    private static void ReadStart(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw JsonErrors.At(ref reader, "the envelope is empty after \"json:\".");
        }

        JsonFields.ExpectStartObject(ref reader, "the envelope object {\"type\":...,\"version\":...,\"message\":{...}}");
    }

    private static void CheckFirst(ref Utf8JsonReader reader, ref bool seen, string property)
    {
        if (seen)
        {
            throw JsonFields.DuplicateField(ref reader, property);
        }

        seen = true;
    }

    private static void RequireAll(ref Utf8JsonReader reader, bool typeSeen, bool versionSeen, bool messageSeen)
    {
        var missing = !typeSeen ? "type" : !versionSeen ? "version" : !messageSeen ? "message" : null;
        if (missing is not null)
        {
            throw JsonErrors.At(ref reader, "the envelope has no \"" + missing + "\" property.");
        }
    }

    private static void ReadEnd(ref Utf8JsonReader reader)
    {
        try
        {
            if (reader.Read())
            {
                throw JsonErrors.At(ref reader, "unexpected data after the envelope object.");
            }
        }
        catch (JsonException error)
        {
            throw new ContractDecodeException(ContractFormat.Json, "unexpected data after the envelope object.", error.BytePositionInLine ?? 0, error);
        }
    }

    // Positions from Utf8JsonReader syntax errors are line-relative; everything else is relative to the JSON text.
    private static long AbsoluteOffset(ReadOnlySpan<byte> json, ContractDecodeException error)
    {
        if (error.InnerException is JsonException { LineNumber: { } line, BytePositionInLine: { } column })
        {
            var lineStart = 0;
            for (long i = 0; i < line && lineStart < json.Length; i++)
            {
                var next = json.Slice(lineStart).IndexOf((byte)'\n');
                if (next < 0)
                {
                    break;
                }

                lineStart += next + 1;
            }

            return Prefix.Length + lineStart + column;
        }

        return Prefix.Length + error.Offset;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(text.Slice(index), out _, out var consumed) != OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return text.Length;
    }

    // The type name encoded once per contract, so writing and matching it cost a copy and a compare.
    private static class EnvelopeText<T>
        where T : IMessageContract<T>
    {
        public static readonly JsonEncodedText MessageType = JsonEncodedText.Encode(T.Descriptor.MessageType, LogpipeJsonEncoder.Instance);

        public static readonly byte[] MessageTypeUtf8 = System.Text.Encoding.UTF8.GetBytes(T.Descriptor.MessageType);
    }
}
