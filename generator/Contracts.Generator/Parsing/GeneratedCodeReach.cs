using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Parsing;

/// <summary>
/// Whether generated code can name a type: the codecs are a file-local class beside the contract and the catalog is a
/// separate class, so every type they construct or read must be reachable from anywhere in the assembly.
/// </summary>
internal static class GeneratedCodeReach
{
    /// <summary>Why <paramref name="type"/> cannot be named from elsewhere in its assembly, or null when it can.</summary>
    public static string? InaccessibleReason(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return "'" + current.ToDisplayString() + "' is file-local";
            }

            var modifier = current.DeclaredAccessibility switch
            {
                Microsoft.CodeAnalysis.Accessibility.Private => "private",
                Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
                Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
                _ => null,
            };
            if (modifier is not null)
            {
                return "'" + current.ToDisplayString() + "' is " + modifier;
            }
        }

        return null;
    }
}
