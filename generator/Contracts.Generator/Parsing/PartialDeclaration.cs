using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Generator.Parsing;

/// <summary>
/// The rules a user's type must follow for a generated partial half to attach to it (<c>[Message]</c> contracts and
/// <c>[Topic]</c> classes alike), and the declaration the generated half repeats.
/// </summary>
internal static class PartialDeclaration
{
    /// <summary>Whether the type or a type containing it has type parameters (the generated half could not name them).</summary>
    public static bool IsGenericOrNestedInGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reports <paramref name="notPartial"/> at the first non-partial declaration of the type and of every type containing
    /// it (one diagnostic per type, with the type's name as the argument); true when there is none.
    /// </summary>
    public static bool CheckAllPartial(INamedTypeSymbol type, DiagnosticDescriptor notPartial, Action<DiagnosticDescriptor, Location?, string[]> report, CancellationToken cancellationToken)
    {
        var ok = true;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
                    !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    report(notPartial, declaration.Identifier.GetLocation(), [current.ToDisplayString()]);
                    ok = false;
                    break;
                }
            }
        }

        return ok;
    }

    /// <summary>The namespace, containing types and keywords the generated partial half declares, and its hint name.</summary>
    public static TypeDeclarationModel Model(INamedTypeSymbol type)
    {
        var containing = new List<string>();
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            containing.Insert(0, Keyword(current) + " " + ContractParser.EscapeIdentifier(current.Name));
        }

        var ns = ContractParser.CSharpNamespace(type);
        var hintParts = new List<string>();
        if (ns.Length > 0)
        {
            hintParts.Add(ns);
        }

        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            hintParts.Insert(ns.Length > 0 ? 1 : 0, current.Name);
        }

        hintParts.Add(type.Name);
        var declaredNamespace = string.Join(".", ns.Split('.').Where(part => part.Length > 0).Select(ContractParser.EscapeIdentifier));
        return new TypeDeclarationModel(declaredNamespace, ContractParser.EscapeIdentifier(type.Name), Keyword(type), containing.ToEquatableArray(), string.Join(".", hintParts));
    }

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "record struct",
        (true, _) => "record",
        (false, TypeKind.Struct) => "struct",
        (false, TypeKind.Interface) => "interface",
        _ => "class",
    };
}
