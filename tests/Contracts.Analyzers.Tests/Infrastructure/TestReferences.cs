using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Contracts.Analyzers.Tests.Infrastructure;

/// <summary>
/// Test compilations reference the running framework and the Contracts runtime from disk: the testing library's
/// reference packs would be downloaded from NuGet at test time.
/// </summary>
internal static class TestReferences
{
    /// <summary>No reference pack; <see cref="Metadata"/> supplies the references.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static IReadOnlyList<MetadataReference> Metadata { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path =>
            {
                var name = Path.GetFileNameWithoutExtension(path);
                return name.StartsWith("System", StringComparison.Ordinal) || name is "mscorlib" or "netstandard";
            })
            .Append(typeof(Contracts.MessageAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();

    public static void ApplyTo(SolutionState state) => state.AdditionalReferences.AddRange(Metadata);
}
