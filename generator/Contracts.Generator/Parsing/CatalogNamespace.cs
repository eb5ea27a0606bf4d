using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Generator.Parsing;

/// <summary>The namespace of an assembly's <c>MessageContracts</c> class: its assembly name made a valid C# namespace.</summary>
internal static class CatalogNamespace
{
    private const string Fallback = "Contracts.Generated";

    /// <summary><c>My-App.2024.Service</c> becomes <c>My_App._2024.Service</c>; keywords get a leading <c>_</c>.</summary>
    public static string FromAssemblyName(string? assemblyName)
    {
        if (string.IsNullOrWhiteSpace(assemblyName))
        {
            return Fallback;
        }

        var parts = assemblyName!.Split('.').Where(part => part.Length > 0).Select(Identifier).ToList();
        return parts.Count == 0 ? Fallback : string.Join(".", parts);
    }

    private static string Identifier(string part)
    {
        var builder = new StringBuilder(part.Length + 1);
        foreach (var c in part)
        {
            builder.Append(SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_');
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]) || SyntaxFacts.GetKeywordKind(builder.ToString()) != SyntaxKind.None)
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
