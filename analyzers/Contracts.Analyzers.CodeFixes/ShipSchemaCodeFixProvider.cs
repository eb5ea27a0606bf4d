using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Analyzers.Compatibility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Contracts.Analyzers.CodeFixes;

/// <summary>
/// CTR1004 "Ship schema": writes the contract's schema into the shipped baseline (<c>schemas/shipped/&lt;type&gt;/v&lt;N&gt;.avsc</c>)
/// as an additional document. Fix-all ships every unshipped version in the scope at once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ShipSchemaCodeFixProvider)), Shared]
public sealed class ShipSchemaCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CTR1004");

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => ShipAllProvider.Instance;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (ShippedDocument.From(diagnostic) is not { } shipped)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Ship schema " + shipped.Title,
                    cancellationToken => Task.FromResult(ShippedDocument.AddAll(context.Document.Project.Solution, context.Document.Project.Id, new[] { shipped })),
                    nameof(ShipSchemaCodeFixProvider)),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private sealed class ShipAllProvider : FixAllProvider
    {
        public static readonly ShipAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(
                "Ship every unshipped schema",
                cancellationToken => ShipAsync(fixAllContext, cancellationToken),
                nameof(ShipSchemaCodeFixProvider)));

        private static async Task<Solution> ShipAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var solution = context.Solution;
            var projects = context.Scope == FixAllScope.Solution ? solution.Projects.ToList() : new List<Project> { context.Project };
            foreach (var project in projects)
            {
                var diagnostics = context.Scope == FixAllScope.Document && context.Document is not null
                    ? await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false)
                    : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                var shipped = diagnostics
                    .Where(d => d.Id == "CTR1004")
                    .Select(ShippedDocument.From)
                    .OfType<ShippedDocument>()
                    .GroupBy(s => s.RelativePath)
                    .Select(g => g.First())
                    .OrderBy(s => s.RelativePath, System.StringComparer.Ordinal)
                    .ToList();
                solution = ShippedDocument.AddAll(solution, project.Id, shipped);
            }

            return solution;
        }
    }
}
