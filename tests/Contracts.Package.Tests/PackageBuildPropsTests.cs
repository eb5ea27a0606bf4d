using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.Package.Tests.Infrastructure;
using Xunit;

namespace Contracts.Package.Tests;

/// <summary>What a project referencing the package gets from its build/ and buildTransitive/ props, before compiling.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageBuildPropsTests(PackedPackage package)
{
    private const string Schema = """{"type":"record","name":"Order","namespace":"Shop","fields":[{"name":"id","type":"long"}]}""";

    [Fact]
    public async Task Direct_reference_brings_the_generator_schemas_and_compiler_visible_properties()
    {
        var project = ConsumerProject.Create(package, "DirectReference");
        project.WriteFile("schemas/shop/order.avsc", Schema);
        project.WriteFile("schemas/readme.txt", "not a schema");
        project.WriteFile("other/ignored.avsc", Schema);

        var evaluation = await EvaluateAsync(project);

        Assert.Contains(ItemPaths(evaluation, "Analyzer"), IsPackagedGenerator);
        Assert.Equal([Path.Combine(project.Directory, "schemas", "shop", "order.avsc")], SchemaFiles(evaluation));
        var visible = evaluation.GetProperty("Items").GetProperty("CompilerVisibleProperty").EnumerateArray().Select(i => i.GetProperty("Identity").GetString()).ToArray();
        Assert.Contains("RootNamespace", visible);
        Assert.Contains("ContractsSchemasDirectory", visible);
    }

    [Fact]
    public async Task Schema_folder_can_be_moved_in_the_project_file()
    {
        var project = ConsumerProject.Create(package, "MovedSchemas", properties: "<ContractsSchemasDirectory>contracts</ContractsSchemasDirectory>");
        project.WriteFile("contracts/order.avsc", Schema);
        project.WriteFile("schemas/not-this-one.avsc", Schema);

        var evaluation = await EvaluateAsync(project);

        Assert.Equal([Path.Combine(project.Directory, "contracts", "order.avsc")], SchemaFiles(evaluation));
    }

    [Fact]
    public async Task Automatic_schema_files_can_be_turned_off()
    {
        var project = ConsumerProject.Create(package, "NoAutomaticSchemas", properties: "<ContractsIncludeSchemas>false</ContractsIncludeSchemas>");
        project.WriteFile("schemas/order.avsc", Schema);

        var evaluation = await EvaluateAsync(project);

        Assert.Empty(SchemaFiles(evaluation));
    }

    [Fact]
    public async Task Project_referencing_a_contracts_library_gets_the_generator_and_its_own_schemas()
    {
        var library = ConsumerProject.Create(package, "ContractsLibrary");
        var app = ConsumerProject.Create(
            package,
            "AppUsingLibrary",
            items: $"""<ProjectReference Include="{Path.Combine("..", library.Name, library.Name + ".csproj")}" />""",
            referencesContracts: false);
        app.WriteFile("schemas/order.avsc", Schema);

        var evaluation = await EvaluateAsync(app);

        Assert.Contains(ItemPaths(evaluation, "Analyzer"), IsPackagedGenerator);
        Assert.Equal([Path.Combine(app.Directory, "schemas", "order.avsc")], SchemaFiles(evaluation));
    }

    private bool IsPackagedGenerator(string path) =>
        path.Replace('\\', '/').EndsWith($"/contracts/{package.Version}/analyzers/dotnet/cs/Contracts.Generator.dll", StringComparison.OrdinalIgnoreCase);

    // Restores, then resolves the package's analyzers the way a build does, and reports the resulting items.
    private static async Task<JsonElement> EvaluateAsync(ConsumerProject project)
    {
        var json = await project.RunDotNetAsync(
            "msbuild", project.ProjectPath, "-restore", "-nodeReuse:false", "-tl:off",
            "-t:ResolveLockFileAnalyzers",
            "-getItem:Analyzer", "-getItem:AdditionalFiles", "-getItem:CompilerVisibleProperty");
        using var document = JsonDocument.Parse(json[json.IndexOf('{', StringComparison.Ordinal)..]);
        return document.RootElement.Clone();
    }

    private static string[] ItemPaths(JsonElement evaluation, string itemType) =>
        evaluation.GetProperty("Items").TryGetProperty(itemType, out var items)
            ? items.EnumerateArray().Select(i => i.GetProperty("FullPath").GetString()!).ToArray()
            : [];

    private static string[] SchemaFiles(JsonElement evaluation) =>
        ItemPaths(evaluation, "AdditionalFiles").Where(p => p.EndsWith(".avsc", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();
}
