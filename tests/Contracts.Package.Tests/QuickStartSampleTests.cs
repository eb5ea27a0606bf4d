using System.IO;
using System.Threading.Tasks;
using Contracts.Package.Tests.Infrastructure;
using Xunit;

namespace Contracts.Package.Tests;

/// <summary>The README's first command, <c>dotnet run --project samples/QuickStart</c>, works and shows what it claims.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class QuickStartSampleTests(PackedPackage package)
{
    [Fact]
    public async Task Quick_start_round_trips_both_formats_and_reports_bad_input_with_typed_errors()
    {
        var output = await DotNetCli.RunAsync(
            RepositoryPaths.Root,
            environment: null,
            ["run", "--project", Path.Combine("samples", "QuickStart"), "-c", "Release", .. package.IsolatedBuildArguments]);

        Assert.Contains("person v2 (PersonV2), key Record: id", output);
        Assert.Contains("\"name\": \"Person\"", output);
        Assert.Contains("json:{\"type\":\"person\",\"version\":2,\"message\":{\"id\":\"2f8e4c1a-9b7d-4e6f-8a3c-5d1b0e9f7a24\",\"firstName\":\"Ada\"", output);
        Assert.Equal(2, Occurrences(output, "same value: True"));
        Assert.Contains("person v1 -> PersonV1", output);
        Assert.Contains("person v2 -> PersonV2", output);
        Assert.Equal(5, Occurrences(output, ": ContractDecodeException at byte "));
        Assert.DoesNotContain("accepted (unexpected)", output);
        Assert.Contains("membership    got person v1 from people[", output);
        Assert.Contains("as PersonV2: first name 'Ada', last name 'Lovelace', level Free", output);
        Assert.Contains("as PersonV2: first name 'Grace', last name 'Hopper', level Premium", output);
        Assert.Contains("both people welcomed", output);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, System.StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
