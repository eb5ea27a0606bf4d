using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Analyzers.Compatibility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
public sealed class AddAliasCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CTR1001");

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ContractChecks.AliasCandidatesProperty, out var candidates) || candidates is null ||
                root is null || MemberAttributes.FindMember(root, diagnostic.Location.SourceSpan) is not { } member)
            {
                continue;
            }

            foreach (var alias in candidates.Split(','))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add alias '{alias}' (renamed field)",
                        cancellationToken => AddAsync(context.Document, root, member, alias, cancellationToken),
                        nameof(AddAliasCodeFixProvider) + "." + alias),
                    diagnostic);
            }
        }
    }

    private static Task<Document> AddAsync(Document document, SyntaxNode root, SyntaxNode member, string alias, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var literal = SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(alias)));
        var existing = MemberAttributes.Lists(member)
            .SelectMany(list => list.Attributes)
            .FirstOrDefault(a => a.Name.ToString() is "AvroAliases" or "AvroAliasesAttribute" or "Contracts.AvroAliases" or "global::Contracts.AvroAliases");
        SyntaxNode updated;
        if (existing is not null)
        {
            var arguments = existing.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            updated = member.ReplaceNode(existing, existing.WithArgumentList(arguments.AddArguments(literal)));
        }
        else
        {
            updated = MemberAttributes.Add(member, SyntaxFactory.Attribute(
                SyntaxFactory.ParseName("global::Contracts.AvroAliases"),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(literal))));
        }

        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(member, updated)));
    }
}
