using System;
using System.Collections.Immutable;
using System.Threading;
using Contracts.Analyzers.Baseline;
using Contracts.Analyzers.Caching;
using Contracts.Analyzers.Compatibility;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contracts.Analyzers;

/// <summary>
/// Breaking a contract is a build error: checks every version of every message type against the earlier ones under the
/// compatibility mode, and every contract against the shipped-schema baseline (docs/compatibility.md).
/// Diagnostics about a <c>[Message]</c> contract are reported while its type is analyzed (so editors show them live);
/// diagnostics about an <c>.avsc</c> contract or a baseline file while that file is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CompatibilityAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.IncompatibleVersion,
        DiagnosticDescriptors.ShippedSchemaChanged,
        DiagnosticDescriptors.ShippedVersionRemoved,
        DiagnosticDescriptors.SchemaNotShipped,
        DiagnosticDescriptors.StricterThanCommonCheckers,
        DiagnosticDescriptors.InvalidCompatibilityMode,
        DiagnosticDescriptors.InvalidShippedSchema,
        DiagnosticDescriptors.DuplicateVersion);

    /// <summary>Parsed contracts and baseline files kept across the compilations this analyzer instance sees.</summary>
    internal ContractCache Cache { get; } = new();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(ContractParser.MessageAttributeName) is not { } messageAttribute)
            {
                return;
            }

            var compilation = start.Compilation;
            var options = start.Options;
            var inventory = new Lazy<ContractInventory>(
                () => ContractInventory.Build(compilation, options, messageAttribute, Cache, start.CancellationToken),
                LazyThreadSafetyMode.ExecutionAndPublication);

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (inventory.Value.Find(symbolContext.Symbol) is { } contract)
                    {
                        ContractChecks.Analyze(inventory.Value, contract, symbolContext.ReportDiagnostic);
                    }
                },
                SymbolKind.NamedType);

            start.RegisterAdditionalFileAction(fileContext =>
            {
                if (ShippedBaseline.IsBaselineFile(fileContext.AdditionalFile, fileContext.Options))
                {
                    BaselineChecks.Analyze(inventory.Value, fileContext.AdditionalFile, fileContext.ReportDiagnostic);
                }
                else if (inventory.Value.FindSchemaFile(fileContext.AdditionalFile.Path) is { } schemaFileContract)
                {
                    // An .avsc contract: its diagnostics sit at the file, as the generator's own .avsc diagnostics do.
                    ContractChecks.Analyze(inventory.Value, schemaFileContract, fileContext.ReportDiagnostic);
                }
            });
        });
    }
}
