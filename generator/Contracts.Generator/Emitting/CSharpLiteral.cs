using System.Globalization;
using System.Text;

namespace Contracts.Generator.Emitting;

/// <summary>C# literals for values the emitters embed; ASCII-only output keeps generated files encoding-proof.</summary>
internal static class CSharpLiteral
{
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\0': text.Append("\\0"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
        return text.ToString();
    }

    public static string NullableString(string? value) => value is null ? "null" : String(value);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    // long.MinValue cannot be written as a negated literal without a cast, so spell it by name.
    public static string Long(long value) => value == long.MinValue
        ? "long.MinValue"
        : value.ToString(CultureInfo.InvariantCulture) + "L";
}
