using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Contracts.Analyzers.Baseline;
using Contracts.Generator.Compatibility;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Analyzers.Compatibility;

/// <summary>The compatibility checks of one declared contract: its place in its version chain and in the shipped baseline.</summary>
internal static class ContractChecks
{
    /// <summary>Diagnostic properties the "Ship schema" code fix reads.</summary>
    public const string ShippedPathProperty = "ShippedSchemaPath";
    public const string ShippedRelativePathProperty = "ShippedSchemaRelativePath";
    public const string ShippedTextProperty = "ShippedSchemaText";

    /// <summary>Diagnostic properties the "Add default" and "Add alias" code fixes read.</summary>
    public const string SuggestedDefaultProperty = "SuggestedDefault";
    public const string AliasCandidatesProperty = "AliasCandidates";

    public static void Analyze(ContractInventory inventory, DeclaredContract contract, Action<Diagnostic> report)
    {
        var chain = inventory.Chain(contract.MessageType);
        var own = chain.First(v => v.Version == contract.Version);
        if (!ReferenceEquals(own.Declared, contract))
        {
            // The second declaration of a version: CTR1008, and no chain checks for a schema the chain does not hold.
            report(Diagnostic.Create(DiagnosticDescriptors.DuplicateVersion, contract.Location,
                contract.MessageType, Text(contract.Version), "'" + own.Declared!.QualifiedName + "'", "'" + contract.QualifiedName + "'"));
            return;
        }

        var shippedUnchanged = CheckBaseline(inventory, contract, own.Shipped, report);
        var mode = Mode(inventory, contract, report);
        if (mode is null || shippedUnchanged)
        {
            // A shipped version was checked when it shipped; re-judging it under today's mode would flag released history.
            return;
        }

        if (own.Schema is not { } schema)
        {
            return;
        }

        var earlier = chain.Where(v => v.Version < contract.Version && v.Schema is not null).ToList();
        var versions = earlier.Select(v => new SchemaVersion(v.Version, v.Schema!)).ToList();
        foreach (var check in inventory.Cache.Check(schema, versions, mode.Value))
        {
            ReportFindings(contract, own, mode.Value, check, earlier.First(v => v.Version == check.EarlierVersion), report);
        }
    }

    /// <summary>CTR1002 for a changed shipped version, CTR1004 for an unshipped one. True when the version shipped unchanged.</summary>
    private static bool CheckBaseline(ContractInventory inventory, DeclaredContract contract, ShippedSchema? shipped, Action<Diagnostic> report)
    {
        var relative = ShippedFile.RelativePath(contract.MessageType, contract.Version, ShippedFile.SchemaExtension);
        if (shipped is null)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(ShippedRelativePathProperty, relative);
            properties.Add(ShippedPathProperty, inventory.ShippedDirectory is { } directory ? Combine(directory, relative) : null);
            properties.Add(ShippedTextProperty, contract.Parsed.Schema.ShippedText);
            report(Diagnostic.Create(DiagnosticDescriptors.SchemaNotShipped, contract.Location, properties.ToImmutable(),
                contract.DisplayName, contract.MessageType, Text(contract.Version), "schemas/shipped/" + relative));
            return false;
        }

        if (shipped.Parsed is null)
        {
            return false;
        }

        if (shipped.Parsed.Shape == contract.Parsed.Schema.Shape)
        {
            return true;
        }

