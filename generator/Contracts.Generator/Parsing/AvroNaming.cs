using System.Text;

namespace Contracts.Generator.Parsing;

/// <summary>Avro name rules and the <c>FieldNaming</c> policies that turn C# member names into Avro field names.</summary>
internal static class AvroNaming
{
    /// <summary>Mirrors <c>Contracts.FieldNaming</c>.</summary>
    public const int CamelCase = 0;
    public const int PascalCase = 1;
    public const int SnakeCase = 2;

    /// <summary>Whether <paramref name="name"/> matches the Avro name grammar <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || !(IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            var c = name[i];
            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="ns"/> is empty (the null namespace) or dot-separated valid names.</summary>
    public static bool IsValidNamespace(string ns)
    {
        if (ns.Length == 0)
        {
            return true;
        }

        foreach (var part in ns.Split('.'))
        {
            if (!IsValidName(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The spec reserves primitive type names: a record, enum or fixed may not be called <c>int</c>.</summary>
    public static bool IsPrimitiveTypeName(string name) => AvroPrimitiveNames.IndexOf(name) >= 0;

    /// <summary>A full name from a name that may already be dotted (then it is the full name) and a default namespace.</summary>
    public static string FullName(string name, string defaultNamespace) =>
        name.IndexOf('.') >= 0 || defaultNamespace.Length == 0 ? name : defaultNamespace + "." + name;

    public static string NamespaceOf(string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        return dot < 0 ? string.Empty : fullName.Substring(0, dot);
    }

    public static string ShortNameOf(string fullName) => fullName.Substring(fullName.LastIndexOf('.') + 1);

    /// <summary>Applies a <c>FieldNaming</c> policy to a C# member name.</summary>
    public static string ApplyPolicy(string memberName, int policy) => policy switch
    {
        PascalCase => memberName,
        SnakeCase => ToSnakeCase(memberName),
        _ => ToCamelCase(memberName),
    };

    /// <summary>
    /// Lower-cases the leading capital run the way System.Text.Json's camelCase policy does:
    /// <c>FirstName</c> → <c>firstName</c>, <c>ID</c> → <c>id</c>, <c>HTTPServer</c> → <c>httpServer</c>.
    /// </summary>
    public static string ToCamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var nextIsLower = i + 1 < chars.Length && !char.IsUpper(chars[i + 1]);
            if (i > 0 && nextIsLower)
            {
                // Keep the capital that starts the next word ("HTTPServer": the 'S').
                if (char.IsLetter(chars[i + 1]))
                {
                    break;
                }
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>
    /// Splits words at lower→upper and digit→upper changes and before the last capital of an acronym:
    /// <c>FirstName</c> → <c>first_name</c>, <c>HTTPServer</c> → <c>http_server</c>, <c>Address2</c> → <c>address2</c>.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var startsWord = i > 0 && previous != '_' &&
                    (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
