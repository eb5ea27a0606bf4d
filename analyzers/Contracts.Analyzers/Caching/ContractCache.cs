using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Contracts.Analyzers.Baseline;
using Contracts.Analyzers.Compatibility;
using Contracts.Generator.Compatibility;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;
using Contracts.Generator.Parsing.Avsc;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.Caching;

/// <summary>
/// Parsed contracts and baseline files kept across compilations (one cache per analyzer instance, which an editor keeps
/// for the session), so an edit re-parses only what depends on the edited file:
/// <list type="bullet">
/// <item>a <c>[Message]</c> type, per syntax tree that declares it (entries go with the tree), while its
/// <see cref="SemanticFingerprint"/> — its trees, the trees of every type it reaches, and their bound meaning — is equal;</item>
/// <item>an <c>.avsc</c> file's parse, per path, while its content (checksum) and MSBuild settings are equal, and its
/// resolved contract while the file and every definition it reaches through the index are equal;</item>
/// <item>a shipped baseline file, per path, while its content is equal.</item>
/// </list>
/// Each cached value is immutable, so concurrent analyses of several compilations may share it.
/// </summary>
internal sealed class ContractCache
{
    private readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string, TypeEntry>> _types = new();
    private readonly ConcurrentDictionary<string, TextEntry<SchemaFileSource>> _schemaFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ResolutionEntry> _resolutions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TextEntry<ShippedSchema>> _shipped = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<AvroSchema, CheckSlot> _checks = new();

    /// <summary>Test hook: told of every parse the cache could not avoid (<c>"type Acme.PersonV1"</c>, <c>"avsc /p/a.avsc"</c>, <c>"resolve …"</c>, <c>"shipped …"</c>).</summary>
    internal Action<string>? Parsing { get; set; }

    /// <summary>The parsed <c>[Message]</c> type, or null when the generator rejects it (its own diagnostics say why).</summary>
    public ParsedContract? TypeContract(Compilation compilation, INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        var fingerprint = SemanticFingerprint.Of(compilation, type, attribute, cancellationToken);
        var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var entries = type.DeclaringSyntaxReferences.IsEmpty
            ? null
            : _types.GetValue(type.DeclaringSyntaxReferences[0].SyntaxTree, _ => new ConcurrentDictionary<string, TypeEntry>(StringComparer.Ordinal));
        if (entries is not null && entries.TryGetValue(name, out var entry) && entry.Fingerprint.Equals(fingerprint))
        {
            return entry.Contract;
        }

        Parsing?.Invoke("type " + type.ToDisplayString());
        var contract = ContractParser.Parse(compilation, type, attribute, cancellationToken).Model is { } model ? ParsedContract.From(model) : null;
        if (entries is not null)
        {
            entries[name] = new TypeEntry(fingerprint, contract);
        }

        return contract;
    }

    /// <summary>The generator's parse of one <c>.avsc</c> file, with its text and mode metadata.</summary>
    public SchemaFileSource SchemaFile(string path, SourceText text, AvscFileOptions options, string? compatibilityMetadata, CancellationToken cancellationToken)
    {
        var checksum = text.GetChecksum();
        var settings = (options, compatibilityMetadata);
        if (_schemaFiles.TryGetValue(path, out var entry) && entry.Matches(checksum, settings))
        {
            return entry.Value;
        }

        Parsing?.Invoke("avsc " + path);
        var source = new SchemaFileSource(AvscFileParser.Parse(text, options, cancellationToken), text, compatibilityMetadata);
        _schemaFiles[path] = new TextEntry<SchemaFileSource>(checksum, settings, source);
        return source;
    }

    /// <summary>The contract of one parsed <c>.avsc</c> file, resolved against every file's definitions, or null when it has none.</summary>
    public ParsedContract? SchemaFileContract(AvscFile file, AvscSchemaIndex index, CancellationToken cancellationToken)
    {
        var dependencies = AvscDependencies.Of(file, index);
        if (_resolutions.TryGetValue(file.Path, out var entry) && entry.File.Equals(file) && entry.Dependencies.SequenceEqual(dependencies))
        {
            return entry.Contract;
        }

        Parsing?.Invoke("resolve " + file.Path);
        var contract = AvscResolver.Resolve(file, index, cancellationToken).Contract is { } model ? ParsedContract.From(model) : null;
        _resolutions[file.Path] = new ResolutionEntry(file, dependencies, contract);
        return contract;
    }

    /// <summary>A shipped baseline schema file, read by <paramref name="read"/> when its content is new.</summary>
    public ShippedSchema ShippedSchema(ShippedFile shippedFile, string path, SourceText? text, Func<ShippedFile, SourceText?, ShippedSchema> read)
    {
        if (text is null)
        {
            return read(shippedFile, null);
        }

        var checksum = text.GetChecksum();
        if (_shipped.TryGetValue(path, out var entry) && entry.Matches(checksum, shippedFile))
        {
            return entry.Value;
        }

        Parsing?.Invoke("shipped " + path);
        var schema = read(shippedFile, text);
        _shipped[path] = new TextEntry<ShippedSchema>(checksum, shippedFile, schema);
        return schema;
    }

    /// <summary>
    /// The checks of a version against the earlier ones under a mode. Schemas are compared by identity: a cached contract or
    /// baseline file keeps its parsed schema, so equal identities mean equal inputs, and the checker's verdict is a function
    /// of them.
    /// </summary>
    public EquatableArray<CompatibilityCheck> Check(AvroSchema candidate, IReadOnlyList<SchemaVersion> earlier, CompatibilityMode mode)
    {
        var slot = _checks.GetValue(candidate, _ => new CheckSlot());
        if (slot.Entry is { } entry && entry.Mode == mode && entry.Earlier.Count == earlier.Count &&
            entry.Earlier.Zip(earlier, (a, b) => a.Version == b.Version && ReferenceEquals(a.Schema, b.Schema)).All(same => same))
        {
            return entry.Checks;
        }

        var checks = CompatibilityModes.Check(candidate, earlier, mode);
        slot.Entry = new CheckEntry(mode, earlier.ToList(), checks);
        return checks;
    }

    /// <summary>The latest checks of one schema; replaced whole, so a reader sees an old or a new entry, never a mix.</summary>
    private sealed class CheckSlot
    {
        public volatile CheckEntry? Entry;
    }

    private sealed record CheckEntry(CompatibilityMode Mode, List<SchemaVersion> Earlier, EquatableArray<CompatibilityCheck> Checks);

    private sealed record TypeEntry(SemanticFingerprint Fingerprint, ParsedContract? Contract);

    private sealed record ResolutionEntry(AvscFile File, IReadOnlyList<AvscDependency> Dependencies, ParsedContract? Contract);

    /// <summary>A value read from a file's text with some settings: still valid while both are equal.</summary>
    private sealed class TextEntry<T>(ImmutableArray<byte> checksum, object settings, T value)
    {
        public T Value { get; } = value;

        public bool Matches(ImmutableArray<byte> otherChecksum, object otherSettings) =>
            checksum.SequenceEqual(otherChecksum) && settings.Equals(otherSettings);
    }
}
