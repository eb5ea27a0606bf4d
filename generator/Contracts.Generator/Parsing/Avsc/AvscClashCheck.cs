using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>
/// Generated .avsc types whose name a C# type already has (<see cref="AvscExistingTypes"/>): in the project's source, or
/// public in a referenced assembly. A <c>partial record</c> class in source is the user extending the generated record and
/// is fine; anything else would make the build fail (a duplicate type, or CS0436 against the referenced one), so the type
/// is reported at the <c>"name"</c> of its .avsc definition and not generated.
/// </summary>
internal static class AvscClashCheck
{
    public static AvscClashes Check(EquatableArray<AvscGeneratedType> types, EquatableArray<AvscExistingType> existingTypes)
    {
        var existingByName = existingTypes.ToDictionary(t => t.MetadataName, System.StringComparer.Ordinal);
        var names = new List<string>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var type in types)
        {
            if (!existingByName.TryGetValue(type.MetadataName, out var existing) || (type.IsRecord && existing.ExtendsGeneratedRecord))
            {
                continue;
            }

            names.Add(type.MetadataName);
            var simpleName = type.MetadataName.Substring(type.MetadataName.LastIndexOf('.') + 1);
            var fix = !existing.IsInSource ? "generate another name with \"contracts.typeName\" or ContractsNamespace"
                : type.IsRecord ? "declare it as 'partial record " + simpleName + "' to extend the generated record, or generate another name with \"contracts.typeName\" or ContractsNamespace"
                : "rename or remove the C# type, or generate another name with \"contracts.typeName\" or ContractsNamespace";
            diagnostics.Add(new DiagnosticInfo(
                DiagnosticDescriptors.AvscNameClash,
                type.Site.Location,
                new[] { "The C# type '" + type.MetadataName + "' of " + (type.IsRecord ? "record" : "enum") + " '" + type.AvroFullName + "'", type.Site.JsonPath, existing.Description, fix }.ToEquatableArray()));
        }

        return new AvscClashes(names.OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}

/// <summary>Generated type names that clash with C# code, and the diagnostics that say so.</summary>
internal sealed record AvscClashes(EquatableArray<string> MetadataNames, EquatableArray<DiagnosticInfo> Diagnostics);
