using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Generator.Parsing;

internal sealed partial class ContractParser
{
    private const string AvroNameAttribute = "Contracts.AvroNameAttribute";
    private const string AvroAliasesAttribute = "Contracts.AvroAliasesAttribute";
    private const string AvroIgnoreAttribute = "Contracts.AvroIgnoreAttribute";

    /// <summary>
    /// Builds the record model of <paramref name="type"/> once and returns its Avro full name. The name is registered
    /// before the fields are walked, so a recursive reference (<c>Node? Next</c>) resolves to the name being built.
    /// </summary>
    private string EnsureRecord(INamedTypeSymbol type, string? fullNameOverride, Location? useLocation)
    {
        var key = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        if (_recordNames.TryGetValue(key, out var existing))
        {
            return existing;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var typeLocation = SourceLocation(type) ?? useLocation;
        var clrTypeName = key.ToDisplayString(TypeNameFormat);
        var fullName = fullNameOverride ?? ContractRecordFullName(type) ?? AvroNaming.FullName(AvroNameOf(type) ?? type.Name, CSharpNamespace(type));
        var description = "'" + type.ToDisplayString() + "'";
        ValidateNamedTypeName(fullName, description, typeLocation);
        ClaimName(fullName, clrTypeName, description, typeLocation);
        _recordNames[key] = fullName;

        var members = CollectDataMembers(type);
        var constructor = ChooseConstructor(type, members, typeLocation);
        var fields = new List<FieldModel>();
        var fieldOwners = new Dictionary<string, DataMember>(StringComparer.Ordinal);
        var recordNamespace = AvroNaming.NamespaceOf(fullName);
        var matched = new HashSet<DataMember>();
        if (constructor is not null)
        {
            for (var i = 0; i < constructor.Parameters.Length; i++)
            {
                var parameter = constructor.Parameters[i];
                var member = members.FirstOrDefault(m => m.Name == parameter.Name) ??
                    members.FirstOrDefault(m => !matched.Contains(m) && string.Equals(m.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (member is null)
                {
                    Report(DiagnosticDescriptors.MemberNotSettable, SourceLocation(parameter) ?? typeLocation, parameter.Name, type.ToDisplayString(),
                        "the constructor parameter has no public property of the same name to read its value from when writing");
                    continue;
                }

                matched.Add(member);
                if (!SymbolEqualityComparer.Default.Equals(parameter.Type, member.Type))
                {
                    Report(DiagnosticDescriptors.MemberNotSettable, SourceLocation(parameter) ?? typeLocation, member.Name, type.ToDisplayString(),
                        "the constructor parameter's type '" + parameter.Type.ToDisplayString() + "' differs from the member's type '" + member.Type.ToDisplayString() + "'");
                    continue;
                }

                if (member.Ignored)
                {
                    Report(DiagnosticDescriptors.MemberNotSettable, member.Location ?? typeLocation, member.Name, type.ToDisplayString(),
                        "it is marked [AvroIgnore] but the constructor needs its value");
                    continue;
                }

                if (member.Required && !constructor.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"))
                {
                    // The reader passes the value to the constructor only; C# would still demand it in the initializer (CS9035).
                    Report(DiagnosticDescriptors.MemberNotSettable, member.Location ?? typeLocation, member.Name, type.ToDisplayString(),
                        "it is required and also a constructor parameter, but the constructor is not marked [SetsRequiredMembers]");
                    continue;
                }

                AddField(BuildField(type, member, parameter, i, recordNamespace), member);
            }
        }

        foreach (var member in members)
        {
            if (matched.Contains(member))
            {
                continue;
            }

            if (member.Ignored)
            {
                if (member.Required)
                {
                    Report(DiagnosticDescriptors.MemberNotSettable, member.Location ?? typeLocation, member.Name, type.ToDisplayString(),
                        "it is required but marked [AvroIgnore], so the reader could not create the object");
                }

                continue;
            }

            // Get-only members that no constructor parameter fills are computed, not data.
            if (member.Settable)
            {
                AddField(BuildField(type, member, null, -1, recordNamespace), member);
            }
        }

        var model = new RecordModel(
            fullName,
            clrTypeName,
            type.IsValueType,
            DocComments.Summary(type, _cancellationToken),
            ReadAliases(type.GetAttributes(), description, typeLocation),
            fields.ToEquatableArray(),
            constructor?.Parameters.Length ?? 0);
        _records.Add(model);
        return fullName;

        void AddField(FieldModel? field, DataMember member)
        {
            if (field is null)
            {
                return;
            }

            if (fieldOwners.TryGetValue(field.AvroName, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateFieldName, member.Location ?? typeLocation, first.Name, member.Name, type.ToDisplayString(), field.AvroName);
                return;
            }

            fieldOwners[field.AvroName] = member;
            fields.Add(field);
        }
    }

    private FieldModel? BuildField(INamedTypeSymbol owner, DataMember member, IParameterSymbol? parameter, int parameterIndex, string recordNamespace)
    {
        var attributes = parameter is null ? member.Symbol.GetAttributes() : parameter.GetAttributes().AddRange(member.Symbol.GetAttributes());
        var memberDescription = "'" + owner.ToDisplayString() + "." + member.Name + "'";
        var avroName = StringArgument(attributes, AvroNameAttribute) ?? AvroNaming.ApplyPolicy(member.Name, _fieldNaming);
        if (!AvroNaming.IsValidName(avroName))
        {
            Report(DiagnosticDescriptors.InvalidAvroName, member.Location, avroName, "field name", memberDescription);
        }

        var site = new MemberSite(member.Name, owner.ToDisplayString(), member.Type, member.Location, recordNamespace, attributes);
        var type = MapType(member.Type, site);
        if (type is null)
        {
            return null;
        }

        site.ReportUnusedAttributes(this);

        var aliases = ReadAliases(attributes, memberDescription, member.Location, allowDots: false);
        var doc = DocComments.ForMember(member.Symbol, owner, _cancellationToken);
        var (defaultJson, defaultExpression) = ResolveDefault(member, parameter, attributes, type, memberDescription, owner);
        return new FieldModel(EscapeIdentifier(member.Name), avroName, type, doc, aliases, defaultJson, defaultExpression, parameterIndex, IsKey: false);
    }

    /// <summary>
    /// Public instance properties (and fields) with a public getter, base types first, in declaration order. An override
    /// or <c>new</c> member keeps the position of the member it replaces.
    /// </summary>
    private List<DataMember> CollectDataMembers(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var members = new List<DataMember>();
        foreach (var declaringType in chain)
        {
            foreach (var symbol in declaringType.GetMembers())
            {
                var member = symbol switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod.DeclaredAccessibility: Accessibility.Public } property =>
                        new DataMember(property, property.Name, property.Type, IsAccessibleFromAssembly(property.SetMethod), property.IsRequired, SourceLocation(property)),
                    IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Public } field =>
                        new DataMember(field, field.Name, field.Type, !field.IsReadOnly, field.IsRequired, SourceLocation(field)),
                    _ => null,
                };
                if (member is null)
                {
                    continue;
                }

                member.Ignored = member.Symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AvroIgnoreAttribute);
                var replaced = members.FindIndex(m => m.Name == member.Name);
                if (replaced >= 0)
                {
                    members[replaced] = member;
                }
                else
                {
                    members.Add(member);
                }
            }
        }

        return members;
    }

