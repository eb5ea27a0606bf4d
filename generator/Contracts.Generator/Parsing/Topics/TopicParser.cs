using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Generator.Parsing.Topics;

/// <summary>
/// Turns one <c>[Topic]</c> class into a <see cref="TopicModel"/>: the topic name (Kafka's rules), the wire format and the
/// listed contracts, each of which must be a <c>[Message]</c> type listed once. Holds symbols only while parsing.
/// </summary>
internal sealed class TopicParser
{
    public const string TopicAttributeName = "Contracts.Messaging.TopicAttribute";

    private const int MaxTopicNameLength = 249;

    // Mirrors Contracts.Messaging.WireFormat; the generated code names the member, so an undefined value is an error here.
    private static readonly string[] WireFormats = ["Avro", "JsonEnvelope"];

    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private bool _hasErrors;

    private TopicParser(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
    }

    /// <summary>The incremental pipeline's transform: parses the class the attribute sits on.</summary>
    public static TopicParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.IsEmpty)
        {
            return new TopicParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var parser = new TopicParser(cancellationToken);
        var model = parser.ParseTopic(type, context.Attributes[0]);
        return new TopicParseResult(parser._hasErrors ? null : model, parser._diagnostics.ToEquatableArray());
    }

    private TopicModel? ParseTopic(INamedTypeSymbol type, AttributeData attribute)
    {
        var typeName = type.ToDisplayString();
        var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation() ?? type.Locations.FirstOrDefault();
        if (attribute.AttributeClass is null || attribute.ConstructorArguments.Length != 2 ||
            attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error))
        {
            // The attribute does not bind (the compiler reports why).
            _hasErrors = true;
            return null;
        }

        var declarationOk = CheckDeclaration(type);
        var topicName = attribute.ConstructorArguments[0].Value as string;
        if (TopicNameProblem(topicName) is { } problem)
        {
            Report(DiagnosticDescriptors.InvalidTopicName, ArgumentLocation(attribute, 0) ?? attributeLocation, topicName ?? "null", typeName, problem);
        }

        var wireFormat = WireFormatName(type, attribute, attributeLocation);
        var contracts = ParseContracts(type, attribute, attributeLocation);
        if (!declarationOk || topicName is null || wireFormat is null)
        {
            return null;
        }

        return new TopicModel(PartialDeclaration.Model(type), topicName, wireFormat, contracts.ToEquatableArray());
    }

    /// <summary>The class and every type containing it must be partial, non-static and non-generic for the generated half to attach.</summary>
    private bool CheckDeclaration(INamedTypeSymbol type)
    {
        if (PartialDeclaration.IsGenericOrNestedInGeneric(type))
        {
            Report(DiagnosticDescriptors.GenericTopic, type.Locations.FirstOrDefault(), type.ToDisplayString());
            return false;
        }

        if (type.IsStatic || type.IsAbstract)
        {
            Report(DiagnosticDescriptors.TopicTypeShape, type.Locations.FirstOrDefault(), type.ToDisplayString(), type.IsStatic ? "static" : "abstract");
            return false;
        }

        return PartialDeclaration.CheckAllPartial(type, DiagnosticDescriptors.TopicMustBePartial, Report, _cancellationToken);
    }

    private static string? TopicNameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "it is empty";
        }

        if (name!.Length > MaxTopicNameLength)
        {
            return "it has " + name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters; at most 249 are allowed";
        }

        if (name is "." or "..")
        {
            return "'.' and '..' are reserved";
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-'))
            {
                return "'" + c + "' is not allowed; use ASCII letters, digits, '.', '_' and '-'";
            }
        }

        return null;
    }

    private string? WireFormatName(INamedTypeSymbol type, AttributeData attribute, Location? attributeLocation)
    {
        var argument = attribute.NamedArguments.FirstOrDefault(a => a.Key == "WireFormat");
        if (argument.Key is null)
        {
            return WireFormats[0];
        }

        if (argument.Value.Value is int value && value >= 0 && value < WireFormats.Length)
        {
            return WireFormats[value];
        }

        Report(DiagnosticDescriptors.UnknownWireFormat, NamedArgumentLocation(attribute, "WireFormat") ?? attributeLocation, type.ToDisplayString(), argument.Value.Value?.ToString() ?? "null");
        return null;
    }

    private List<TopicContractModel> ParseContracts(INamedTypeSymbol type, AttributeData attribute, Location? attributeLocation)
    {
        var contracts = new List<TopicContractModel>();
        var listed = attribute.ConstructorArguments[1];
        var values = listed.Kind == TypedConstantKind.Array && !listed.IsNull ? listed.Values : default;
        if (values.IsDefaultOrEmpty)
        {
            Report(DiagnosticDescriptors.TopicWithoutContracts, attributeLocation, type.ToDisplayString());
            return contracts;
        }

        var seen = new Dictionary<(string Type, int Version), string>();
        for (var i = 0; i < values.Length; i++)
        {
            var location = ArgumentLocation(attribute, 1 + i) ?? attributeLocation;
            if (values[i].Value is not INamedTypeSymbol contract)
            {
                Report(DiagnosticDescriptors.TopicListsNonContract, location, "null", type.ToDisplayString());
                continue;
            }

            var message = contract.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ContractParser.MessageAttributeName);
            if (message is null || message.ConstructorArguments.Length != 2 ||
                message.ConstructorArguments[0].Value is not string messageType || message.ConstructorArguments[1].Value is not int version)
            {
                Report(DiagnosticDescriptors.TopicListsNonContract, location, contract.ToDisplayString(), type.ToDisplayString());
                continue;
            }

            var clrName = contract.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (seen.TryGetValue((messageType, version), out var first))
            {
                Report(DiagnosticDescriptors.DuplicateTopicContract, location, type.ToDisplayString(), messageType, version.ToString(System.Globalization.CultureInfo.InvariantCulture), first, contract.ToDisplayString());
                continue;
            }

            seen.Add((messageType, version), contract.ToDisplayString());
            contracts.Add(new TopicContractModel(clrName, messageType, version));
        }

        return contracts;
    }

    private void Report(DiagnosticDescriptor descriptor, Location? location, params string[] args)
    {
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
        _hasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
    }

    private Location? ArgumentLocation(AttributeData attribute, int position)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is not AttributeSyntax { ArgumentList: { } list })
        {
            return null;
        }

        var positional = list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        return position < positional.Count ? positional[position].GetLocation() : null;
    }

    private Location? NamedArgumentLocation(AttributeData attribute, string name) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is AttributeSyntax { ArgumentList: { } list }
            ? list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.GetLocation()
            : null;
}
