using System.Globalization;
using System.Text;

namespace Contracts.Generator.Emitting;

/// <summary>Writes JSON string literals for schema text.</summary>
internal static class JsonText
{
    /// <summary>Appends <paramref name="value"/> as a quoted JSON string.</summary>
    /// <remarks>
    /// Only what JSON requires is escaped, plus lone surrogates: they cannot be encoded as UTF-8, so they are kept as
    /// <c>\uXXXX</c> escapes and the schema text stays valid whatever a doc comment contains.
    /// </remarks>
    public static StringBuilder AppendQuoted(this StringBuilder builder, string value)
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
                    if (c < 0x20 || IsLoneSurrogate(value, i))
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
