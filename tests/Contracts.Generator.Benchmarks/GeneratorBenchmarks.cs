using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Generator.Benchmarks;

/// <summary>
/// The generator over a project of <see cref="Contracts"/> .avsc contracts: a full build (new driver, as a command-line
/// build runs it), an IDE-style edit of one schema, and an edit of unrelated C# (which must regenerate nothing).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private GeneratorProject _project = null!;
    private GeneratorDriver _driver = null!;
    private AdditionalText _edited = null!;
    private AdditionalText _editedAlternative = null!;
    private Compilation _compilationAlternative = null!;
    private Compilation _compilationCurrent = null!;

    [Params(500)]
    public int Contracts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = new GeneratorProject(Contracts);
        _driver = _project.CreateDriver().RunGenerators(_project.Compilation);
        _edited = _project.Schemas[^1];
        var text = _edited.GetText()!.ToString();
        _editedAlternative = new GeneratorProject.SchemaText(_edited.Path, text.Replace("\"doc\": \"Synthetic event", "\"doc\": \"Edited synthetic event", System.StringComparison.Ordinal));
        _compilationCurrent = _project.Compilation;
        var tree = _project.Compilation.SyntaxTrees[0];
        _compilationAlternative = _project.Compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(tree.GetText() + "\n// edited\n")));
    }

    [Benchmark(Description = "Full build (new driver)")]
    public GeneratorDriver FullBuild() => _project.CreateDriver().RunGenerators(_project.Compilation);

    [Benchmark(Description = "Edit one .avsc (warm driver)")]
    public GeneratorDriver EditOneSchema()
    {
        _driver = _driver.ReplaceAdditionalText(_edited, _editedAlternative).RunGenerators(_compilationCurrent);
        (_edited, _editedAlternative) = (_editedAlternative, _edited);
        return _driver;
    }

    [Benchmark(Description = "Edit unrelated C# (warm driver)")]
    public GeneratorDriver EditUnrelatedCSharp()
    {
        _driver = _driver.RunGenerators(_compilationAlternative);
        (_compilationCurrent, _compilationAlternative) = (_compilationAlternative, _compilationCurrent);
        return _driver;
    }
}
