using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contracts.Analyzers.Baseline;
using Contracts.Analyzers.Caching;
using Contracts.Generator.Compatibility;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;
using Contracts.Generator.Parsing.Avsc;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contracts.Analyzers.Compatibility;

/// <summary>
/// Every contract of one compilation, grouped into version chains by message type, with the shipped baseline and the
/// project's mode. Built once per compilation (lazily, by the first action that needs it) and read by all the others.
/// </summary>
internal sealed class ContractInventory
{
    public const string ModeProperty = "build_property.ContractsCompatibility";
    public const string ShippedDirectoryProperty = "build_property.ContractsShippedSchemasDirectory";
    public const string CompatibilityMetadataKey = "build_metadata.AdditionalFiles." + SchemaFileSource.CompatibilityMetadata;

    private readonly Dictionary<string, List<DeclaredContract>> _byType;
    private readonly Dictionary<ISymbol, DeclaredContract> _bySymbol;
    private readonly Dictionary<string, DeclaredContract> _bySchemaFile;
    private readonly ConcurrentDictionary<string, IReadOnlyList<ChainVersion>> _chains = new(StringComparer.Ordinal);

    private ContractInventory(IReadOnlyList<DeclaredContract> contracts, ShippedBaseline baseline, string? projectModeText, string? shippedDirectory, ContractCache cache)
    {
        Cache = cache;
        Contracts = contracts;
        Baseline = baseline;
        ProjectModeText = string.IsNullOrWhiteSpace(projectModeText) ? null : projectModeText!.Trim();
        ProjectMode = ProjectModeText is null ? ModeSetting.Default : ModeSetting.Parse(ProjectModeText);
        ShippedDirectory = string.IsNullOrWhiteSpace(shippedDirectory) ? null : shippedDirectory!.Trim();
        _byType = contracts.GroupBy(c => c.MessageType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _bySymbol = contracts.Where(c => c.Symbol is not null).ToDictionary(c => (ISymbol)c.Symbol!, c => c, SymbolEqualityComparer.Default);
        _bySchemaFile = contracts.Where(c => c.SchemaFilePath is not null).ToDictionary(c => c.SchemaFilePath!, c => c, StringComparer.Ordinal);
    }

    public IReadOnlyList<DeclaredContract> Contracts { get; }

    /// <summary>What the analyzer keeps across compilations, for the checks to reuse.</summary>
    public ContractCache Cache { get; }

    public ShippedBaseline Baseline { get; }

    /// <summary>The project's mode, or null when <see cref="ProjectModeText"/> names none (CTR1006).</summary>
    public CompatibilityMode? ProjectMode { get; }

    /// <summary>The <c>ContractsCompatibility</c> MSBuild property as set, or null when unset.</summary>
    public string? ProjectModeText { get; }

    /// <summary>The <c>ContractsShippedSchemasDirectory</c> MSBuild property (absolute, from the props), or null.</summary>
    public string? ShippedDirectory { get; }

    public static ContractInventory Build(Compilation compilation, AnalyzerOptions options, INamedTypeSymbol messageAttribute, ContractCache cache, CancellationToken cancellationToken)
    {
        var contracts = new List<DeclaredContract>();
        foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, messageAttribute));
            if (attribute is null)
            {
                continue;
            }

            // A contract the generator rejects has no schema; its own diagnostics (CTR00xx) say why.
            if (cache.TypeContract(compilation, type, attribute, cancellationToken) is { } parsed)
            {
                contracts.Add(DeclaredContract.FromType(type, attribute, parsed));
            }
        }

        contracts.AddRange(SchemaFileContracts(options, cache, cancellationToken));

        // Path order, then source order, so "the first declaration" of a version declared twice is the same in every build.
        contracts.Sort((a, b) =>
        {
            var byFile = string.CompareOrdinal(a.SchemaFilePath ?? a.Location.SourceTree?.FilePath, b.SchemaFilePath ?? b.Location.SourceTree?.FilePath);
            return byFile != 0 ? byFile : a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
        });

        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        global.TryGetValue(ModeProperty, out var mode);
        global.TryGetValue(ShippedDirectoryProperty, out var shippedDirectory);
        return new ContractInventory(contracts, ShippedBaseline.Read(options, cache, cancellationToken), mode, shippedDirectory, cache);
    }

    public DeclaredContract? Find(ISymbol symbol) => _bySymbol.TryGetValue(symbol, out var contract) ? contract : null;

    /// <summary>The contract an <c>.avsc</c> file declares, or null.</summary>
    public DeclaredContract? FindSchemaFile(string path) => _bySchemaFile.TryGetValue(path, out var contract) ? contract : null;

    /// <summary>
    /// The contracts the generator makes from <c>.avsc</c> AdditionalFiles (baseline files excluded), through the
    /// generator's own parse, cross-file index and resolve steps. Files with errors have no model; the generator
    /// reports them (CTR0020…).
    /// </summary>
    private static IEnumerable<DeclaredContract> SchemaFileContracts(AnalyzerOptions options, ContractCache cache, CancellationToken cancellationToken)
    {
        var files = new List<SchemaFileSource>();
        foreach (var additional in options.AdditionalFiles.Where(AvscInputs.IsSchemaFile).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var fileOptions = AvscInputs.ReadOptions(additional, options.AnalyzerConfigOptionsProvider);
            if (!fileOptions.IsShippedBaseline && additional.GetText(cancellationToken) is { } text)
            {
                options.AnalyzerConfigOptionsProvider.GetOptions(additional).TryGetValue(CompatibilityMetadataKey, out var mode);
                files.Add(cache.SchemaFile(additional.Path, text, fileOptions, string.IsNullOrWhiteSpace(mode) ? null : mode!.Trim(), cancellationToken));
            }
        }

        if (files.Count == 0)
        {
            yield break;
        }

        var index = new AvscSchemaIndex(files.Select(f => f.File));
        foreach (var file in files)
        {
            if (cache.SchemaFileContract(file.File, index, cancellationToken) is { } parsed)
            {
                yield return DeclaredContract.FromSchemaFile(file, parsed);
            }
        }
    }

    /// <summary>Every declared contract of the message type, in declaration order.</summary>
    public IReadOnlyList<DeclaredContract> Declared(string messageType) =>
        _byType.TryGetValue(messageType, out var list) ? list : Array.Empty<DeclaredContract>();

    /// <summary>
    /// The message type's versions in ascending order: each declared version (the first declaration when a version is
    /// declared twice, CTR1008) and each shipped version no contract declares any more.
    /// </summary>
    public IReadOnlyList<ChainVersion> Chain(string messageType) => _chains.GetOrAdd(messageType, type =>
    {
        var versions = new SortedDictionary<int, ChainVersion>();
        foreach (var contract in Declared(type))
        {
            if (!versions.ContainsKey(contract.Version))
            {
                versions.Add(contract.Version, new ChainVersion(contract.Version, contract, Baseline.Find(type, contract.Version)));
            }
        }

        foreach (var shipped in Baseline.Schemas.Where(s => s.MessageType == type && s.Error is null))
        {
            if (!versions.ContainsKey(shipped.Version))
            {
                versions.Add(shipped.Version, new ChainVersion(shipped.Version, null, shipped));
            }
        }

        return versions.Values.ToList();
    });

    private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol root)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                {
                    pending.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)current;
            yield return type;
            foreach (var nested in type.GetTypeMembers())
            {
                pending.Push(nested);
            }
        }
    }
}
