using System;
using System.IO;
using System.Threading.Tasks;
using Contracts.Package.Tests.Infrastructure;
using Xunit;

namespace Contracts.Package.Tests;

/// <summary>
/// The compatibility analyzers ride in the same package: a breaking version fails the consumer's build, and
/// <c>dotnet build -t:ContractsShipSchemas</c> writes the shipped baseline the analyzers then hold the contracts to.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageCompatibilityTests(PackedPackage package)
{
    private const string Contracts = """
        using Contracts;

        namespace Shipping;

        [Message("person", 1)]
        public partial record PersonV1(string Name);

        [Message("person", 2)]
        public partial record PersonV2(string Name, string? Email = null);
        """;

    private const string ShippedV2 = """
        {
          "type": "record",
          "name": "Person",
          "namespace": "Shipping",
          "fields": [
            {
              "name": "name",
              "type": "string"
            },
            {
              "name": "email",
              "type": ["null", "string"],
              "default": null
            }
          ]
        }

        """;

    [Fact]
    public async Task A_version_that_breaks_backward_compatibility_fails_the_build_at_the_member()
    {
        var consumer = ConsumerProject.Create(package, "BreakingVersion");
        consumer.WriteFile("Contracts.cs", """
            using Contracts;

            namespace BreakingVersion;

            [Message("person", 1)]
            public partial record PersonV1(string Name);

            [Message("person", 2)]
            public partial record PersonV2(string Name, string Email);
            """);

        var (exitCode, output) = await DotNetCli.TryRunAsync(consumer.Directory, consumer.Environment, "build", consumer.ProjectPath, "-nodeReuse:false", "-tl:off");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(
            "Contracts.cs(9,52): error CTR1001: PersonV2.Email: field 'email' of BreakingVersion.Person is not in the writer's BreakingVersion.Person (by name or alias) and has no default; v1 data cannot be read by v2 (BACKWARD).",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ship_schemas_writes_the_baseline_and_a_shipped_version_can_no_longer_change()
    {
        var consumer = ConsumerProject.Create(package, "Shipping", properties: "<ContractsCompatibility>FULL</ContractsCompatibility>");
        consumer.WriteFile("Contracts.cs", Contracts);

        var shipOutput = await consumer.RunDotNetAsync("build", consumer.ProjectPath, "-t:ContractsShipSchemas", "-nodeReuse:false", "-tl:off");

        var v1 = Path.Combine(consumer.Directory, "schemas", "shipped", "person", "v1.avsc");
        var v2 = Path.Combine(consumer.Directory, "schemas", "shipped", "person", "v2.avsc");
        Assert.Contains("ContractsShipSchemas: shipped " + v2, shipOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(v1), "v1 was not shipped:\n" + shipOutput);
        Assert.Equal(ShippedV2.Replace("\r\n", "\n"), File.ReadAllText(v2));

        // Shipped and unchanged: the build is clean, and running the command again writes nothing.
        var again = await consumer.RunDotNetAsync("build", consumer.ProjectPath, "-t:ContractsShipSchemas", "-nodeReuse:false", "-tl:off");
        Assert.Contains("ContractsShipSchemas: every contract version is already in the shipped baseline.", again, StringComparison.Ordinal);

        // The shipped files are the baseline, not contracts: changing shipped v2 is an error at the contract.
        consumer.WriteFile("Contracts.cs", Contracts.Replace("string? Email = null", "string? Email = null, int Age = 0", StringComparison.Ordinal));
        var (exitCode, output) = await DotNetCli.TryRunAsync(consumer.Directory, consumer.Environment, "build", consumer.ProjectPath, "-nodeReuse:false", "-tl:off");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(
            $"Contracts.cs(9,23): error CTR1002: 'PersonV2' is message 'person' v2, which has shipped with another schema ({v2}): field 'age' added; a shipped version never changes: declare the change as v3, or revert it",
            output,
            StringComparison.Ordinal);
    }
}
