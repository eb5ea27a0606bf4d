using System.Globalization;
using System.Text;

namespace Contracts.Generator.Parsing;

/// <summary>Which characters a JSON string literal spells as escapes beyond the ones JSON requires.</summary>
internal enum JsonEscaping
{
    /// <summary>
    /// Only what JSON requires, plus lone surrogates: they cannot be encoded as UTF-8, so they are kept as <c>\uXXXX</c>
    /// escapes and schema text stays valid whatever a doc comment contains. Other non-ASCII text is written as is.
    /// </summary>
    Minimal,

    /// <summary>
    /// Everything outside printable ASCII as <c>\uXXXX</c>, so the text is the same byte for byte in any encoding (JSON
    /// re-written from parsed input, e.g. default values and the shipped baseline).
    /// </summary>
    Ascii,
}

/// <summary>Writes JSON string literals: the one escaper the generator and the analyzers use.</summary>
internal static class JsonText
{
    /// <summary>Appends <paramref name="value"/> as a quoted JSON string.</summary>
    public static StringBuilder AppendQuoted(this StringBuilder builder, string value, JsonEscaping escaping = JsonEscaping.Minimal)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                default:
                    if (c < 0x20 || (escaping == JsonEscaping.Ascii ? c > 0x7E : IsLoneSurrogate(value, i)))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"');
    }

    /// <summary>Appends an integer in JSON (invariant) form.</summary>
    public static StringBuilder AppendNumber(this StringBuilder builder, int value) =>
        builder.Append(value.ToString(CultureInfo.InvariantCulture));

    private static bool IsLoneSurrogate(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(text[index - 1]);
        }

        return false;
    }
}
