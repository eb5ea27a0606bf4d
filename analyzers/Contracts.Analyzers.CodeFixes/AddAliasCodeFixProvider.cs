using System;
using System.Collections.Generic;
using System.Composition;
using System.Linq;
using Contracts.Analyzers.Compatibility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Analyzers.CodeFixes;

/// <summary>
/// CTR1001 for a field the new version reads without a default, when the earlier version has an unmatched field of the
/// same type: the field was probably renamed, so the fix adds the old name as an alias (<c>[AvroAliases("old")]</c>).
/// One action per candidate.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddAliasCodeFixProvider)), Shared]
public sealed class AddAliasCodeFixProvider : MemberCodeFixProvider
{
    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    private protected override IEnumerable<(string Title, string EquivalenceKey, Func<SyntaxNode, SyntaxNode> Rewrite)> Rewrites(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(ContractChecks.AliasCandidatesProperty, out var candidates) || candidates is null)
        {
            yield break;
        }

        foreach (var alias in candidates.Split(','))
        {
            yield return ($"Add alias '{alias}' (renamed field)", nameof(AddAliasCodeFixProvider) + "." + alias, member => Add(member, alias));
        }
    }

    private static SyntaxNode Add(SyntaxNode member, string alias)
    {
        var literal = SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(alias)));
        var existing = MemberAttributes.Lists(member)
            .SelectMany(list => list.Attributes)
            .FirstOrDefault(a => a.Name.ToString() is "AvroAliases" or "AvroAliasesAttribute" or "Contracts.AvroAliases" or "global::Contracts.AvroAliases");
        return existing is not null
            ? member.ReplaceNode(existing, existing.WithArgumentList((existing.ArgumentList ?? SyntaxFactory.AttributeArgumentList()).AddArguments(literal)))
            : MemberAttributes.Add(member, SyntaxFactory.Attribute(
                SyntaxFactory.ParseName("global::Contracts.AvroAliases"),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(literal))));
    }
}
