using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Analyzers.Caching;

/// <summary>
/// Everything a <c>[Message]</c> type's parse reads, in a form that is equal across two compilations exactly when the
/// parse would give the same result: the syntax trees that declare the type and every type its data members reach (their
/// text, docs and member order, compared by identity — an edit makes a new tree), and what binding those declarations
/// gives (member types, attribute arguments, parameter defaults, enum values, base types), which can change when another
/// file changes (a constant, a type that now resolves elsewhere).
/// </summary>
internal sealed class SemanticFingerprint : IEquatable<SemanticFingerprint>
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private const string GeneratorOutputFolder = "Contracts.Generator.ContractsGenerator";

    private readonly string _bound;
    private readonly SyntaxTree[] _trees;

    private SemanticFingerprint(string bound, SyntaxTree[] trees)
    {
        _bound = bound;
        _trees = trees;
    }

    public static SemanticFingerprint Of(Compilation compilation, INamedTypeSymbol contract, AttributeData attribute, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append(compilation.AssemblyName).Append('|').Append(compilation.Options.NullableContextOptions).Append('|');
        AppendAttribute(text, attribute);
        var trees = new List<SyntaxTree>();
        var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ITypeSymbol>();
        pending.Push(contract);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = pending.Pop();
            if (visited.Add(type))
            {
                Describe(compilation, type, text, trees, pending);
            }
        }

        return new SemanticFingerprint(text.ToString(), trees.ToArray());
    }

    public bool Equals(SemanticFingerprint? other)
    {
        if (other is null || other._trees.Length != _trees.Length || !string.Equals(other._bound, _bound, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < _trees.Length; i++)
        {
            if (!ReferenceEquals(_trees[i], other._trees[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as SemanticFingerprint);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_bound);

    private static void Describe(Compilation compilation, ITypeSymbol type, StringBuilder text, List<SyntaxTree> trees, Stack<ITypeSymbol> pending)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                pending.Push(array.ElementType);
                return;
            case INamedTypeSymbol { IsGenericType: true } generic when !SymbolEqualityComparer.Default.Equals(generic, generic.OriginalDefinition):
                foreach (var argument in generic.TypeArguments)
                {
                    pending.Push(argument);
                }

                pending.Push(generic.OriginalDefinition);
                return;
        }

        if (type is not INamedTypeSymbol named || named.DeclaringSyntaxReferences.IsEmpty ||
            !SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, compilation.Assembly))
        {
            // A referenced assembly's type: its name says which it is; a different reference is a different compilation input anyway.
            text.Append("\nM ").Append(type.ToDisplayString(TypeFormat));
            return;
        }

        text.Append("\nT ").Append(named.ToDisplayString(TypeFormat)).Append(' ').Append(named.TypeKind).Append(named.IsRecord ? " record" : string.Empty);
        for (var container = named; container is not null; container = container.ContainingType)
        {
            text.Append(' ').Append(container.DeclaredAccessibility);
        }

        foreach (var reference in named.DeclaringSyntaxReferences)
        {
            // The Contracts generator's own partials are made from the contract itself and carry nothing the parse reads
            // that binding does not show (their members are in the bound part); an editor may re-create their trees on
            // every run, so their identity must not count.
            if (IsContractsGeneratorOutput(reference.SyntaxTree))
            {
                continue;
            }

            if (!trees.Any(t => ReferenceEquals(t, reference.SyntaxTree)))
            {
                trees.Add(reference.SyntaxTree);
            }
        }

        AppendAttributes(text, named.GetAttributes());
        if (named.BaseType is { } baseType)
        {
            text.Append("\n base ").Append(baseType.ToDisplayString(TypeFormat));
            pending.Push(baseType);
        }

        foreach (var member in named.GetMembers())
        {
            switch (member)
            {
                case IPropertySymbol property:
                    text.Append("\n P ").Append(property.Name).Append(' ').Append(property.Type.ToDisplayString(TypeFormat))
                        .Append(' ').Append(property.DeclaredAccessibility).Append(property.IsStatic ? " static" : string.Empty)
                        .Append(property.IsRequired ? " required" : string.Empty)
                        .Append(" set:").Append(property.SetMethod is { } setter ? setter.DeclaredAccessibility + (setter.IsInitOnly ? " init" : string.Empty) : "none");
                    AppendAttributes(text, property.GetAttributes());
                    pending.Push(property.Type);
                    break;
                case IFieldSymbol field:
                    text.Append("\n F ").Append(field.Name).Append(' ').Append(field.Type.ToDisplayString(TypeFormat))
                        .Append(' ').Append(field.DeclaredAccessibility).Append(field.IsStatic ? " static" : string.Empty)
                        .Append(field.IsReadOnly ? " readonly" : string.Empty);
                    if (field.HasConstantValue)
                    {
                        text.Append(" = ").Append(Constant(field.ConstantValue));
                    }

                    AppendAttributes(text, field.GetAttributes());
                    pending.Push(field.Type);
                    break;
                case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                    text.Append("\n C ").Append(constructor.DeclaredAccessibility);
                    foreach (var parameter in constructor.Parameters)
                    {
                        text.Append("\n  ").Append(parameter.Name).Append(' ').Append(parameter.Type.ToDisplayString(TypeFormat));
                        if (parameter.HasExplicitDefaultValue)
                        {
                            text.Append(" = ").Append(Constant(parameter.ExplicitDefaultValue));
                        }

                        AppendAttributes(text, parameter.GetAttributes());
                        pending.Push(parameter.Type);
                    }

                    break;
            }
        }
    }

    /// <summary>A tree the Contracts generator added: its path is <c>…/Contracts.Generator/Contracts.Generator.ContractsGenerator/&lt;hint&gt;</c>.</summary>
    private static bool IsContractsGeneratorOutput(SyntaxTree tree) =>
        tree.FilePath.IndexOf(GeneratorOutputFolder, StringComparison.Ordinal) >= 0;

    private static void AppendAttributes(StringBuilder text, System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            AppendAttribute(text, attribute);
        }
    }

    private static void AppendAttribute(StringBuilder text, AttributeData attribute)
    {
        text.Append(" [").Append(attribute.AttributeClass?.ToDisplayString(TypeFormat)).Append('(');
        foreach (var argument in attribute.ConstructorArguments)
        {
            text.Append(argument.Kind == TypedConstantKind.Error ? "<error>" : argument.ToCSharpString()).Append(',');
        }

        foreach (var argument in attribute.NamedArguments)
        {
            text.Append(argument.Key).Append('=').Append(argument.Value.Kind == TypedConstantKind.Error ? "<error>" : argument.Value.ToCSharpString()).Append(',');
        }

        text.Append(")]");
    }

    /// <summary>A constant with its type, so <c>1</c> and <c>1L</c> or <c>"1"</c> differ.</summary>
    private static string Constant(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        IFormattable formattable => value.GetType().Name + ":" + formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + value,
    };
}
