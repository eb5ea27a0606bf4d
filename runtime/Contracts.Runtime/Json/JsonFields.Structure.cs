using System.Text.Json;

namespace Contracts.Json;

/// <summary>
/// The building blocks of the generated JSON envelope codecs: every value a contract field can hold, written the way
/// django-logpipe (Django REST Framework) writes it and read strictly, each reading fault raised as
/// <see cref="ContractDecodeException"/> with the byte offset and what was expected and found.
/// </summary>
/// <remarks>
/// Conventions, as for System.Text.Json converters: a <c>Read…</c> value method starts with the reader on the value's
/// first token and leaves it on the value's last token (the same token for scalars, the closing <c>}</c> or <c>]</c> for
/// objects and arrays). Generated object readers loop with <see cref="NextProperty"/>, match names with
/// <see cref="Utf8JsonReader.ValueTextEquals(System.ReadOnlySpan{byte})"/>, then call <see cref="MoveToValue"/> or
/// <see cref="SkipValue"/>. Advancing through these helpers turns System.Text.Json syntax errors into
/// <see cref="ContractDecodeException"/> at the point they occur, so generated codecs can add the field path.
/// </remarks>
public static partial class JsonFields
{
    /// <summary>Checks that the reader is on the <c>{</c> that starts an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string what = "a JSON object")
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonErrors.Unexpected(ref reader, what);
        }
    }

    /// <summary>Checks that the reader is on the <c>[</c> that starts an array.</summary>
    public static void ExpectStartArray(ref Utf8JsonReader reader, string what = "a JSON array")
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonErrors.Unexpected(ref reader, what);
        }
    }

    /// <summary>Moves to the next property name of the current object; false when the object ends (reader on its <c>}</c>).</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        Advance(ref reader);
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Moves to the first token of the next array item; false when the array ends (reader on its <c>]</c>).</summary>
    public static bool NextItem(ref Utf8JsonReader reader)
    {
        Advance(ref reader);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Moves from a property name to the first token of its value.</summary>
    public static void MoveToValue(ref Utf8JsonReader reader) => Advance(ref reader);

    /// <summary>Skips the value of the property name the reader is on (an unknown property), leaving the reader on its last token.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        try
        {
            reader.Skip();
        }
        catch (JsonException error)
        {
            throw JsonErrors.Malformed(error);
        }
    }

    /// <summary>The error for a required field the object did not contain; throw it with the reader on the object's <c>}</c>.</summary>
    public static ContractDecodeException MissingField(ref Utf8JsonReader reader, string fieldName) =>
        JsonErrors.At(ref reader, "the object has no \"" + fieldName + "\" property, and the field has no default.");

    /// <summary>The error for a property that occurs twice in one object; throw it with the reader on the second occurrence's name.</summary>
    public static ContractDecodeException DuplicateField(ref Utf8JsonReader reader, string fieldName) =>
        JsonErrors.At(ref reader, "the property \"" + fieldName + "\" occurs more than once in the object.");

    /// <summary>The error for a value of the wrong JSON type, e.g. <c>UnexpectedToken(ref reader, "an enum symbol string")</c>.</summary>
    public static ContractDecodeException UnexpectedToken(ref Utf8JsonReader reader, string expected) =>
        JsonErrors.Unexpected(ref reader, expected);

    /// <summary>The error for an enum symbol string that <paramref name="enumName"/> does not define; the reader is on the string.</summary>
    public static ContractDecodeException UnknownSymbol(ref Utf8JsonReader reader, string enumName)
    {
        var symbol = reader.TokenType == JsonTokenType.String ? TryGetString(ref reader) : null;
        return JsonErrors.At(ref reader, symbol is null
            ? "the value is not a symbol of enum " + enumName + "."
            : "\"" + symbol + "\" is not a symbol of enum " + enumName + ".");
    }

    /// <summary>Reads a map key (the reader is on a property name), refusing invalid UTF-8.</summary>
    public static string ReadMapKey(ref Utf8JsonReader reader) =>
        TryGetString(ref reader) ?? throw JsonErrors.At(ref reader, "the map key is not valid Unicode (an escaped unpaired surrogate).");

    /// <summary>The error for a map key that occurs twice; the reader is on the second occurrence.</summary>
    public static ContractDecodeException DuplicateMapKey(ref Utf8JsonReader reader, string key) =>
        JsonErrors.At(ref reader, "the map key \"" + key + "\" occurs more than once.");

    private static void Advance(ref Utf8JsonReader reader)
    {
        try
        {
            if (!reader.Read())
            {
                throw JsonErrors.At(ref reader, "the JSON text ends in the middle of a value.");
            }
        }
        catch (JsonException error)
        {
            throw JsonErrors.Malformed(error);
        }

        if (reader.ValueIsEscaped)
        {
            CheckEscapes(ref reader);
        }
    }

    // Matching names and symbols with ValueTextEquals throws InvalidOperationException on an escaped unpaired
    // surrogate (\ud800). Escaped strings are rare, so every one is unescaped once here, where the fault can be reported.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CheckEscapes(ref Utf8JsonReader reader)
    {
        var length = reader.ValueSpan.Length;
        byte[]? rented = null;
        var buffer = length <= 256 ? stackalloc byte[256] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length));
        try
        {
            reader.CopyString(buffer);
        }
        catch (System.InvalidOperationException)
        {
            throw JsonErrors.At(ref reader, "the text is not valid Unicode (an escaped unpaired surrogate such as \\ud800).");
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (System.InvalidOperationException)
        {
            return null;
        }
    }
}
