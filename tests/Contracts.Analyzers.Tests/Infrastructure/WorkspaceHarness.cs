using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.Tests.Infrastructure;

/// <summary>
/// A project in a real workspace, for code fixes whose result the testing library cannot express: an added additional
/// document's display name is its file name (as in an IDE), while the library expects names to equal paths.
/// </summary>
internal sealed class WorkspaceHarness
{
    private WorkspaceHarness(Project project) => Project = project;

    public Project Project { get; }

    public static WorkspaceHarness Create(string source, string globalConfig, params (string Path, string Text)[] additionalFiles)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Proj", "Proj", LanguageNames.CSharp, filePath: "/proj/Proj.csproj")
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                .WithMetadataReferences(TestReferences.Metadata))
            .AddDocument(DocumentId.CreateNewId(projectId), "Contracts.cs", SourceText.From(source), filePath: "/proj/Contracts.cs")
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(globalConfig), filePath: "/proj/.globalconfig");
        foreach (var (path, text) in additionalFiles)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        return new WorkspaceHarness(solution.GetProject(projectId)!);
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new CompatibilityAnalyzer());
        var options = new AnalyzerOptions(
            project.AdditionalDocuments.Select(d => (AdditionalText)new DocumentText(d)).ToImmutableArray(),
            project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
        return await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
    }

    /// <summary>Applies the code action with the given title (one fix or fix-all) and returns the changed project.</summary>
    public static async Task<Project> ApplyAsync(CodeAction action, Project project)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return changed.GetProject(project.Id)!;
    }

    public static async Task<List<CodeAction>> FixesAsync(CodeFixProvider provider, Project project, Diagnostic diagnostic)
    {
        var document = project.Documents.Single();
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        return actions;
    }

    /// <summary>The fixes offered for a diagnostic in an additional file (an .avsc contract, a baseline file), as an IDE asks for them.</summary>
    public static async Task<List<CodeAction>> FixesInAdditionalDocumentAsync(CodeFixProvider provider, Project project, Diagnostic diagnostic)
    {
        var document = project.AdditionalDocuments.Single(d => d.FilePath == diagnostic.Location.GetLineSpan().Path);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        return actions;
    }

    private sealed class DocumentText(TextDocument document) : AdditionalText
    {
        public override string Path => document.FilePath!;

        public override SourceText? GetText(CancellationToken cancellationToken = default) =>
            document.GetTextAsync(cancellationToken).GetAwaiter().GetResult();
    }
}
