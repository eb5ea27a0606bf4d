using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Contracts.Analyzers.CodeFixes;

/// <summary>
/// A CTR1001 code fix that rewrites the contract member the diagnostic points at (a positional parameter, property or
/// field): finds the member, asks the fix which rewrites the diagnostic's properties allow, and offers each.
/// </summary>
public abstract class MemberCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CTR1001");

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (MemberAttributes.FindMember(root, diagnostic.Location.SourceSpan) is not { } member)
            {
                continue;
            }

            foreach (var (title, equivalenceKey, rewrite) in Rewrites(diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        cancellationToken =>
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(member, rewrite(member))));
                        },
                        equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The rewrites of the member this diagnostic allows: a title, an equivalence key, and the rewrite.</summary>
    private protected abstract IEnumerable<(string Title, string EquivalenceKey, Func<SyntaxNode, SyntaxNode> Rewrite)> Rewrites(Diagnostic diagnostic);
}
