using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.Benchmarks;

/// <summary>
/// A project of <c>types × versions</c> contracts shaped like real evolution: each version adds a nullable field with a
/// default next to a nested record, an enum, an array and a map, so every pair is compatible under FULL_TRANSITIVE
/// (the most checks a mode asks for) and the analyzer does all its work without reporting breaks. All versions but the
/// newest of each type are in the shipped baseline (written with inherited namespaces, as a person would), so shape
/// comparison runs too.
/// </summary>
internal sealed class ContractChainCorpus
{
    private ContractChainCorpus(CSharpCompilation compilation, AnalyzerOptions options, int contracts)
    {
        Compilation = compilation;
        Options = options;
        Contracts = contracts;
    }

    public CSharpCompilation Compilation { get; }

    public AnalyzerOptions Options { get; }

    public int Contracts { get; }

    public static ContractChainCorpus Create(int types, int versions)
    {
        var trees = new List<SyntaxTree>();
        var shipped = new List<AdditionalText>();
        var config = new StringBuilder("is_global = true\nbuild_property.ContractsCompatibility = FULL_TRANSITIVE\nbuild_property.ContractsShippedSchemasDirectory = /bench/schemas/shipped/\n");
        for (var type = 0; type < types; type++)
        {
            var source = new StringBuilder("using System.Collections.Generic;\nusing Contracts;\nnamespace Bench.T" + Text(type) + ";\n\n");
            source.Append("public enum Status { Active, Closed }\n");
            source.Append("public sealed record Address(string Street, string City);\n\n");
            for (var version = 1; version <= versions; version++)
            {
                source.Append("[Message(\"type-").Append(Text(type)).Append("\", ").Append(Text(version)).Append(")]\n");
                source.Append("public partial record EntityV").Append(Text(version)).Append("(string Id, ");
                source.Append("int Count, Address Home, List<string> Tags, Dictionary<string, double> Scores, Status State");
                for (var added = 2; added <= version; added++)
                {
                    source.Append(", string? Note").Append(Text(added)).Append(" = null");
                }

                source.Append(");\n\n");
                if (version < versions)
                {
                    var path = "/bench/schemas/shipped/type-" + Text(type) + "/v" + Text(version) + ".avsc";
                    shipped.Add(new InMemoryText(path, ShippedSchema(type, version)));
                    config.Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.ContractsShippedSchema = true\n");
                }
            }

            trees.Add(CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest), path: "/bench/T" + Text(type) + ".cs"));
        }

        var compilation = CSharpCompilation.Create(
            "Bench",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var options = new AnalyzerOptions(shipped.ToImmutableArray(), new ConfigOptionsProvider(config.ToString(), shipped));
        return new ContractChainCorpus(compilation, options, types * versions);
    }

    /// <summary>The schema the generator emits for version <paramref name="version"/>, written the way a baseline file is.</summary>
    private static string ShippedSchema(int type, int version)
    {
        var fields = new StringBuilder();
        fields.Append("{\"name\":\"id\",\"type\":\"string\"},");
        fields.Append("{\"name\":\"count\",\"type\":\"int\"},");
        fields.Append("{\"name\":\"home\",\"type\":{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"street\",\"type\":\"string\"},{\"name\":\"city\",\"type\":\"string\"}]}},");
        fields.Append("{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}},");
        fields.Append("{\"name\":\"scores\",\"type\":{\"type\":\"map\",\"values\":\"double\"}},");
        fields.Append("{\"name\":\"state\",\"type\":{\"type\":\"enum\",\"name\":\"Status\",\"symbols\":[\"Active\",\"Closed\"]}}");
        for (var added = 2; added <= version; added++)
        {
            fields.Append(",{\"name\":\"note").Append(Text(added)).Append("\",\"type\":[\"null\",\"string\"],\"default\":null}");
        }

        return "{\"type\":\"record\",\"name\":\"Entity\",\"namespace\":\"Bench.T" + Text(type) + "\",\"fields\":[" + fields + "]}";
    }

    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(Contracts.MessageAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The analyzer config the SDK would write: global properties, and the baseline metadata per shipped file.</summary>
    private sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions _global;
        private readonly AnalyzerConfigOptions _shipped = new Options(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ContractsShippedSchema"] = "true" });
        private readonly HashSet<string> _shippedPaths;

        public ConfigOptionsProvider(string config, IEnumerable<AdditionalText> shipped)
        {
            _global = new Options(config.Split('\n')
                .TakeWhile(line => !line.StartsWith('['))
                .Select(line => line.Split(" = ", 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => parts[1]));
            _shippedPaths = new HashSet<string>(shipped.Select(s => s.Path), StringComparer.Ordinal);
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _shippedPaths.Contains(textFile.Path) ? _shipped : Options.Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
