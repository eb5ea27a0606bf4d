using System;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Emitting;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;
using Contracts.Generator.Parsing.Avsc;
using Contracts.Generator.Parsing.Topics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Generator;

/// <summary>
/// The incremental pipeline: each <c>[Message]</c> type is parsed on its own into an equatable model, each model is emitted
/// into its own file, and the sorted contract names form the assembly's catalog. Every step is named
/// (<see cref="TrackingNames"/>) so tests can prove what is cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ContractsGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The transform re-runs whenever the compilation changes (a contract's model depends on record types declared in
        // other files); the value-equal results keep every step after it cached when nothing the contract uses changed.
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ContractParser.MessageAttributeName,
                static (node, _) => node is TypeDeclarationSyntax,
                ContractParser.Parse)
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.ContractDiagnostics)
            .Collect()
            .WithTrackingName(TrackingNames.AllDiagnostics)
            .Select(static (all, _) => all.SelectMany(d => d).Distinct().ToEquatableArray())
            .WithTrackingName(TrackingNames.DistinctDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, all) =>
        {
            foreach (var diagnostic in all)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var models = parsed
            .Where(static result => result.Model is not null)
            .WithTrackingName(TrackingNames.ParsedContracts)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Model);

        var avscModels = InitializeAvsc(context);

        // Resolving readers: each contract (attribute or .avsc) also reads the lower versions of its message type that
        // the assembly declares or the shipped baseline holds.
        var shippedSchemas = context.AdditionalTextsProvider
            .Where(AvscInputs.IsSchemaFile)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ShippedSchemaReader.Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.ShippedSchema)
            .Collect();
        var earlierSchemaSources = models
            .Select(static (model, _) => ContractSchemaOf(model))
            .WithTrackingName(TrackingNames.ContractSchema)
            .Collect()
            .Combine(avscModels.Select(static (model, _) => ContractSchemaOf(model)).WithTrackingName(TrackingNames.AvscContractSchema).Collect())
            .Combine(shippedSchemas)
            .Select(static (pair, _) => new EarlierSchemaSources(
                pair.Left.Left.Concat(pair.Left.Right).ToEquatableArray(),
                pair.Right.Where(file => file.Schema is not null).Select(file => file.Schema!).ToEquatableArray()))
            .WithTrackingName(TrackingNames.AllContractSchemas);

        RegisterContractSources(context, models, earlierSchemaSources, TrackingNames.ContractWithEarlierVersions, TrackingNames.ContractSource);
        RegisterContractSources(context, avscModels, earlierSchemaSources, TrackingNames.AvscContractWithEarlierVersions, TrackingNames.AvscContractSource);

        var catalogNamespace = context.CompilationProvider
            .Select(static (compilation, _) => CatalogNamespace.FromAssemblyName(compilation.AssemblyName))
            .WithTrackingName(TrackingNames.CatalogNamespace);
        var avscContractTypeNames = avscModels
            .Select(static (model, _) => model.Records.First(r => r.AvroFullName == model.RootRecordFullName).ClrTypeName)
            .WithTrackingName(TrackingNames.AvscContractTypeName)
            .Collect();
        var catalogSource = models
            .Select(static (model, _) => model.Records.First(r => r.AvroFullName == model.RootRecordFullName).ClrTypeName)
            .WithTrackingName(TrackingNames.ContractTypeName)
            .Collect()
            .WithTrackingName(TrackingNames.AllContractTypeNames)
            .Combine(avscContractTypeNames)
            .Combine(catalogNamespace)
            .Select(static (pair, _) => new CatalogModel(
                pair.Right,
                pair.Left.Left.Concat(pair.Left.Right).Distinct().OrderBy(name => name, StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Catalog)
            .Select(static (catalog, _) => catalog.ContractTypeNames.IsEmpty ? null : new GeneratedSource(CatalogHintName, CatalogSourceEmitter.Emit(catalog)))
            .WithTrackingName(TrackingNames.CatalogSource);
        context.RegisterSourceOutput(catalogSource, static (output, source) =>
        {
            if (source is not null)
            {
                output.AddSource(source.HintName, source.Text);
            }
        });

        InitializeTopics(context);
    }

    /// <summary>
    /// .avsc files: each file parses on its own; the index of every file's named types lets references cross files. Each
    /// file's resolve reads only the definitions it reaches (a cheap step over the index picks them), so editing a file
    /// re-resolves only the files that reach it. Returns the contract models (for resolving
    /// readers and the catalog).
    /// </summary>
    private static IncrementalValuesProvider<ContractModel> InitializeAvsc(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(AvscInputs.IsSchemaFile)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => AvscInputs.Parse(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.AvscParse)
            .Where(static file => file is not null)
            .Select(static (file, _) => file!);
        var index = files
            .Collect()
            .Select(static (all, _) => new AvscSchemaIndex(all))
            .WithTrackingName(TrackingNames.AvscIndex);
        var resolveInputs = files
            .Combine(index)
            .Select(static (pair, _) => AvscResolveInput.For(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.AvscResolveInput);
        var resolved = resolveInputs
            .Select(static (input, cancellationToken) => AvscResolver.Resolve(input, cancellationToken))
            .WithTrackingName(TrackingNames.AvscResolve);

        // Generated names against C# types of the project and its references: the compilation is read once per change, for
        // just the generated names, into a value-equal list, so the check itself re-runs only when that list changes.
        var generatedTypes = resolved
            .Select(static (resolution, _) => resolution.GeneratedTypes)
            .Collect()
            .Select(static (all, _) => all.SelectMany(types => types).ToEquatableArray())
            .WithTrackingName(TrackingNames.AvscGeneratedTypes);
        var existingTypes = generatedTypes
            .Select(static (types, _) => types.Select(t => t.MetadataName).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray())
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => AvscExistingTypes.Find(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.AvscExistingTypes);
        var clashes = generatedTypes
            .Combine(existingTypes)
            .Select(static (pair, _) => AvscClashCheck.Check(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.AvscClashCheck);
        var clashingNames = clashes
            .Select(static (clash, _) => clash.MetadataNames)
            .WithTrackingName(TrackingNames.AvscClashingNames);

        var diagnostics = files
            .Select(static (file, _) => file.Diagnostics)
            .Collect()
            .Combine(resolved.Select(static (resolution, _) => resolution.Diagnostics).Collect())
            .Combine(clashes.Select(static (clash, _) => clash.Diagnostics))
            .Select(static (pair, _) => pair.Left.Left.Concat(pair.Left.Right).SelectMany(d => d).Concat(pair.Right).Distinct().ToEquatableArray())
            .WithTrackingName(TrackingNames.AvscDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, all) =>
        {
            foreach (var diagnostic in all)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var declarationSources = resolved
            .SelectMany(static (resolution, _) => resolution.Declarations)
            .Combine(clashingNames)
            .Where(static pair => !pair.Right.Contains(AvscResolver.MetadataName(pair.Left)))
            .Select(static (pair, _) => new GeneratedSource(pair.Left.HintName + ".g.cs", TypeDeclarationEmitter.Emit(pair.Left)))
            .WithTrackingName(TrackingNames.AvscDeclarationSource);
        context.RegisterSourceOutput(declarationSources, static (output, source) => output.AddSource(source.HintName, source.Text));

        var models = resolved
            .Where(static resolution => resolution.Contract is not null)
            .Select(static (resolution, _) => resolution.Contract!)
            .Combine(clashingNames)
            .Where(static pair => !pair.Right.Contains(AvscResolver.MetadataName(pair.Left)))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.AvscModel);
        return models;
    }

    /// <summary>Each contract's file, with resolving readers for the earlier versions of its message type.</summary>
    private static void RegisterContractSources(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<ContractModel> models,
        IncrementalValueProvider<EarlierSchemaSources> earlierSchemaSources,
        string withEarlierVersionsStep,
        string sourceStep)
    {
        var sources = models
            .Combine(earlierSchemaSources)
            .Select(static (pair, _) => new ContractSourceModel(pair.Left, EarlierVersions.Of(pair.Left, pair.Right)))
            .WithTrackingName(withEarlierVersionsStep)
            .Select(static (input, _) => new GeneratedSource(
                input.Model.Declaration.HintName + ".g.cs", ContractSourceEmitter.Emit(input.Model, input.EarlierVersions)))
            .WithTrackingName(sourceStep);
        context.RegisterSourceOutput(sources, static (output, source) => output.AddSource(source.HintName, source.Text));
    }

    private static ContractSchemaModel ContractSchemaOf(ContractModel model) =>
        new(model.MessageType, model.Version, SchemaEmitter.Emit(model).Json);

    /// <summary>Each <c>[Topic]</c> class is parsed on its own and emitted into its own file.</summary>
    private static void InitializeTopics(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TopicParser.TopicAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                TopicParser.Parse)
            .WithTrackingName(TrackingNames.TopicParse);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.TopicDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, all) =>
        {
            foreach (var diagnostic in all)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var sources = parsed
            .Select(static (result, _) => result.Model)
            .WithTrackingName(TrackingNames.TopicModel)
            .Select(static (model, _) => model is null ? null : new GeneratedSource(model.Declaration.HintName + ".g.cs", TopicSourceEmitter.Emit(model)))
            .WithTrackingName(TrackingNames.TopicSource);
        context.RegisterSourceOutput(sources, static (output, source) =>
        {
            if (source is not null)
            {
                output.AddSource(source.HintName, source.Text);
            }
        });
    }

    internal const string CatalogHintName = "MessageContracts.g.cs";
}
