using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>
/// A C# type that already has the name of a type an .avsc file generates: declared in the project's source, or public in
/// a referenced assembly (where the generated type would conflict with it, CS0436).
/// </summary>
/// <param name="MetadataName">The shared metadata name (<c>Acme.People.Person</c>).</param>
/// <param name="Description">What it is and where, for the diagnostic ("a class declared in C# code (Acme.cs)").</param>
/// <param name="IsInSource">Declared in the project's source rather than in a referenced assembly.</param>
/// <param name="ExtendsGeneratedRecord">A <c>partial record</c> class in the project's source: the user extending the generated record.</param>
internal sealed record AvscExistingType(string MetadataName, string Description, bool IsInSource, bool ExtendsGeneratedRecord);

/// <summary>
/// Finds, for the metadata names the .avsc files generate, the C# types of the compilation and of its references that
/// already use them. Only those names are looked up (in their namespaces, source and references merged), so the step
/// stays cheap on every C# edit and its result is value-equal unless such a type appears or changes.
/// </summary>
internal static class AvscExistingTypes
{
    public static EquatableArray<AvscExistingType> Find(EquatableArray<string> metadataNames, Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new List<AvscExistingType>();
        foreach (var group in metadataNames.GroupBy(NamespaceOf))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Namespace(compilation.GlobalNamespace, group.Key) is not { } ns)
            {
                continue;
            }

            foreach (var metadataName in group)
            {
                var name = metadataName.Substring(group.Key.Length == 0 ? 0 : group.Key.Length + 1);
                var candidates = ns.GetTypeMembers(name, 0);
                var type = candidates.FirstOrDefault(t => SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, compilation.Assembly))
                    ?? candidates.FirstOrDefault(t => compilation.IsSymbolAccessibleWithin(t, compilation.Assembly));
                if (type is not null)
                {
                    found.Add(Describe(metadataName, type, compilation, cancellationToken));
                }
            }
        }

        return found.OrderBy(t => t.MetadataName, System.StringComparer.Ordinal).ToEquatableArray();
    }

    private static AvscExistingType Describe(string metadataName, INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
        {
            return new AvscExistingType(metadataName, DescribeKind(type, inSource: false) + " in the referenced assembly " + type.ContainingAssembly.Name, IsInSource: false, ExtendsGeneratedRecord: false);
        }

        var file = type.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree?.FilePath;
        return new AvscExistingType(
            metadataName,
            DescribeKind(type, inSource: true) + " declared in C# code" + (file is null ? string.Empty : " (" + System.IO.Path.GetFileName(file) + ")"),
            IsInSource: true,
            IsPartialRecordClass(type, cancellationToken));
    }

    private static INamespaceSymbol? Namespace(INamespaceSymbol global, string name)
    {
        var current = global;
        if (name.Length == 0)
        {
            return current;
        }

        foreach (var part in name.Split('.'))
        {
            // By name: enumerating a merged namespace's members would read every referenced assembly's namespaces.
            current = current.GetMembers(part).OfType<INamespaceSymbol>().FirstOrDefault();
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static string NamespaceOf(string metadataName)
    {
        var dot = metadataName.LastIndexOf('.');
        return dot < 0 ? string.Empty : metadataName.Substring(0, dot);
    }

    private static bool IsPartialRecordClass(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.IsRecord && type.TypeKind == TypeKind.Class && !type.DeclaringSyntaxReferences.IsEmpty &&
        type.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));

    private static string DescribeKind(INamedTypeSymbol type, bool inSource) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "a record struct",
        (true, _) => inSource ? "a record that is not partial" : "a record",
        (_, TypeKind.Enum) => "an enum",
        (_, TypeKind.Interface) => "an interface",
        (_, TypeKind.Struct) => "a struct",
        (_, TypeKind.Delegate) => "a delegate",
        _ => "a class",
    };
}
