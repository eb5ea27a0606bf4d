using System.Linq;
using System.Threading;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>
/// Finds generated .avsc types whose name a C# type declared in the project's own source already has. A
/// <c>partial record</c> class is the user extending the generated record and is fine; anything else would make the
/// generated code fail to compile, so the type is reported at its .avsc definition and not generated. Only the source
/// assembly is searched: this step re-runs on every edit, and a lookup through every referenced assembly costs
/// milliseconds per type (a same-named type in a reference only shadows, which the compiler reports where it is used).
/// </summary>
internal static class AvscClashCheck
{
    public static AvscClashes Check(EquatableArray<AvscGeneratedType> types, Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new System.Collections.Generic.List<string>();
        var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();
        foreach (var type in types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var existing = compilation.Assembly.GetTypeByMetadataName(type.MetadataName);
            if (existing is null || (type.IsRecord && IsPartialRecordClassInSource(existing, cancellationToken)))
            {
                continue;
            }

            names.Add(type.MetadataName);
            var file = existing.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree?.FilePath;
            var what = DescribeKind(existing) + " declared in C# code" + (file is null ? string.Empty : " (" + System.IO.Path.GetFileName(file) + ")");
            var fix = type.IsRecord
                ? "declare it as 'partial record " + existing.Name + "' to extend the generated record, or generate another name with \"contracts.typeName\" or ContractsNamespace"
                : "rename or remove the C# type, or generate another name with \"contracts.typeName\" or ContractsNamespace";
            diagnostics.Add(new DiagnosticInfo(
                DiagnosticDescriptors.AvscNameClash,
                type.Site.Location,
                new[] { "The C# type '" + type.MetadataName + "' of " + (type.IsRecord ? "record" : "enum") + " '" + type.AvroFullName + "'", type.Site.JsonPath, what, fix }.ToEquatableArray()));
        }

        return new AvscClashes(names.OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static bool IsPartialRecordClassInSource(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.IsRecord && type.TypeKind == TypeKind.Class && !type.DeclaringSyntaxReferences.IsEmpty &&
        type.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(m => m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PartialKeyword)));

    private static string DescribeKind(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "a record struct",
        (true, _) => type.DeclaringSyntaxReferences.IsEmpty ? "a record" : "a record that is not partial",
        (_, TypeKind.Enum) => "an enum",
        (_, TypeKind.Interface) => "an interface",
        (_, TypeKind.Struct) => "a struct",
        (_, TypeKind.Delegate) => "a delegate",
        _ => "a class",
    };
}

/// <summary>Generated type names that clash with C# code, and the diagnostics that say so.</summary>
internal sealed record AvscClashes(EquatableArray<string> MetadataNames, EquatableArray<DiagnosticInfo> Diagnostics);
