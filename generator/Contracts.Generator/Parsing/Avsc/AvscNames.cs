using System.Linq;
using System.Text;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>How Avro names become idiomatic C# names; the wire names are never changed.</summary>
internal static class AvscNames
{
    /// <summary>
    /// <c>first_name</c> → <c>FirstName</c>, <c>firstName</c> → <c>FirstName</c>, <c>IN_PROGRESS</c> → <c>InProgress</c>,
    /// <c>URL</c> → <c>Url</c>. A name that would become empty or start with a digit stays as written. Not escaped: member
    /// names are escaped where code is written, type names with <see cref="ToTypeName"/>.
    /// </summary>
    public static string ToPascalCase(string avroName)
    {
        var builder = new StringBuilder(avroName.Length);
        foreach (var part in avroName.Split('_'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var allUpper = part.Any(char.IsLetter) && part.All(c => !char.IsLetter(c) || char.IsUpper(c));
            builder.Append(char.ToUpperInvariant(part[0]));
            builder.Append(allUpper ? part.Substring(1).ToLowerInvariant() : part.Substring(1));
        }

        return builder.Length == 0 || char.IsDigit(builder[0]) ? avroName : builder.ToString();
    }

    /// <summary>The PascalCase type name, escaped as generated code must spell it (keywords and contextual keywords).</summary>
    public static string ToTypeName(string avroName) => ContractParser.EscapeIdentifier(ToPascalCase(avroName));

    /// <summary>The C# namespace for an Avro namespace: each segment in PascalCase (<c>com.acme.people</c> → <c>Com.Acme.People</c>).</summary>
    public static string ToClrNamespace(string avroNamespace) =>
        avroNamespace.Length == 0 ? string.Empty : string.Join(".", avroNamespace.Split('.').Select(ToTypeName));

    /// <summary>A C# namespace as written in a setting, each segment escaped when it is a keyword.</summary>
    public static string EscapeNamespace(string clrNamespace) =>
        string.Join(".", clrNamespace.Split('.').Select(part => ContractParser.EscapeIdentifier(part.Trim())));

    /// <summary>Whether <paramref name="clrNamespace"/> is dot-separated C# identifiers (or empty).</summary>
    public static bool IsValidClrNamespace(string clrNamespace) =>
        clrNamespace.Length == 0 || clrNamespace.Split('.').All(part => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part.Trim()));
}
