using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Analyzers.CodeFixes;
using Contracts.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace Contracts.Analyzers.Tests.CodeFixes;

/// <summary>"Acknowledge removal" (CTR1003) adds the empty removal marker next to the shipped schema; afterwards the analyzer is satisfied.</summary>
public sealed class AcknowledgeRemovalCodeFixTests
{
    private const string Source = """
        using Contracts;
        namespace Acme;

        [Message("person", 2)]
        public partial record PersonV2(string Name, string? Email = null);
        """;

    private const string PersonV1 = """{"type":"record","name":"Person","namespace":"Acme","fields":[{"name":"name","type":"string"}]}""";
    private const string PersonV2 = """{"type":"record","name":"Person","namespace":"Acme","fields":[{"name":"name","type":"string"},{"name":"email","type":["null","string"],"default":null}]}""";
    private const string OrderV1 = """{"type":"record","name":"Order","namespace":"Acme","fields":[{"name":"id","type":"string"}]}""";

    private const string GlobalConfig = """
        is_global = true
        build_property.ContractsShippedSchemasDirectory = /proj/schemas/shipped/
        [/proj/schemas/shipped/person/v1.avsc]
        build_metadata.AdditionalFiles.ContractsShippedSchema = true
        [/proj/schemas/shipped/person/v2.avsc]
        build_metadata.AdditionalFiles.ContractsShippedSchema = true
        [/proj/schemas/shipped/order/v1.avsc]
        build_metadata.AdditionalFiles.ContractsShippedSchema = true
        [/proj/schemas/shipped/person/v1.removed]
        build_metadata.AdditionalFiles.ContractsShippedSchema = true
        [/proj/schemas/shipped/order/v1.removed]
        build_metadata.AdditionalFiles.ContractsShippedSchema = true
        """;

    private static WorkspaceHarness Harness() => WorkspaceHarness.Create(Source, GlobalConfig,
        ("/proj/schemas/shipped/person/v1.avsc", PersonV1),
        ("/proj/schemas/shipped/person/v2.avsc", PersonV2),
        ("/proj/schemas/shipped/order/v1.avsc", OrderV1));

    [Fact]
    public async Task Acknowledge_removal_adds_the_empty_marker_next_to_the_shipped_schema()
    {
        var project = Harness().Project;
        var diagnostics = await WorkspaceHarness.AnalyzeAsync(project);
        Assert.Equal(["CTR1003 /proj/schemas/shipped/order/v1.avsc", "CTR1003 /proj/schemas/shipped/person/v1.avsc"], diagnostics.Select(Describe).OrderBy(s => s, System.StringComparer.Ordinal));
        var personV1 = diagnostics.Single(d => d.Location.GetLineSpan().Path == "/proj/schemas/shipped/person/v1.avsc");

        var action = Assert.Single(await WorkspaceHarness.FixesInAdditionalDocumentAsync(new AcknowledgeRemovalCodeFixProvider(), project, personV1));
        Assert.Equal("Acknowledge removal of v1 of person", action.Title);
        var fixedProject = await WorkspaceHarness.ApplyAsync(action, project);

        var added = fixedProject.AdditionalDocuments.Single(d => d.FilePath!.EndsWith(".removed", System.StringComparison.Ordinal));
        Assert.Equal("/proj/schemas/shipped/person/v1.removed", added.FilePath);
        Assert.Equal("v1.removed", added.Name);
        Assert.Equal(["schemas", "shipped", "person"], added.Folders);
        Assert.Equal(string.Empty, (await added.GetTextAsync()).ToString());

        // The shipped schema stays (later versions are still checked against it); only the other removal is left.
        Assert.Contains(fixedProject.AdditionalDocuments, d => d.FilePath == "/proj/schemas/shipped/person/v1.avsc");
        Assert.Equal(["CTR1003 /proj/schemas/shipped/order/v1.avsc"], (await WorkspaceHarness.AnalyzeAsync(fixedProject)).Select(Describe));
    }

    [Fact]
    public async Task Fix_all_acknowledges_every_removed_version_of_the_project()
    {
        var project = Harness().Project;
        var diagnostics = await WorkspaceHarness.AnalyzeAsync(project);
        var provider = new AcknowledgeRemovalCodeFixProvider();
        var action = Assert.Single(await WorkspaceHarness.FixesInAdditionalDocumentAsync(provider, project, diagnostics[0]));
        var context = new FixAllContext(
            project,
            provider,
            FixAllScope.Project,
            action.EquivalenceKey,
            ["CTR1003"],
            new FixedDiagnosticProvider(diagnostics),
            CancellationToken.None);
        var fixedProject = await WorkspaceHarness.ApplyAsync((await provider.GetFixAllProvider().GetFixAsync(context))!, project);

        Assert.Equal(
            ["/proj/schemas/shipped/order/v1.removed", "/proj/schemas/shipped/person/v1.removed"],
            fixedProject.AdditionalDocuments.Select(d => d.FilePath!).Where(p => p.EndsWith(".removed", System.StringComparison.Ordinal)).OrderBy(p => p, System.StringComparer.Ordinal));
        Assert.Empty(await WorkspaceHarness.AnalyzeAsync(fixedProject));
    }

    private static string Describe(Diagnostic diagnostic) =>
        diagnostic.Id + " " + diagnostic.Location.GetLineSpan().Path;
}
