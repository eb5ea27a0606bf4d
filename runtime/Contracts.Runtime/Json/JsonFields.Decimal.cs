using System;
using System.Text.Json;

namespace Contracts.Json;

public static partial class JsonFields
{
    /// <summary>
    /// Writes a <c>decimal</c> as Django REST Framework does: a string with exactly <paramref name="scale"/> digits after
    /// the point (<c>"12.50"</c>). More digits than the precision or scale allow throw <see cref="ContractEncodeException"/>;
    /// nothing is rounded.
    /// </summary>
    public static void WriteDecimal(Utf8JsonWriter writer, decimal value, int precision, int scale)
    {
        Span<byte> text = stackalloc byte[DecimalText.MaxLength];
        writer.WriteStringValue(text.Slice(0, DecimalText.Format(value, precision, scale, text)));
    }

    /// <summary>
    /// Reads a <c>decimal</c> from a string (as DRF sends it) or a number. Digits beyond <paramref name="scale"/> must be
    /// zeros and the value must fit <paramref name="precision"/>; the value is never rounded.
    /// </summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader, int precision, int scale)
    {
        if (reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Number)
        {
            throw JsonErrors.Unexpected(ref reader, "a decimal string or number");
        }

        Span<byte> scratch = stackalloc byte[128];
        if (reader.ValueSpan.Length > scratch.Length)
        {
            throw JsonErrors.At(ref reader, "the decimal text is longer than any decimal of precision 38.");
        }

        var text = reader.ValueIsEscaped ? scratch.Slice(0, reader.CopyString(scratch)) : reader.ValueSpan;
        var error = DecimalText.Parse(text, precision, scale, out var value);
        return error is null ? value : throw JsonErrors.At(ref reader, error);
    }
}