        var next = inventory.Chain(contract.MessageType).Max(v => v.Version) + 1;
        report(Diagnostic.Create(DiagnosticDescriptors.ShippedSchemaChanged, contract.Location,
            contract.DisplayName, contract.MessageType, Text(contract.Version), shipped.File.Path,
            SchemaShape.DescribeChange(shipped.Parsed.Node, contract.SchemaNode), Text(next)));
        return false;
    }

    /// <summary>The contract's mode: <c>[Message(Compatibility = …)]</c> or an .avsc contract's own setting, else the project's. Null (after CTR1006) when invalid.</summary>
    private static CompatibilityMode? Mode(ContractInventory inventory, DeclaredContract contract, Action<Diagnostic> report)
    {
        var argument = contract.Attribute?.NamedArguments.FirstOrDefault(a => a.Key == "Compatibility") ?? default;
        if (argument.Key is not null && argument.Value.Value is int value && value != 0)
        {
            var mode = ModeSetting.FromAttributeValue(value);
            if (mode is null)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.InvalidCompatibilityMode, AttributeArgumentLocation(contract) ?? contract.Location,
                    "[Message(Compatibility = …)] value", value.ToString(CultureInfo.InvariantCulture)));
            }

            return mode;
        }

        if (contract.SchemaFile?.CompatibilitySetting() is { } setting)
        {
            var mode = ModeSetting.Parse(setting.Value);
            if (mode is null)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.InvalidCompatibilityMode, setting.Location, setting.Description, setting.Value));
            }

            return mode;
        }

        if (inventory.ProjectMode is null)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.InvalidCompatibilityMode, contract.Location,
                "The project's ContractsCompatibility property", inventory.ProjectModeText!));
        }

        return inventory.ProjectMode;
    }

    private static void ReportFindings(DeclaredContract contract, ChainVersion own, CompatibilityMode mode, CompatibilityCheck check, ChainVersion other, Action<Diagnostic> report)
    {
        var newVersionReads = check.Direction == CompatibilityDirection.NewReadsEarlier;
        var writerVersion = newVersionReads ? other.Version : contract.Version;
        var readerVersion = newVersionReads ? contract.Version : other.Version;
        var otherSchema = other.Declared?.SchemaNode ?? other.Shipped?.SchemaNode;
        foreach (var finding in check.Result.Findings)
        {
            var ownPath = newVersionReads ? finding.ReaderPath : finding.WriterPath;
            var otherPath = newVersionReads ? finding.WriterPath : finding.ReaderPath;
            var (location, subject, member) = contract.SchemaFile is { } file
                ? (SchemaFileLocator.Locate(file, ownPath, finding.Kind, newVersionReads, own.Schema, other.Schema, otherPath),
                    SchemaFileLocator.RootName(file) + (ownPath.Length == 0 ? string.Empty : "." + ownPath),
                    null)
                : LocateMember(contract, ownPath, otherPath);
            var descriptor = finding.Severity == CompatibilitySeverity.Error
                ? DiagnosticDescriptors.IncompatibleVersion
                : DiagnosticDescriptors.StricterThanCommonCheckers;
            var properties = member is not null && finding.Kind == IncompatibilityKind.ReaderFieldMissingDefault && newVersionReads
                ? FixHints.ForMissingDefault(contract, member, finding.ReaderPath, otherSchema)
                : ImmutableDictionary<string, string?>.Empty;
            report(Diagnostic.Create(descriptor, location, properties, subject, finding.Message, Text(writerVersion), Text(readerVersion),
                CompatibilityModes.ToText(mode), FixAdvice.For(finding.Kind, newVersionReads)));
        }
    }

    /// <summary>
    /// The C# member a finding is about: the contract's own side of the pair first; the other side's path still names the
    /// same field when only aliases differ.
    /// </summary>
    private static (Location Location, string Subject, ISymbol? Member) LocateMember(DeclaredContract contract, string ownPath, string otherPath) =>
        (MemberLocator.Locate(contract, ownPath) ?? MemberLocator.Locate(contract, otherPath)) is { } located
            ? (MemberLocator.LocationOf(located.Member), located.DisplayName, located.Member)
            : (contract.Location, contract.DisplayName, null);

    private static Location? AttributeArgumentLocation(DeclaredContract contract) =>
        contract.Attribute?.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList: { } arguments }
            ? arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Compatibility")?.Expression.GetLocation()
            : null;

    private static string Combine(string directory, string relative) =>
        directory.EndsWith("/", StringComparison.Ordinal) || directory.EndsWith("\\", StringComparison.Ordinal)
            ? directory + relative
            : directory + "/" + relative;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