    /// <summary>
    /// The constructor the generated reader calls: the primary constructor; else the one accessible constructor whose
    /// parameters all match members by name (case-insensitive); among several such, the parameterless one.
    /// </summary>
    private IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, List<DataMember> members, Location? typeLocation)
    {
        var typeName = type.ToDisplayString();
        if (type.IsAbstract)
        {
            Report(DiagnosticDescriptors.NoUsableConstructor, typeLocation, typeName, "an abstract type cannot be created; use a concrete record");
            return null;
        }

        var constructors = type.InstanceConstructors.Where(c => !IsCopyConstructor(c, type)).ToList();
        var primary = constructors.FirstOrDefault(c => c.DeclaringSyntaxReferences.Any(r => r.GetSyntax(_cancellationToken) is TypeDeclarationSyntax));
        if (primary is not null)
        {
            if (!IsAccessibleFromAssembly(primary))
            {
                Report(DiagnosticDescriptors.NoUsableConstructor, typeLocation, typeName, "the primary constructor is not public or internal");
                return null;
            }

            return primary;
        }

        var accessible = constructors.Where(IsAccessibleFromAssembly).ToList();
        if (accessible.Any(c => !c.IsImplicitlyDeclared))
        {
            accessible.RemoveAll(c => c.IsImplicitlyDeclared);
        }

        var candidates = accessible
            .Where(c => c.Parameters.All(p => members.Any(m => string.Equals(m.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
            .ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        if (candidates.Count > 1)
        {
            var parameterless = candidates.FirstOrDefault(c => c.Parameters.Length == 0);
            if (parameterless is not null)
            {
                return parameterless;
            }

            Report(DiagnosticDescriptors.NoUsableConstructor, typeLocation, typeName,
                "several public constructors take all their parameters from members; keep one, or add a parameterless constructor");
            return null;
        }

        Report(DiagnosticDescriptors.NoUsableConstructor, typeLocation, typeName, accessible.Count == 0
            ? "it has no public or internal constructor"
            : "no public constructor has parameters that all match public properties by name (case-insensitive)");
        return null;
    }

    /// <summary>
    /// Another contract used as a field keeps the Avro name it has as a contract (<c>CategoryV1</c> is <c>Category</c>), so
    /// its schema is the same wherever it appears.
    /// </summary>
    private static string? ContractRecordFullName(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == MessageAttributeName);
        if (attribute is not { ConstructorArguments.Length: 2 } || attribute.ConstructorArguments[1].Value is not int version)
        {
            return null;
        }

        var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value.Value as string, StringComparer.Ordinal);
        var name = (named.TryGetValue("SchemaName", out var schemaName) ? schemaName : null) ?? AvroNameOf(type) ?? StripVersionSuffix(type.Name, version);
        var ns = (named.TryGetValue("SchemaNamespace", out var schemaNamespace) ? schemaNamespace : null) ?? CSharpNamespace(type);
        return AvroNaming.FullName(name, ns);
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private static bool IsAccessibleFromAssembly(ISymbol? symbol) =>
        symbol?.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private EquatableArray<string> ReadAliases(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, string description, Location? location, bool allowDots = true)
    {
        var attribute = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AvroAliasesAttribute);
        if (attribute is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            return EquatableArray<string>.Empty;
        }

        var aliases = new List<string>();
        foreach (var value in attribute.ConstructorArguments[0].Values)
        {
            if (value.Value is not string alias)
            {
                continue;
            }

            var valid = allowDots ? AvroNaming.IsValidNamespace(alias) && alias.Length > 0 : AvroNaming.IsValidName(alias);
            if (!valid)
            {
                Report(DiagnosticDescriptors.InvalidAvroName, AttributeLocation(attribute) ?? location, alias, "alias", description);
                continue;
            }

            aliases.Add(alias);
        }

        return aliases.ToEquatableArray();
    }

    private static string? AvroNameOf(ISymbol symbol) => StringArgument(symbol.GetAttributes(), AvroNameAttribute);

    private static string? StringArgument(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, string attributeName)
    {
        var attribute = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeName);
        return attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string value ? value : null;
    }

    private void ValidateNamedTypeName(string fullName, string description, Location? location)
    {
        var shortName = AvroNaming.ShortNameOf(fullName);
        if (!AvroNaming.IsValidName(shortName) || AvroNaming.IsPrimitiveTypeName(shortName))
        {
            Report(DiagnosticDescriptors.InvalidAvroName, location, shortName, "name", description);
        }

        var ns = AvroNaming.NamespaceOf(fullName);
        if (!AvroNaming.IsValidNamespace(ns))
        {
            Report(DiagnosticDescriptors.InvalidAvroName, location, ns, "namespace", description);
        }
    }

    /// <summary>Records that <paramref name="identity"/> owns the Avro name; a different owner of the same name is an error.</summary>
    private void ClaimName(string fullName, string identity, string description, Location? location)
    {
        if (_namedTypes.TryGetValue(fullName, out var owner))
        {
            if (owner.Identity != identity)
            {
                Report(DiagnosticDescriptors.NamedTypeConflict, location, fullName, owner.Description, description);
            }

            return;
        }

        _namedTypes[fullName] = new NamedTypeOwner(identity, description);
    }

    private static Location? SourceLocation(ISymbol symbol) => symbol.Locations.FirstOrDefault(l => l.IsInSource);

    /// <summary>A property or field that may carry data, with what the reader can do with it.</summary>
    private sealed class DataMember(ISymbol symbol, string name, ITypeSymbol type, bool settable, bool required, Location? location)
    {
        public ISymbol Symbol { get; } = symbol;

        public string Name { get; } = name;

        public ITypeSymbol Type { get; } = type;

        public bool Settable { get; } = settable;

        public bool Required { get; } = required;

        public Location? Location { get; } = location;

        public bool Ignored { get; set; }
    }
}
