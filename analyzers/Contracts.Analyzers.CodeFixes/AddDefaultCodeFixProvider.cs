using System;
using System.Collections.Generic;
using System.Composition;
using Contracts.Analyzers.Compatibility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Analyzers.CodeFixes;

/// <summary>
/// CTR1001 for a field the new version reads without a default: adds <c>[AvroDefault("…")]</c> with a neutral value of
/// the field's type (<c>null</c>, <c>0</c>, <c>""</c>, <c>[]</c>, the enum's default symbol…), so data written by the
/// earlier version reads with that value.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDefaultCodeFixProvider)), Shared]
public sealed class AddDefaultCodeFixProvider : MemberCodeFixProvider
{
    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    private protected override IEnumerable<(string Title, string EquivalenceKey, Func<SyntaxNode, SyntaxNode> Rewrite)> Rewrites(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(ContractChecks.SuggestedDefaultProperty, out var json) || json is null)
        {
            yield break;
        }

        yield return (
            $"Add default [AvroDefault({SymbolDisplay.FormatLiteral(json, quote: true)})]",
            nameof(AddDefaultCodeFixProvider),
            member => MemberAttributes.Add(member, SyntaxFactory.Attribute(
                SyntaxFactory.ParseName("global::Contracts.AvroDefault"),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(json))))))));
    }
}
