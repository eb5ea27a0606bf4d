using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>Reads an .avsc AdditionalFile and its MSBuild settings, and parses it.</summary>
internal static class AvscInputs
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    public static bool IsSchemaFile(AdditionalText file) => file.Path.EndsWith(".avsc", StringComparison.OrdinalIgnoreCase);

    /// <summary>The parsed file, or null for a shipped-schema baseline (<c>ContractsShippedSchema=true</c>), which is not a contract.</summary>
    public static AvscFile? Parse(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = ReadOptions(file, options);
        return fileOptions.IsShippedBaseline ? null : AvscFileParser.Parse(file.GetText(cancellationToken), fileOptions, cancellationToken);
    }

    public static AvscFileOptions ReadOptions(AdditionalText file, AnalyzerConfigOptionsProvider provider)
    {
        var options = provider.GetOptions(file);
        return new AvscFileOptions(
            file.Path,
            Value(provider.GlobalOptions, "build_property.RootNamespace"),
            Value(options, MetadataPrefix + "ContractsNamespace"),
            Value(options, MetadataPrefix + "ContractsMessageType"),
            Value(options, MetadataPrefix + "ContractsVersion"),
            Value(options, MetadataPrefix + "ContractsKey"),
            Value(options, MetadataPrefix + "ContractsKeyFormat"),
            Value(options, MetadataPrefix + "ContractsTypeName"),
            Value(options, MetadataPrefix + "ContractsMessage"),
            string.Equals(Value(options, MetadataPrefix + "ContractsShippedSchema"), "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An MSBuild value; unset metadata arrives as an empty string, which means "not set".</summary>
    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
