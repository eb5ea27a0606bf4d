using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Contracts.Package.Tests.Infrastructure;
using Xunit;

namespace Contracts.Package.Tests;

/// <summary>What the Contracts .nupkg holds, as NuGet will see it.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageLayoutTests(PackedPackage package)
{
    [Theory]
    [InlineData("lib/net10.0/Contracts.Runtime.dll")]
    [InlineData("lib/net10.0/Contracts.Runtime.xml")]
    [InlineData("analyzers/dotnet/cs/Contracts.Generator.dll")]
    [InlineData("buildTransitive/Contracts.props")]
    [InlineData("build/Contracts.props")]
    [InlineData("buildTransitive/Contracts.targets")]
    [InlineData("build/Contracts.targets")]
    [InlineData("README.md")]
    public void Package_contains(string entry)
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        Assert.Contains(entry, archive.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void Roslyn_components_are_the_only_assemblies_under_analyzers_and_runtime_is_the_only_library()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var assemblies = archive.Entries.Select(e => e.FullName).Where(name => name.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

        // Any extra assembly here would be loaded into the compiler or the user's app without being intended.
        var expected = new[] { "analyzers/dotnet/cs/Contracts.Generator.dll", "lib/net10.0/Contracts.Runtime.dll" };
        if (File.Exists(Path.Combine(RepositoryPaths.Root, "analyzers", "Contracts.Analyzers", "Contracts.Analyzers.csproj")))
        {
            expected = [.. expected, "analyzers/dotnet/cs/Contracts.Analyzers.dll", "analyzers/dotnet/cs/Contracts.Analyzers.CodeFixes.dll"];
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), assemblies);
    }

    [Fact]
    public void Nuspec_declares_no_dependency_on_the_roslyn_components_and_names_the_readme()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        Assert.Equal(PackedPackage.PackageId, metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
        Assert.Equal(package.Version, metadata.Elements().Single(e => e.Name.LocalName == "version").Value);
        Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id") ?? string.Empty).ToArray();

        // The generator travels inside the package; as a dependency it would become a compile reference of the user.
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Contracts.", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Packed_readme_is_the_repository_readme()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var reader = new StreamReader(archive.GetEntry("README.md")!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")), reader.ReadToEnd());
    }

    [Fact]
    public void Generator_needs_no_newer_compiler_than_Roslyn_4_14_and_targets_netstandard_2_0()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var buffer = new MemoryStream();
        using (var entry = archive.GetEntry("analyzers/dotnet/cs/Contracts.Generator.dll")!.Open())
        {
            entry.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .ToDictionary(reference => metadata.GetString(reference.Name), reference => reference.Version, StringComparer.Ordinal);

        // docs/packaging.md promises hosts from Roslyn 4.14 on (SDK 9.0.300, Visual Studio 17.14): a compiler loads a
        // generator only if it is at least as new as every Roslyn assembly the generator references.
        Assert.Equal(new Version(4, 14, 0, 0), references["Microsoft.CodeAnalysis"]);
        Assert.Equal(new Version(4, 14, 0, 0), references["Microsoft.CodeAnalysis.CSharp"]);
        Assert.Equal(new Version(2, 0, 0, 0), references["netstandard"]);
    }
}
