using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>
/// Parses one .avsc file on its own: every named type it defines (references to other files stay names) and the message
/// settings of its top-level record. Each problem becomes a diagnostic at the file, line and column with its JSON path; the
/// parser skips only what is broken, so the rest of the file still generates.
/// </summary>
internal sealed partial class AvscFileParser
{
    /// <summary>Schema properties (ignored by Avro, and absent from the canonical form) that configure the generated C#.</summary>
    public const string MessageTypeProperty = "contracts.messageType";
    public const string VersionProperty = "contracts.version";
    public const string KeyProperty = "contracts.key";
    public const string KeyFormatProperty = "contracts.keyFormat";
    public const string NamespaceProperty = "contracts.namespace";
    public const string TypeNameProperty = "contracts.typeName";
    public const string MemberNameProperty = "contracts.memberName";
    public const string MessageProperty = "contracts.message";

    private readonly AvscFileOptions _options;
    private readonly SourceText _text;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<AvscNamedType> _definitions = [];
    private readonly Dictionary<string, AvscNamedType> _definedHere = new(StringComparer.Ordinal);
    private string? _clrNamespaceOverride;

    private AvscFileParser(AvscFileOptions options, SourceText text, CancellationToken cancellationToken)
    {
        _options = options;
        _text = text;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The pipeline's per-file transform.</summary>
    public static AvscFile Parse(SourceText? text, AvscFileOptions options, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return new AvscFile(options.Path, EquatableArray<AvscNamedType>.Empty, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var parser = new AvscFileParser(options, text, cancellationToken);
        var contract = parser.ParseFile();
        return new AvscFile(options.Path, parser._definitions.ToEquatableArray(), contract, parser._diagnostics.ToEquatableArray());
    }

    private AvscContractSettings? ParseFile()
    {
        var json = JsonNode.TryParse(_text.ToString(), out var reason, out var position);
        if (json is null)
        {
            var start = Math.Min(Math.Max(position, 0), _text.Length);
            var span = new TextSpan(start, start < _text.Length ? 1 : 0);
            _diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.AvscMalformedJson, Location(span), new[] { reason! }.ToEquatableArray()));
            return null;
        }

        _clrNamespaceOverride = _options.Namespace;
        if (json.Kind == JsonNodeKind.Object && Property(json, NamespaceProperty) is { } nsNode)
        {
            if (nsNode.Kind == JsonNodeKind.String)
            {
                _clrNamespaceOverride = nsNode.Text;
            }
            else
            {
                ReportAt(DiagnosticDescriptors.AvscInvalidContractSetting, nsNode, "$." + NamespaceProperty, "\"" + NamespaceProperty + "\" at $." + NamespaceProperty, "expected a string naming a C# namespace");
            }
        }

        if (_clrNamespaceOverride is not null && !AvscNames.IsValidClrNamespace(_clrNamespaceOverride))
        {
            Report(DiagnosticDescriptors.AvscInvalidContractSetting, new AvscSite(Location(new TextSpan(0, 0)), "$"),
                "ContractsNamespace", "'" + _clrNamespaceOverride + "' is not a C# namespace (dot-separated identifiers)");
            _clrNamespaceOverride = null;
        }

        var root = ParseType(json, string.Empty, "$");
        if (root is null || root.Kind != AvscTypeKind.Named || !_definedHere.TryGetValue(root.FullName!, out var rootType) ||
            rootType.Kind != AvscNamedKind.Record || json.Kind != JsonNodeKind.Object)
        {
            // An enum, fixed, union of named types or primitive at the top: the file only defines types for other files.
            return null;
        }

        return ParseContractSettings(json, rootType);
    }

