using System;
using System.IO;

namespace Contracts.Generator.Tests.Infrastructure;

internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Contracts.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Contracts.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The checkout's root (the folder holding Contracts.sln).</summary>
    public static string Root => RootPath.Value;

    public static string SnapshotsFolder => Path.Combine(Root, "tests", "Contracts.Generator.Tests", "Snapshots");
}
