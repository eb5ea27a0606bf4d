using System;
using System.IO;
using System.Threading.Tasks;
using Contracts.Package.Tests.Infrastructure;
using Xunit;

namespace Contracts.Package.Tests;

/// <summary>
/// A console app whose only tie to Contracts is the PackageReference: it builds with every warning as an error and
/// its output proves the packaged generator produced working Avro and JSON codecs.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageConsumerTests(PackedPackage package)
{
    // The Parsing Canonical Form and its Rabin fingerprint, worked out independently from the Avro specification.
    private const string ExpectedCanonicalSchema =
        """{"name":"PackageConsumer.Greeting","type":"record","fields":[{"name":"id","type":"string"},{"name":"text","type":"string"},{"name":"count","type":"int"},{"name":"note","type":["null","string"]}]}""";

    private const string ExpectedFingerprint = "1777168811283761699";

    // uuid as a 36-character string, "héllo" (6 UTF-8 bytes), int 3, then the union branch 0 (null).
    private const string ExpectedAvroHex =
        "48" + "36663163326239652D386434612D346233372D396135312D306332643365346635613662" + "0C68C3A96C6C6F" + "06" + "00";

    // What django-logpipe (Python json.dumps, ensure_ascii=False) writes for the same message.
    private const string ExpectedEnvelope =
        """json:{"type":"greeting","version":1,"message":{"id":"6f1c2b9e-8d4a-4b37-9a51-0c2d3e4f5a6b","text":"héllo","count":3,"note":null}}""";

    [Fact]
    public async Task Consumer_builds_warning_free_and_round_trips_with_the_packaged_generator()
    {
        var consumer = ConsumerProject.Create(
            package,
            "PackageConsumer",
            properties: """
                <OutputType>Exe</OutputType>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningLevel>9999</WarningLevel>
                <AnalysisLevel>latest-all</AnalysisLevel>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                """);
        consumer.WriteFile("Program.cs", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", "Program.cs")));

        await consumer.RunDotNetAsync("build", consumer.ProjectPath, "-c", "Release", "-nodeReuse:false", "-tl:off");
        var output = await consumer.RunDotNetAsync(Path.Combine(consumer.Directory, "bin", "Release", "net10.0", consumer.Name + ".dll"));

        var generated = Path.Combine(consumer.Directory, "obj", "Release", "net10.0", "generated", "Contracts.Generator");
        Assert.True(Directory.Exists(generated), $"The packaged generator wrote no sources; expected them under {generated}.");
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("canonical: " + ExpectedCanonicalSchema, lines[0]);
        Assert.Equal("fingerprint: " + ExpectedFingerprint, lines[1]);
        Assert.Equal("key fields: id", lines[2]);
        Assert.Equal("avro: " + ExpectedAvroHex, lines[3]);
        Assert.Equal("round trip: equal", lines[4]);
        Assert.Equal("json: " + ExpectedEnvelope, lines[5]);
        Assert.Equal("json round trip: equal", lines[6]);
        Assert.Equal("catalog: greeting v1 (GreetingV1)", lines[7]);
        Assert.StartsWith("truncated: rejected at byte ", lines[8], StringComparison.Ordinal);
        Assert.EndsWith(" in 'id'", lines[8], StringComparison.Ordinal);
        Assert.Equal(9, lines.Length);
    }

    [Fact]
    public async Task Generator_diagnostics_fail_the_consumer_build_at_the_declaration()
    {
        var consumer = ConsumerProject.Create(package, "BrokenContract");
        consumer.WriteFile("Contracts.cs", """
            namespace BrokenContract;

            [Contracts.Message("broken", 1)]
            public record BrokenV1(string Name);
            """);

        var (exitCode, output) = await DotNetCli.TryRunAsync(consumer.Directory, consumer.Environment, "build", consumer.ProjectPath, "-nodeReuse:false", "-tl:off");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Contracts.cs(4,15): error CTR0001: 'BrokenContract.BrokenV1' must be declared partial", output, StringComparison.Ordinal);
    }
}
