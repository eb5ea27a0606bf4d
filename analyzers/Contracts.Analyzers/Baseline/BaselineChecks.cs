using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Contracts.Analyzers.Compatibility;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.Baseline;

/// <summary>The checks of one baseline file: is it valid, and is the version it ships still declared (or its removal acknowledged)?</summary>
internal static class BaselineChecks
{
    public static void Analyze(ContractInventory inventory, AdditionalText file, Action<Diagnostic> report)
    {
        var location = Location.Create(file.Path, default(TextSpan), default(LinePositionSpan));
        var invalid = inventory.Baseline.InvalidFiles.FirstOrDefault(f => f.Path == file.Path);
        if (invalid.Path is not null)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.InvalidShippedSchema, location, file.Path, invalid.Reason));
            return;
        }

        var shippedFile = ShippedFile.FromPath(file.Path);
        var declared = inventory.Declared(shippedFile.MessageType).FirstOrDefault(c => c.Version == shippedFile.Version);
        var version = shippedFile.Version.ToString(CultureInfo.InvariantCulture);
        if (shippedFile.Kind == ShippedFileKind.RemovalMarker)
        {
            if (declared is not null)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.InvalidShippedSchema, location, file.Path,
                    $"it acknowledges the removal of message '{shippedFile.MessageType}' v{version}, which '{declared.QualifiedName}' still declares; delete the marker"));
            }
            else if (inventory.Baseline.Find(shippedFile.MessageType, shippedFile.Version) is null)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.InvalidShippedSchema, location, file.Path,
                    $"it acknowledges the removal of message '{shippedFile.MessageType}' v{version}, which has no shipped schema next to it (v{version}.avsc)"));
            }

            return;
        }

        if (declared is null && !inventory.Baseline.IsRemovalAcknowledged(shippedFile.MessageType, shippedFile.Version))
        {
            var marker = file.Path.Substring(0, file.Path.Length - ShippedFile.SchemaExtension.Length) + ShippedFile.RemovalExtension;
            report(Diagnostic.Create(DiagnosticDescriptors.ShippedVersionRemoved, location, AcknowledgementFile(shippedFile, marker),
                shippedFile.MessageType, version, file.Path, marker));
        }
    }

    /// <summary>What the "Acknowledge removal" code fix writes: the empty marker next to the shipped schema.</summary>
    private static ImmutableDictionary<string, string?> AcknowledgementFile(ShippedFile shippedFile, string marker) =>
        ImmutableDictionary.CreateRange(new[]
        {
            new KeyValuePair<string, string?>(ContractChecks.ShippedRelativePathProperty,
                ShippedFile.RelativePath(shippedFile.MessageType, shippedFile.Version, ShippedFile.RemovalExtension)),
            new KeyValuePair<string, string?>(ContractChecks.ShippedPathProperty, marker),
            new KeyValuePair<string, string?>(ContractChecks.ShippedTextProperty, string.Empty),
        });
}