    private AvscContractSettings? ParseContractSettings(JsonNode json, AvscNamedType root)
    {
        if (!TryParseIsMessage(json, out var isMessage))
        {
            return null;
        }

        var messageType = _options.MessageType ?? AvroNaming.ToSnakeCase(AvroNaming.ShortNameOf(root.FullName));
        var messageTypeNode = Property(json, MessageTypeProperty);
        if (messageTypeNode is not null)
        {
            if (messageTypeNode.Kind == JsonNodeKind.String && !string.IsNullOrWhiteSpace(messageTypeNode.Text))
            {
                messageType = messageTypeNode.Text!;
            }
            else
            {
                ReportSetting(messageTypeNode, MessageTypeProperty, "expected a non-empty string");
                return null;
            }
        }
        else if (string.IsNullOrWhiteSpace(messageType))
        {
            ReportSetting(null, "ContractsMessageType", "the message type must not be empty");
            return null;
        }

        var version = 1;
        var versionNode = Property(json, VersionProperty);
        if (versionNode is not null)
        {
            var text = versionNode.Kind is JsonNodeKind.Number or JsonNodeKind.String ? versionNode.Text : null;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 1)
            {
                ReportSetting(versionNode, VersionProperty, "expected a whole number of 1 or more");
                return null;
            }
        }
        else if (_options.Version is { } versionSetting &&
                 (!int.TryParse(versionSetting.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 1))
        {
            ReportSetting(null, "ContractsVersion", "'" + versionSetting + "' is not a whole number of 1 or more");
            return null;
        }

        var (keyFields, keySite) = ParseKeyFields(json);
        if (keyFields is null)
        {
            return null;
        }

        var keyFormat = keyFields.Count == 0 ? 0 : 1;
        var formatNode = Property(json, KeyFormatProperty);
        var format = formatNode is { Kind: JsonNodeKind.String } ? formatNode.Text : formatNode is null ? _options.KeyFormat : null;
        if (formatNode is not null || format is not null)
        {
            var parsed = format?.Trim().ToLowerInvariant() switch
            {
                "record" => 1,
                "plain" => 2,
                _ => -1,
            };
            if (parsed < 0 || keyFields.Count == 0)
            {
                ReportSetting(formatNode, formatNode is null ? "ContractsKeyFormat" : KeyFormatProperty,
                    parsed < 0 ? "expected \"record\" or \"plain\"" : "a key format is set but no key field is named");
                return null;
            }

            keyFormat = parsed;
        }

        var hasMessageSettings = messageTypeNode is not null || versionNode is not null || formatNode is not null || Property(json, KeyProperty) is not null ||
            _options.MessageType is not null || _options.Version is not null || _options.Key is not null || _options.KeyFormat is not null;
        return new AvscContractSettings(root.FullName, messageType, version, keyFormat, keyFields.ToEquatableArray(), keySite, isMessage, hasMessageSettings);
    }

    /// <summary><c>"contracts.message"</c> (a JSON boolean), else <c>ContractsMessage</c> item metadata; false after reporting a bad value.</summary>
    private bool TryParseIsMessage(JsonNode json, out bool? isMessage)
    {
        isMessage = null;
        var node = Property(json, MessageProperty);
        if (node is not null)
        {
            if (node.Kind is JsonNodeKind.True or JsonNodeKind.False)
            {
                isMessage = node.Kind == JsonNodeKind.True;
                return true;
            }

            ReportSetting(node, MessageProperty, "expected true or false");
            return false;
        }

        if (_options.Message is { } setting)
        {
            if (bool.TryParse(setting, out var value))
            {
                isMessage = value;
                return true;
            }

            ReportSetting(null, "ContractsMessage", "'" + setting + "' is not true or false");
            return false;
        }

        return true;
    }

    private (List<string>? Fields, AvscSite Site) ParseKeyFields(JsonNode json)
    {
        var keyNode = Property(json, KeyProperty);
        var site = keyNode is null ? new AvscSite(Location(new TextSpan(json.Start, 1)), "$") : Site(keyNode, "$." + KeyProperty);
        IEnumerable<string> names;
        if (keyNode is null)
        {
            names = _options.Key is { } key ? key.Split(',') : [];
        }
        else if (keyNode.Kind == JsonNodeKind.String)
        {
            names = keyNode.Text!.Split(',');
        }
        else if (keyNode.Kind == JsonNodeKind.Array && keyNode.Items.All(i => i.Kind == JsonNodeKind.String))
        {
            names = keyNode.Items.Select(i => i.Text!);
        }
        else
        {
            ReportSetting(keyNode, KeyProperty, "expected a field name or an array of field names");
            return (null, site);
        }

        var fields = names.Select(n => n.Trim()).ToList();
        if (fields.Any(f => f.Length == 0))
        {
            ReportSetting(keyNode, keyNode is null ? "ContractsKey" : KeyProperty, "a key field name is empty");
            return (null, site);
        }

        return (fields, site);
    }

    private void ReportSetting(JsonNode? node, string setting, string problem)
    {
        var described = node is null ? setting + " (item metadata)" : "\"" + setting + "\" at $." + setting;
        var site = node is null ? new AvscSite(Location(new TextSpan(0, 0)), "$") : Site(node, "$." + setting);
        Report(DiagnosticDescriptors.AvscInvalidContractSetting, site, described, problem);
    }

    private static JsonNode? Property(JsonNode node, string name)
    {
        foreach (var property in node.Properties)
        {
            if (property.Key == name)
            {
                return property.Value;
            }
        }

        return null;
    }

    private AvscSite Site(JsonNode node, string path) => new(Location(new TextSpan(node.Start, Math.Max(0, node.End - node.Start))), path);

    private LocationInfo Location(TextSpan span) => new(_options.Path, span, _text.Lines.GetLinePositionSpan(span));

    private void Report(DiagnosticDescriptor descriptor, AvscSite site, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor, site.Location, args.ToEquatableArray()));

    private void ReportAt(DiagnosticDescriptor descriptor, JsonNode node, string path, params string[] args) =>
        Report(descriptor, Site(node, path), args);
}
