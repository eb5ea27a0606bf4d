using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Generator.Parsing;

/// <summary>
/// Turns one <c>[Message]</c> type into a <see cref="ContractModel"/>: reads the attribute, walks the type's data members
/// and every record and enum they reach, and reports a diagnostic for anything without an Avro mapping. One instance per
/// contract; it holds the symbols only while parsing, the result holds none.
/// </summary>
internal sealed partial class ContractParser
{
    public const string MessageAttributeName = "Contracts.MessageAttribute";

    private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly Compilation _compilation;
    private readonly KnownTypes _knownTypes;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly Dictionary<ITypeSymbol, string> _recordNames = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, string> _enumNames = new(SymbolEqualityComparer.Default);
    private readonly List<RecordModel> _records = [];
    private readonly Dictionary<string, EnumModel> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NamedTypeOwner> _namedTypes = new(StringComparer.Ordinal);
    private int _fieldNaming;
    private bool _hasErrors;

    private ContractParser(Compilation compilation, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _knownTypes = new KnownTypes(compilation);
        _cancellationToken = cancellationToken;
    }

    /// <summary>The incremental pipeline's transform: parses the type the attribute sits on.</summary>
    public static ContractParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.IsEmpty)
        {
            return new ContractParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        if (!IsFirstMessageAttribute(type, context.Attributes[0]))
        {
            // [Message] repeated on several partial declarations (the compiler reports CS0579): generate from the first only.
            return new ContractParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var parser = new ContractParser(context.SemanticModel.Compilation, cancellationToken);
        var model = parser.ParseContract(type, context.Attributes[0]);
        return new ContractParseResult(parser._hasErrors ? null : model, parser._diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Parses a <c>[Message]</c> type outside the generator pipeline: the analyzers' entry point (they share this source),
    /// so they check exactly the schema the generator emits.
    /// </summary>
    public static ContractParseResult Parse(Compilation compilation, INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        var parser = new ContractParser(compilation, cancellationToken);
        var model = parser.ParseContract(type, attribute);
        return new ContractParseResult(parser._hasErrors ? null : model, parser._diagnostics.ToEquatableArray());
    }

    private static bool IsFirstMessageAttribute(INamedTypeSymbol type, AttributeData attribute)
    {
        var first = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == MessageAttributeName);
        return first?.ApplicationSyntaxReference is not { } firstSyntax || attribute.ApplicationSyntaxReference is not { } syntax ||
            (firstSyntax.SyntaxTree == syntax.SyntaxTree && firstSyntax.Span == syntax.Span);
    }

    private ContractModel? ParseContract(INamedTypeSymbol type, AttributeData attribute)
    {
        var typeLocation = type.Locations.FirstOrDefault();
        var typeName = type.ToDisplayString();
        if (attribute.ConstructorArguments.Length != 2 ||
            attribute.ConstructorArguments[0].Value is not string messageType ||
            attribute.ConstructorArguments[1].Value is not int version)
        {
            // The attribute does not bind (the compiler reports why); nothing sensible can be generated.
            _hasErrors = attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error) || attribute.AttributeClass is null ||
                attribute.ConstructorArguments.Length != 2 || attribute.ConstructorArguments[0].IsNull;
            if (attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[0].IsNull)
            {
                Report(DiagnosticDescriptors.InvalidMessageType, AttributeArgumentLocation(attribute, 0, null) ?? typeLocation, typeName);
            }

            return null;
        }

        var declarationOk = CheckDeclaration(type);
        if (string.IsNullOrWhiteSpace(messageType))
        {
            Report(DiagnosticDescriptors.InvalidMessageType, AttributeArgumentLocation(attribute, 0, null) ?? typeLocation, typeName);
        }

        if (version < 1)
        {
            Report(DiagnosticDescriptors.InvalidMessageVersion, AttributeArgumentLocation(attribute, 1, null) ?? typeLocation, typeName, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!declarationOk)
        {
            return null;
        }

        var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        _fieldNaming = named.TryGetValue("FieldNaming", out var naming) && naming.Value is int policy ? policy : AvroNaming.CamelCase;
        var schemaName = named.TryGetValue("SchemaName", out var nameArg) ? nameArg.Value as string : null;
        var schemaNamespace = named.TryGetValue("SchemaNamespace", out var nsArg) ? nsArg.Value as string : null;
        var rootFullName = RootRecordFullName(type, version, schemaName, schemaNamespace, attribute);
        var root = EnsureRecord(type, rootFullName, typeLocation);
        if (root is null)
        {
            return null;
        }

        var rootRecord = _records.First(r => r.AvroFullName == root);
        var (keyFormat, keyFields) = ParseKey(type, attribute, named, rootRecord);
        if (keyFields.Count > 0)
        {
            var index = _records.IndexOf(rootRecord);
            var keyMembers = new HashSet<string>(keyFields.Select(k => k.MemberName), StringComparer.Ordinal);
            rootRecord = rootRecord with
            {
                Fields = rootRecord.Fields.Select(f => keyMembers.Contains(f.MemberName) ? f with { IsKey = true } : f).ToEquatableArray(),
            };
            _records[index] = rootRecord;
        }

        return new ContractModel(
            PartialDeclaration.Model(type),
            messageType,
            version,
            keyFormat,
            keyFields.Select(k => k.AvroName).ToEquatableArray(),
            root,
            _records.OrderBy(r => r.AvroFullName, StringComparer.Ordinal).ToEquatableArray(),
            _enums.Values.OrderBy(e => e.AvroFullName, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>The contract and every type containing it must be partial and non-generic for the generated half to attach.</summary>
    private bool CheckDeclaration(INamedTypeSymbol type)
    {
        if (PartialDeclaration.IsGenericOrNestedInGeneric(type))
        {
            Report(DiagnosticDescriptors.GenericContract, type.Locations.FirstOrDefault(), type.ToDisplayString());
            return false;
        }

        if (GeneratedCodeReach.InaccessibleReason(type) is { } inaccessible)
        {
            Report(DiagnosticDescriptors.TypeNotAccessible, type.Locations.FirstOrDefault(), type.ToDisplayString(), inaccessible);
            return false;
        }

        return PartialDeclaration.CheckAllPartial(type, DiagnosticDescriptors.TypeMustBePartial, Report, _cancellationToken);
    }

    private string RootRecordFullName(INamedTypeSymbol type, int version, string? schemaName, string? schemaNamespace, AttributeData attribute)
    {
        var name = schemaName ?? AvroNameOf(type) ?? StripVersionSuffix(type.Name, version);
        var ns = schemaNamespace ?? CSharpNamespace(type);
        if (schemaNamespace is not null && !AvroNaming.IsValidNamespace(schemaNamespace))
        {
            Report(DiagnosticDescriptors.InvalidAvroName, NamedArgumentLocation(attribute, "SchemaNamespace") ?? type.Locations.FirstOrDefault(), schemaNamespace, "namespace", "'" + type.ToDisplayString() + "'");
            ns = string.Empty;
        }

        return AvroNaming.FullName(name, ns);
    }

    /// <summary><c>PersonV2</c> at version 2 becomes <c>Person</c>, so every version of a message shares one Avro name.</summary>
    private static string StripVersionSuffix(string name, int version)
    {
        var suffix = "V" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return version >= 1 && name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - suffix.Length) : name;
    }

    /// <summary>The namespace's plain name (<c>namespace @event</c> is <c>event</c>), as Avro names and hint names use it.</summary>
    internal static string CSharpNamespace(ITypeSymbol type)
    {
        var parts = new List<string>();
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            parts.Insert(0, ns.Name);
        }

        return string.Join(".", parts);
    }

    /// <summary>
    /// Member and type names as generated code must spell them: <c>@event</c> for a keyword, and contextual keywords too
    /// (a type spelled <c>record</c> in generated code warns CS8860 even when the user wrote <c>@record</c>).
    /// </summary>
    internal static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private void Report(DiagnosticDescriptor descriptor, Location? location, params string[] args)
    {
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            _hasErrors = true;
        }
    }

    private static Location? AttributeArgumentLocation(AttributeData attribute, int position, string? name)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax || syntax.ArgumentList is null)
        {
            return null;
        }

        var positional = 0;
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals is not null)
            {
                if (name is not null && argument.NameEquals.Name.Identifier.ValueText == name)
                {
                    return argument.Expression.GetLocation();
                }

                continue;
            }

            if (argument.NameColon is null && name is null && positional++ == position)
            {
                return argument.Expression.GetLocation();
            }
        }

        return syntax.GetLocation();
    }

    private static Location? NamedArgumentLocation(AttributeData attribute, string name) => AttributeArgumentLocation(attribute, -1, name);

    private static Location? AttributeLocation(AttributeData attribute) => attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();

    /// <summary>Who owns an Avro full name, to catch two different types claiming the same name.</summary>
    private sealed record NamedTypeOwner(string Identity, string Description);
}
