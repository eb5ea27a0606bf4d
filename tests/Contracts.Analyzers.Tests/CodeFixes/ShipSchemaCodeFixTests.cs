using System.Linq;
using System.Threading.Tasks;
using Contracts.Analyzers.CodeFixes;
using Contracts.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Contracts.Analyzers.Tests.CodeFixes;

/// <summary>"Ship schema" (CTR1004) writes the baseline file; afterwards the analyzer is satisfied.</summary>
public sealed class ShipSchemaCodeFixTests
{
    private const string Source = """
        using Contracts;
        namespace Acme;

        /// <summary>A person.</summary>
        [Message("person", 1)]
        public partial record PersonV1(string Name, string? Email = null, int[]? Scores = null);

        [Message("person", 2)]
        public partial record PersonV2(string Name, string? Email = null);

        [Message("order", 1)]
        public partial record OrderV1(string Id);
        """;

    private const string GlobalConfig = """
        is_global = true
        build_property.ContractsShippedSchemasDirectory = /proj/schemas/shipped/
        [/proj/schemas/shipped/person/v1.avsc]
        build_metadata.AdditionalFiles.ContractsShippedSchema = true
        [/proj/schemas/shipped/person/v2.avsc]
        build_metadata.AdditionalFiles.ContractsShippedSchema = true
        [/proj/schemas/shipped/order/v1.avsc]
        build_metadata.AdditionalFiles.ContractsShippedSchema = true
        """;

    // The generator's full schema (doc, defaults and all), indented; this is what a reviewer sees in the diff.
    private const string PersonV1Text = """
        {
          "type": "record",
          "name": "Person",
          "namespace": "Acme",
          "doc": "A person.",
          "fields": [
            {
              "name": "name",
              "type": "string"
            },
            {
              "name": "email",
              "type": ["null", "string"],
              "default": null
            },
            {
              "name": "scores",
              "type": [
                "null",
                {
                  "type": "array",
                  "items": "int"
                }
              ],
              "default": null
            }
          ]
        }

        """;

    [Fact]
    public async Task Ship_schema_adds_the_baseline_file_where_the_props_put_the_baseline()
    {
        var project = WorkspaceHarness.Create(Source, GlobalConfig).Project;
        var diagnostics = await WorkspaceHarness.AnalyzeAsync(project);
        var personV1 = diagnostics.Single(d => d.Id == "CTR1004" && d.GetMessage().StartsWith("'PersonV1'", System.StringComparison.Ordinal));

        var action = Assert.Single(await WorkspaceHarness.FixesAsync(new ShipSchemaCodeFixProvider(), project, personV1));
        Assert.Equal("Ship schema v1 of person", action.Title);
        var fixedProject = await WorkspaceHarness.ApplyAsync(action, project);

        var added = Assert.Single(fixedProject.AdditionalDocuments);
        Assert.Equal("/proj/schemas/shipped/person/v1.avsc", added.FilePath);
        Assert.Equal("v1.avsc", added.Name);
        Assert.Equal(["schemas", "shipped", "person"], added.Folders);
        var text = await added.GetTextAsync();
        Assert.Equal(PersonV1Text.Replace("\r\n", "\n"), text.ToString());
        Assert.Equal("utf-8", text.Encoding?.WebName);
        Assert.Empty(text.Encoding!.GetPreamble());

        // The shipped file satisfies the baseline: PersonV1 is no longer unshipped, and nothing else is reported about it.
        var after = await WorkspaceHarness.AnalyzeAsync(fixedProject);
        Assert.Equal(
            ["CTR1004 'OrderV1'", "CTR1004 'PersonV2'"],
            after.Select(d => d.Id + " " + d.GetMessage().Split(' ')[0]).OrderBy(s => s, System.StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ship_schema_works_from_an_avsc_contract()
    {
        const string schema = """{"type": "record", "name": "Invoice", "namespace": "Acme", "contracts.messageType": "invoice", "fields": [{"name": "total", "type": "long"}]}""";
        var project = WorkspaceHarness.Create("namespace Acme;\n", "is_global = true\nbuild_property.ContractsShippedSchemasDirectory = /proj/schemas/shipped/\n[/proj/schemas/shipped/invoice/v1.avsc]\nbuild_metadata.AdditionalFiles.ContractsShippedSchema = true\n",
            ("/proj/schemas/invoice.avsc", schema)).Project;
        var diagnostic = Assert.Single(await WorkspaceHarness.AnalyzeAsync(project));

        var action = Assert.Single(await WorkspaceHarness.FixesInAdditionalDocumentAsync(new ShipSchemaCodeFixProvider(), project, diagnostic));
        Assert.Equal("Ship schema v1 of invoice", action.Title);
        var fixedProject = await WorkspaceHarness.ApplyAsync(action, project);

        var added = fixedProject.AdditionalDocuments.Single(d => d.FilePath == "/proj/schemas/shipped/invoice/v1.avsc");
        Assert.Contains("\"name\": \"total\"", (await added.GetTextAsync()).ToString(), System.StringComparison.Ordinal);
        Assert.Empty(await WorkspaceHarness.AnalyzeAsync(fixedProject));
    }

    [Fact]
    public async Task Fix_all_ships_every_unshipped_version_of_the_project()
    {
        var project = WorkspaceHarness.Create(Source, GlobalConfig).Project;
        var diagnostics = await WorkspaceHarness.AnalyzeAsync(project);
        var provider = new ShipSchemaCodeFixProvider();
        var fixAll = provider.GetFixAllProvider();
        var first = diagnostics.First(d => d.Id == "CTR1004");
        var action = Assert.Single(await WorkspaceHarness.FixesAsync(provider, project, first));
        var context = new Microsoft.CodeAnalysis.CodeFixes.FixAllContext(
            project.Documents.Single(),
            provider,
            Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Project,
            action.EquivalenceKey,
            ["CTR1004"],
            new FixedDiagnosticProvider(diagnostics),
            System.Threading.CancellationToken.None);
        var fixedProject = await WorkspaceHarness.ApplyAsync((await fixAll.GetFixAsync(context))!, project);

        Assert.Equal(
            ["/proj/schemas/shipped/order/v1.avsc", "/proj/schemas/shipped/person/v1.avsc", "/proj/schemas/shipped/person/v2.avsc"],
            fixedProject.AdditionalDocuments.Select(d => d.FilePath!).OrderBy(p => p, System.StringComparer.Ordinal));
        Assert.Empty(await WorkspaceHarness.AnalyzeAsync(fixedProject));
    }
}
