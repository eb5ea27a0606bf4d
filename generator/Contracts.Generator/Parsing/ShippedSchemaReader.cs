using System;
using System.Globalization;
using System.Threading;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing.Avsc;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Contracts.Generator.Parsing;

/// <summary>
/// Reads a file of the shipped-schema baseline (an .avsc AdditionalFile with <c>ContractsShippedSchema=true</c>, named
/// <c>&lt;shipped dir&gt;/&lt;message type&gt;/v&lt;version&gt;.avsc</c>) as the writer schema of a released version.
/// </summary>
internal static class ShippedSchemaReader
{
    /// <summary>
    /// The file with its schema when it belongs to the baseline; with none for any other .avsc, or for a misnamed baseline
    /// file (the compatibility analyzer reports misnamed and invalid baseline files; the generator reads what it can).
    /// </summary>
    public static ShippedSchemaFile Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!AvscInputs.ReadOptions(file, options).IsShippedBaseline || !TryParsePath(file.Path, out var messageType, out var version))
        {
            return new ShippedSchemaFile(file.Path, null);
        }

        var text = file.GetText(cancellationToken)?.ToString();
        if (text is null)
        {
            return new ShippedSchemaFile(file.Path, null);
        }

        // Compact JSON, so the descriptor holds the schema as the generator emits it (the baseline is indented for review).
        return new ShippedSchemaFile(file.Path, new ShippedSchemaModel(file.Path, messageType, version, JsonNode.TryParse(text, out _)?.ToCompactJson() ?? text));
    }

    /// <summary>The message type (the folder name) and version (from <c>v&lt;version&gt;.avsc</c>, 1 or greater) of a baseline path.</summary>
    public static bool TryParsePath(string path, out string messageType, out int version)
    {
        var file = ShippedFile.FromPath(path);
        messageType = file.MessageType;
        version = file.Version;
        return file.Kind == ShippedFileKind.Schema;
    }
}
