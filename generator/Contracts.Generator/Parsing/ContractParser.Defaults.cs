using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Generator.Parsing;

internal sealed partial class ContractParser
{
    private const string AvroDefaultAttribute = "Contracts.AvroDefaultAttribute";

    /// <summary>
    /// The field's default, from (in order) <c>[AvroDefault(json)]</c>, the constructor parameter's default value, or a
    /// constant / empty-collection property initializer. Explicit defaults that do not fit the schema are errors; an
    /// initializer that cannot be expressed is simply not a default.
    /// </summary>
    private (string? Json, string? Expression) ResolveDefault(
        DataMember member, IParameterSymbol? parameter, ImmutableArray<AttributeData> attributes, AvroTypeModel type, string memberDescription, INamedTypeSymbol owner)
    {
        var attribute = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AvroDefaultAttribute);
        if (attribute is not null)
        {
            var location = AttributeLocation(attribute) ?? member.Location;
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string json)
            {
                ReportInvalidDefault(member, owner, type, location, "the JSON text is missing");
                return (null, null);
            }

            var node = JsonNode.TryParse(json, out var syntaxError);
            if (node is null)
            {
                ReportInvalidDefault(member, owner, type, location, "the JSON does not parse: " + syntaxError);
                return (null, null);
            }

            return Checked(node, location);
        }

        if (parameter is { HasExplicitDefaultValue: true })
        {
            var location = SourceLocation(parameter) ?? member.Location;
            var node = FromConstant(parameter.ExplicitDefaultValue, type, parameter.Type, out var error);
            if (node is null)
            {
                ReportInvalidDefault(member, owner, type, location, error!);
                return (null, null);
            }

            return Checked(node, location);
        }

        // A nullable field without another default defaults to null: readers of older data and JSON without the field get null.
        var fallback = type.Kind == AvroKind.Nullable ? ("null", "null") : ((string?)null, (string?)null);
        if (parameter is not null)
        {
            // A constructor-set member's property initializer runs on the constructor's value (`= Name.Trim()`): not a default.
            return fallback;
        }

        var initializer = member.Symbol.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(_cancellationToken) switch
            {
                PropertyDeclarationSyntax property => property.Initializer,
                VariableDeclaratorSyntax variable => variable.Initializer,
                _ => null,
            })
            .FirstOrDefault(i => i is not null);
        if (initializer is not null)
        {
            var node = FromInitializer(initializer.Value, type, member.Type);
            var expression = node is null ? null : DefaultValues.ToExpression(node, type, FindEnum, out _);
            return expression is null ? fallback : (node!.ToCompactJson(), expression);
        }

        return fallback;

        (string? Json, string? Expression) Checked(JsonNode node, Location? location)
        {
            var expression = DefaultValues.ToExpression(node, type, FindEnum, out var error);
            if (expression is null)
            {
                ReportInvalidDefault(member, owner, type, location, error!);
                return (null, null);
            }

            return (node.ToCompactJson(), expression);
        }
    }

    private EnumModel? FindEnum(string fullName) => _enums.TryGetValue(fullName, out var model) ? model : null;

    private void ReportInvalidDefault(DataMember member, INamedTypeSymbol owner, AvroTypeModel type, Location? location, string reason) =>
        Report(DiagnosticDescriptors.InvalidDefault, location ?? member.Location, member.Name, owner.ToDisplayString(), AvroTypeText(type), reason);

    private JsonNode? FromInitializer(ExpressionSyntax value, AvroTypeModel type, ITypeSymbol memberType)
    {
        var constant = _compilation.GetSemanticModel(value.SyntaxTree).GetConstantValue(value, _cancellationToken);
        if (constant.HasValue)
        {
            return FromConstant(constant.Value, type, memberType, out _);
        }

        var isEmptyCollection = value switch
        {
            CollectionExpressionSyntax collection => collection.Elements.Count == 0,
            BaseObjectCreationExpressionSyntax creation => (creation.ArgumentList?.Arguments.Count ?? 0) == 0 &&
                (creation.Initializer?.Expressions.Count ?? 0) == 0,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" } } invocation =>
                invocation.ArgumentList.Arguments.Count == 0,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" } => true,
            _ => false,
        };
        return (isEmptyCollection, type.Kind) switch
        {
            (true, AvroKind.Array) => JsonNode.Array([]),
            (true, AvroKind.Map) => JsonNode.Object([]),
            _ => null,
        };
    }

    /// <summary>A C# constant (parameter default or initializer) as the Avro JSON default of <paramref name="type"/>.</summary>
    private JsonNode? FromConstant(object? value, AvroTypeModel type, ITypeSymbol memberType, out string? error)
    {
        error = null;
        if (value is null)
        {
            if (type.Kind == AvroKind.Nullable)
            {
                return JsonNode.Null;
            }

            if (!memberType.IsValueType)
            {
                error = "null is not a value of this non-nullable type; make the member nullable or give an [AvroDefault]";
                return null;
            }

            return DefaultOfValueType(type, memberType, out error);
        }

        if (type.Kind == AvroKind.Nullable)
        {
            error = "a nullable field's default must be null, because the first branch of its union is \"null\"";
            return null;
        }

        switch (type.Clr)
        {
            case ClrShape.Enum:
                var member = memberType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
                var symbol = member is null ? null : FindEnum(type.NamedTypeFullName!)?.Symbols.FirstOrDefault(s => s.MemberName.TrimStart('@') == member.Name);
                if (symbol is null)
                {
                    error = "the value " + Convert.ToString(value, CultureInfo.InvariantCulture) + " is not a member of the enum";
                    return null;
                }

                return JsonNode.String(symbol.Symbol);
            case ClrShape.Decimal when value is decimal number:
                var bytes = DefaultValues.DecimalBytes(number, type.Precision, type.Scale, out error);
                return bytes is null ? null : JsonNode.String(bytes);
        }

        switch (value)
        {
            case bool boolean:
                return JsonNode.Boolean(boolean);
            case string text:
                return JsonNode.String(text);
            case float single when float.IsNaN(single) || float.IsInfinity(single):
            case double dbl when double.IsNaN(dbl) || double.IsInfinity(dbl):
                error = "JSON cannot represent NaN or infinity";
                return null;
            case float single:
                return JsonNode.Number(single.ToString("R", CultureInfo.InvariantCulture));
            case double dbl:
                return JsonNode.Number(dbl.ToString("R", CultureInfo.InvariantCulture));
            case int or long or short or byte or sbyte or ushort or uint or ulong or decimal:
                return JsonNode.Number(Convert.ToString(value, CultureInfo.InvariantCulture)!);
            default:
                error = "the constant cannot be written as JSON";
                return null;
        }
    }

    /// <summary>The Avro default for <c>default</c> of a value type (a parameter written <c>= default</c>).</summary>
    private JsonNode? DefaultOfValueType(AvroTypeModel type, ITypeSymbol memberType, out string? error)
    {
        error = null;
        switch (type.Clr)
        {
            case ClrShape.Boolean:
                return JsonNode.Boolean(false);
            case ClrShape.Int32 or ClrShape.Int64 or ClrShape.Single or ClrShape.Double or ClrShape.TimeOnly:
                return JsonNode.Number("0");
            case ClrShape.Guid:
                return JsonNode.String("00000000-0000-0000-0000-000000000000");
            case ClrShape.DateOnly:
                return JsonNode.Number("-719162");
            case ClrShape.DateTime or ClrShape.DateTimeOffset:
                return JsonNode.Number(type.LogicalType is "timestamp-micros" or "local-timestamp-micros" ? "-62135596800000000" : "-62135596800000");
            case ClrShape.Decimal:
                return JsonNode.String("\0");
            case ClrShape.ReadOnlyMemoryOfByte when type.Kind == AvroKind.Bytes:
                return JsonNode.String(string.Empty);
            case ClrShape.Enum:
                return FromConstant(Convert.ChangeType(0, ((INamedTypeSymbol)memberType).EnumUnderlyingType!.SpecialType switch
                {
                    SpecialType.System_Byte => typeof(byte),
                    SpecialType.System_SByte => typeof(sbyte),
                    SpecialType.System_Int16 => typeof(short),
                    SpecialType.System_UInt16 => typeof(ushort),
                    SpecialType.System_UInt32 => typeof(uint),
                    SpecialType.System_Int64 => typeof(long),
                    SpecialType.System_UInt64 => typeof(ulong),
                    _ => typeof(int),
                }, CultureInfo.InvariantCulture), type, memberType, out error);
            default:
                error = "'default' of this type has no Avro value; give an [AvroDefault] instead";
                return null;
        }
    }

    /// <summary>How a schema node reads in a diagnostic: <c>int</c>, <c>long (timestamp-millis)</c>, <c>union [null, string]</c>.</summary>
    internal static string AvroTypeText(AvroTypeModel type)
    {
        var text = type.Kind switch
        {
            AvroKind.Nullable => "union [null, " + AvroTypeText(type.Items!) + "]",
            AvroKind.Array => "array of " + AvroTypeText(type.Items!),
            AvroKind.Map => "map of " + AvroTypeText(type.Items!),
            AvroKind.Record or AvroKind.Enum or AvroKind.Fixed => type.Kind.ToString().ToLowerInvariant() + " " + type.NamedTypeFullName,
            AvroKind.Boolean => "boolean",
            _ => type.Kind.ToString().ToLowerInvariant(),
        };
        return type.LogicalType is null ? text : text + " (" + type.LogicalType + ")";
    }
}
