using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Threading.Tasks;

namespace Contracts.Package.Tests.Infrastructure;

/// <summary>
/// A user's project in its own folder outside the repository, whose only tie to Contracts is
/// <c>&lt;PackageReference Include="Contracts" /&gt;</c> resolved from the local feed.
/// </summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(PackedPackage package, string directory, string name)
    {
        Package = package;
        Directory = directory;
        Name = name;
    }

    public PackedPackage Package { get; }

    public string Directory { get; }

    public string Name { get; }

    public string ProjectPath => Path.Combine(Directory, Name + ".csproj");

    /// <summary>Restores into a package folder of this run only, so nothing comes from a cache of earlier runs.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Package.WorkDirectory, "nuget-packages"),
    };

    /// <summary>
    /// Creates the project. <paramref name="properties"/> and <paramref name="items"/> are raw MSBuild XML placed in
    /// the project's PropertyGroup and ItemGroup; the Contracts PackageReference is always added.
    /// </summary>
    public static ConsumerProject Create(PackedPackage package, string name, string properties = "", string items = "", bool referencesContracts = true)
    {
        var root = Path.Combine(package.WorkDirectory, "consumers");
        var directory = Path.Combine(root, name);
        System.IO.Directory.CreateDirectory(directory);
        WriteIsolation(root, package);

        var reference = referencesContracts ? $"""<PackageReference Include="{PackedPackage.PackageId}" Version="[{package.Version}]" />""" : string.Empty;
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {reference}
                {items}
              </ItemGroup>
            </Project>
            """);
        return new ConsumerProject(package, directory, name);
    }

    public void WriteFile(string relativePath, string contents)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
    }

    public Task<string> RunDotNetAsync(params string[] arguments) => DotNetCli.RunAsync(Directory, Environment, arguments);

    // Empty Directory.Build.* files stop MSBuild from importing anything found above the temp folder, and the
    // nuget.config adds the local feed to the machine's configured sources (which still serve every other package).
    private static void WriteIsolation(string root, PackedPackage package)
    {
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="contracts-under-test" value="{SecurityElement.Escape(package.FeedDirectory)}" />
              </packageSources>
            </configuration>
            """);
    }
}
