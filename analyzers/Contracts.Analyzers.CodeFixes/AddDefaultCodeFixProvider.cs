using System.Collections.Immutable;
using System.Composition;
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
/// CTR1001 for a field the new version reads without a default: adds <c>[AvroDefault("…")]</c> with a neutral value of
/// the field's type (<c>null</c>, <c>0</c>, <c>""</c>, <c>[]</c>, the enum's default symbol…), so data written by the
/// earlier version reads with that value.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDefaultCodeFixProvider)), Shared]
public sealed class AddDefaultCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CTR1001");

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ContractChecks.SuggestedDefaultProperty, out var json) || json is null ||
                root is null || MemberAttributes.FindMember(root, diagnostic.Location.SourceSpan) is not { } member)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add default [AvroDefault({SymbolDisplay.FormatLiteral(json, quote: true)})]",
                    cancellationToken => AddAsync(context.Document, root, member, json, cancellationToken),
                    nameof(AddDefaultCodeFixProvider)),
                diagnostic);
        }
    }

    private static Task<Document> AddAsync(Document document, SyntaxNode root, SyntaxNode member, string json, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var attribute = SyntaxFactory.Attribute(
            SyntaxFactory.ParseName("global::Contracts.AvroDefault"),
            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(json))))));
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(member, MemberAttributes.Add(member, attribute))));
    }
}
