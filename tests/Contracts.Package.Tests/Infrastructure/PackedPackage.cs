using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.Package.Tests.Infrastructure;

/// <summary>
/// The Contracts package, packed once per test run from the repository's sources into a local folder feed.
/// Its version is unique to the run, so no NuGet cache can hand a consumer an older build of the same version.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public const string PackageId = "Contracts";

    /// <summary>The scratch folder of this run: feed, build outputs and consumers all live below it.</summary>
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "contracts-package-tests", Guid.NewGuid().ToString("N"));

    public string Version { get; } = "0.0.0-packagetest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    public string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");

    /// <summary>
    /// MSBuild arguments that build repository projects into this run's private artifacts folder. Other builds that
    /// pass them reuse the packed build's outputs instead of compiling the runtime and generator again.
    /// </summary>
    public string[] IsolatedBuildArguments =>
    [
        "-p:Version=" + Version,
        "-p:ArtifactsPath=" + Path.Combine(WorkDirectory, "artifacts") + Path.DirectorySeparatorChar,
        "-nodeReuse:false",
        "-tl:off",
    ];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);

        // A private artifacts folder keeps this build's outputs apart from the repository's own bin/ and obj/,
        // which other test projects of the same run are reading.
        await DotNetCli.RunAsync(
            RepositoryPaths.Root,
            environment: null,
            ["pack", RepositoryPaths.RuntimeProject, "--configuration", "Release", "--output", FeedDirectory, .. IsolatedBuildArguments]);

        if (!File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"dotnet pack succeeded but {PackagePath} does not exist.");
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it is not.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed Contracts package";
}
