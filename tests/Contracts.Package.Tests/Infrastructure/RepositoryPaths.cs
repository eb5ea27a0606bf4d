using System;
using System.IO;

namespace Contracts.Package.Tests.Infrastructure;

/// <summary>Locates the repository the tests were built from.</summary>
internal static class RepositoryPaths
{
    private const string SolutionFileName = "Contracts.sln";

    public static string Root { get; } = FindRoot();

    public static string RuntimeProject => Path.Combine(Root, "runtime", "Contracts.Runtime", "Contracts.Runtime.csproj");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFileName} above {AppContext.BaseDirectory}: the package tests must run from a build inside the repository.");
    }
}
