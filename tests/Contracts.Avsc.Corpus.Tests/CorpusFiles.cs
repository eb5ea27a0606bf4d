using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Contracts.Runtime.Tests.Support;

namespace Contracts.Avsc.Corpus.Tests;

/// <summary>
/// The corpus on disk, read independently of the generator: which named types each file defines and references, and
/// each file's schema as Apache.Avro parses it with the files it depends on (Apache has no multi-file parser, so the
/// dependencies and the file are parsed as one union and the file's own branch is taken).
/// </summary>
internal static class CorpusFiles
{
    private static readonly HashSet<string> Primitives = new(StringComparer.Ordinal)
    {
        "null", "boolean", "int", "long", "float", "double", "bytes", "string",
    };

    private static readonly Lazy<IReadOnlyList<CorpusFile>> All = new(Load);

    public static IReadOnlyList<CorpusFile> Files => All.Value;

    /// <summary>
    /// The files whose top-level record is a contract: it says so (<c>"contracts.message"</c>), or it is not a shared type
    /// (one another file refers to and that sets no message settings).
    /// </summary>
    public static IEnumerable<CorpusFile> ContractFiles => Files.Where(f => f.IsRecord &&
        (f.IsMessage ?? (f.HasMessageSettings || !Files.Any(other => other != f && other.Referenced.Contains(f.FullName!)))));

    public static CorpusFile Get(string relativePath) => Files.Single(f => f.RelativePath == relativePath);

    // The build copies the corpus next to the test assembly: source paths are mapped to "/_/" in deterministic CI builds.
    public static string Directory() => Path.Combine(AppContext.BaseDirectory, "schemas");

    /// <summary>The file's top-level schema as Apache.Avro parses it, named references resolved from the other files.</summary>
    public static global::Avro.Schema ApacheSchema(CorpusFile file) => ApacheSchema(file, text => text);

    /// <summary>
    /// The file's schema for computing its Parsing Canonical Form in Apache.Avro: the same schema with the logical type of
    /// each fixed removed. The canonical form strips logical types anyway ([STRIP] in the specification), but Apache.Avro
    /// 1.12.2 writes a fixed that carries one as a bare name reference, without its definition.
    /// </summary>
    public static global::Avro.Schema ApacheSchemaForCanonicalForm(CorpusFile file) => ApacheSchema(file, ApacheCanonicalInput.WithoutFixedLogicalTypes);

    private static global::Avro.Schema ApacheSchema(CorpusFile file, Func<string, string> textOf)
    {
        var ordered = new List<CorpusFile>();
        AddDependencies(file, ordered, new HashSet<CorpusFile>());
        if (ordered.Count == 0)
        {
            return global::Avro.Schema.Parse(textOf(file.Text));
        }

        var union = (global::Avro.UnionSchema)global::Avro.Schema.Parse("[" + string.Join(",", ordered.Select(f => textOf(f.Text)).Append(textOf(file.Text))) + "]");
        return union.Schemas[^1];
    }

    private static void AddDependencies(CorpusFile file, List<CorpusFile> ordered, HashSet<CorpusFile> visiting)
    {
        visiting.Add(file);
        foreach (var name in file.Referenced.Except(file.Defined).Order(StringComparer.Ordinal))
        {
            var provider = Files.FirstOrDefault(f => f.Defined.Contains(name))
                ?? throw new InvalidOperationException(file.RelativePath + " references " + name + ", which no corpus file defines.");
            if (!visiting.Contains(provider) && !ordered.Contains(provider))
            {
                AddDependencies(provider, ordered, visiting);
                ordered.Add(provider);
            }
        }
    }

    private static IReadOnlyList<CorpusFile> Load()
    {
        var root = Directory();
        return System.IO.Directory.EnumerateFiles(root, "*.avsc", SearchOption.AllDirectories)
            .Select(path =>
            {
                var text = File.ReadAllText(path);
                using var document = JsonDocument.Parse(text);
                var defined = new HashSet<string>(StringComparer.Ordinal);
                var referenced = new HashSet<string>(StringComparer.Ordinal);
                var fullName = Walk(document.RootElement, string.Empty, defined, referenced);
                var top = document.RootElement;
                var isRecord = top.ValueKind == JsonValueKind.Object && top.GetProperty("type").GetString() is "record";
                bool? isMessage = isRecord && top.TryGetProperty("contracts.message", out var message) ? message.GetBoolean() : null;
                var hasMessageSettings = isRecord && new[] { "contracts.messageType", "contracts.version", "contracts.key", "contracts.keyFormat" }.Any(p => top.TryGetProperty(p, out _));
                return new CorpusFile(Path.GetRelativePath(root, path).Replace('\\', '/'), text, fullName, isRecord, isMessage, hasMessageSettings, defined, referenced);
            })
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Collects defined and referenced full names (Avro namespace rules); returns the full name the node defines, if any.</summary>
    private static string? Walk(JsonElement node, string enclosingNamespace, HashSet<string> defined, HashSet<string> referenced)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.String:
                var name = node.GetString()!;
                if (!Primitives.Contains(name))
                {
                    referenced.Add(name.Contains('.') || enclosingNamespace.Length == 0 ? name : enclosingNamespace + "." + name);
                }

                return null;
            case JsonValueKind.Array:
                foreach (var branch in node.EnumerateArray())
                {
                    Walk(branch, enclosingNamespace, defined, referenced);
                }

                return null;
            case JsonValueKind.Object:
                var type = node.GetProperty("type");
                if (type.ValueKind != JsonValueKind.String)
                {
                    return Walk(type, enclosingNamespace, defined, referenced);
                }

                switch (type.GetString())
                {
                    case "record" or "error" or "enum" or "fixed":
                        var shortName = node.GetProperty("name").GetString()!;
                        string space;
                        string full;
                        if (shortName.Contains('.'))
                        {
                            full = shortName;
                            space = shortName[..shortName.LastIndexOf('.')];
                        }
                        else
                        {
                            space = node.TryGetProperty("namespace", out var ns) ? ns.GetString()! : enclosingNamespace;
                            full = space.Length == 0 ? shortName : space + "." + shortName;
                        }

                        defined.Add(full);
                        if (node.TryGetProperty("fields", out var fields))
                        {
                            foreach (var field in fields.EnumerateArray())
                            {
                                Walk(field.GetProperty("type"), space, defined, referenced);
                            }
                        }

                        return full;
                    case "array":
                        Walk(node.GetProperty("items"), enclosingNamespace, defined, referenced);
                        return null;
                    case "map":
                        Walk(node.GetProperty("values"), enclosingNamespace, defined, referenced);
                        return null;
                    default:
                        return Walk(type, enclosingNamespace, defined, referenced);
                }

            default:
                return null;
        }
    }
}

/// <summary>One .avsc file of the corpus.</summary>
internal sealed record CorpusFile(
    string RelativePath,
    string Text,
    string? FullName,
    bool IsRecord,
    bool? IsMessage,
    bool HasMessageSettings,
    IReadOnlySet<string> Defined,
    IReadOnlySet<string> Referenced)
{
    public override string ToString() => RelativePath;
}
