using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Contracts.Analyzers.CodeFixes;

/// <summary>
/// A code fix that writes one file into the shipped baseline, described by the diagnostic's properties
/// (<see cref="ShippedDocument.From"/>). Fix-all writes the files of every such diagnostic in the scope at once. Works
/// for diagnostics in C# files and in additional files (an <c>.avsc</c> contract, a baseline file).
/// </summary>
public abstract class BaselineFileCodeFixProvider : CodeFixProvider
{
    private readonly string _diagnosticId;
    private readonly string _titlePrefix;
    private readonly string _fixAllTitle;

    private protected BaselineFileCodeFixProvider(string diagnosticId, string titlePrefix, string fixAllTitle)
    {
        _diagnosticId = diagnosticId;
        _titlePrefix = titlePrefix;
        _fixAllTitle = fixAllTitle;
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => new AllFiles(this);

    /// <inheritdoc/>
    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var project = context.TextDocument.Project;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (ShippedDocument.From(diagnostic) is not { } file)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    _titlePrefix + " " + file.Title,
                    cancellationToken => Task.FromResult(ShippedDocument.AddAll(project.Solution, project.Id, new[] { file })),
                    GetType().Name),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private sealed class AllFiles(BaselineFileCodeFixProvider owner) : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(
                owner._fixAllTitle,
                cancellationToken => WriteAsync(fixAllContext, cancellationToken),
                owner.GetType().Name));

        private async Task<Solution> WriteAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var solution = context.Solution;
            var projects = context.Scope == FixAllScope.Solution ? solution.Projects.ToList() : new List<Project> { context.Project };
            foreach (var project in projects)
            {
                var diagnostics = context.Scope == FixAllScope.Document && context.Document is not null
                    ? await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false)
                    : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                var files = diagnostics
                    .Where(d => d.Id == owner._diagnosticId)
                    .Select(ShippedDocument.From)
                    .OfType<ShippedDocument>()
                    .GroupBy(s => s.RelativePath)
                    .Select(g => g.First())
                    .OrderBy(s => s.RelativePath, System.StringComparer.Ordinal)
                    .ToList();
                solution = ShippedDocument.AddAll(solution, project.Id, files);
            }

            return solution;
        }
    }
}
