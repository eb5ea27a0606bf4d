using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Analyzers.Compatibility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.CodeFixes;

/// <summary>A baseline file a code fix writes, from the properties of the diagnostic that asks for it.</summary>
internal sealed record ShippedDocument(string RelativePath, string? AbsolutePath, string Text)
{
    /// <summary>"v2 of person" for a relative path "person/v2.avsc".</summary>
    public string Title
    {
        get
        {
            var slash = RelativePath.LastIndexOf('/');
            return Path.GetFileNameWithoutExtension(RelativePath.Substring(slash + 1)) + " of " + RelativePath.Substring(0, slash);
        }
    }

    /// <summary>Baseline files are UTF-8 without a byte order mark, like the JSON tools that read them expect.</summary>
    public static readonly System.Text.Encoding Utf8WithoutBom = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static ShippedDocument? From(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(ContractChecks.ShippedRelativePathProperty, out var relative) && relative is not null &&
        diagnostic.Properties.TryGetValue(ContractChecks.ShippedTextProperty, out var text) && text is not null
            ? new ShippedDocument(relative, diagnostic.Properties.TryGetValue(ContractChecks.ShippedPathProperty, out var path) ? path : null, text)
            : null;

    /// <summary>Adds each file to the project, or replaces the text of a file already there.</summary>
    public static Solution AddAll(Solution solution, ProjectId projectId, IEnumerable<ShippedDocument> documents)
    {
        foreach (var document in documents)
        {
            var project = solution.GetProject(projectId)!;
            var filePath = document.FilePath(project);
            var existing = project.AdditionalDocuments.FirstOrDefault(d => d.FilePath is not null && SamePath(d.FilePath, filePath));
            var text = SourceText.From(document.Text, Utf8WithoutBom);
            solution = existing is not null
                ? solution.WithAdditionalDocumentText(existing.Id, text)
                : solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId, filePath), Path.GetFileName(filePath), text, document.Folders(), filePath);
        }

        return solution;
    }

    /// <summary>Where the file goes: the analyzer's absolute path (from the ContractsShippedSchemasDirectory property), else below the project.</summary>
    private string FilePath(Project project)
    {
        if (AbsolutePath is not null)
        {
            return AbsolutePath;
        }

        var projectDirectory = project.FilePath is null ? string.Empty : Path.GetDirectoryName(project.FilePath) ?? string.Empty;
        return Path.Combine(projectDirectory, "schemas", "shipped", RelativePath.Replace('/', Path.DirectorySeparatorChar));
    }

    private IEnumerable<string> Folders()
    {
        var parts = RelativePath.Split('/');
        return new[] { "schemas", "shipped" }.Concat(parts.Take(parts.Length - 1));
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
