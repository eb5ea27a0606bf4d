using System.Threading.Tasks;
using Contracts.Analyzers.Tests.Infrastructure;
using Xunit;
using static Contracts.Analyzers.Tests.Infrastructure.Expected;
using static Contracts.Analyzers.Tests.Infrastructure.Verify;

namespace Contracts.Analyzers.Tests.Baseline;

/// <summary>The shipped baseline: shipped versions never change, new versions are checked against it, removals are acknowledged.</summary>
public sealed class BaselineTests
{
    private const string PersonV1Schema = """{"type":"record","name":"Person","namespace":"Acme","fields":[{"name":"name","type":"string"}]}""";

    private const string ShippedV1Path = ProjectSetup.ShippedDirectory + "person/v1.avsc";

    [Theory]
    [InlineData(PersonV1Schema)]
    [InlineData("""{"type":"record","name":"Acme.Person","doc":"Old docs.","fields":[{"name":"name","type":{"type":"string"},"doc":"x"}]}""")]
    [InlineData("""{"fields":[{"type":"string","name":"name"}],"namespace":"Acme","name":"Person","type":"record"}""")]
    public async Task A_shipped_version_matching_its_baseline_reports_nothing(string shipped)
    {
        const string source = """
            using Contracts;
            namespace Acme;

            /// <summary>Docs are not part of the shipped shape.</summary>
            [Message("person", 1)]
            public partial record PersonV1(string Name);
            """;

        await AnalyzerAsync(source, new ProjectSetup().Ship("person/v1.avsc", shipped));
    }

    [Fact]
    public async Task A_shipped_version_whose_shape_changed_is_an_error_naming_the_change_and_the_next_version()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name, int Age);
            """;

        await AnalyzerAsync(source, new ProjectSetup().Ship("person/v1.avsc", PersonV1Schema),
            Diagnostic("CTR1002").WithLocation(0).WithMessage(
                $"'PersonV1' is message 'person' v1, which has shipped with another schema ({ShippedV1Path}): field 'age' added; a shipped version never changes: declare the change as v2, or revert it"));
    }

    [Theory]
    [InlineData("""{"type":"record","name":"Person","namespace":"Acme","fields":[{"name":"name","type":"string"},{"name":"age","type":"int"}]}""", "field 'age' removed")]
    [InlineData("""{"type":"record","name":"Person","namespace":"Acme","fields":[{"name":"name","type":"bytes"}]}""", "field 'name' changed")]
    [InlineData("""{"type":"record","name":"Person","namespace":"Acme","fields":[{"name":"name","type":"string","default":""}]}""", "field 'name' changed")]
    [InlineData("""{"type":"record","name":"Human","namespace":"Acme","fields":[{"name":"name","type":"string"}]}""", "the record's name, namespace or aliases changed")]
    [InlineData("""{"type":"record","name":"Person","namespace":"Other","fields":[{"name":"name","type":"string"}]}""", "the record's name, namespace or aliases changed")]
    [InlineData("""{"type":"record","name":"Person","namespace":"Acme","fields":[{"name":"name","type":"string","aliases":["fullName"]}]}""", "field 'name' changed")]
    public async Task Shape_changes_are_described(string shipped, string change)
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);
            """;

        await AnalyzerAsync(source, new ProjectSetup().Ship("person/v1.avsc", shipped),
            Diagnostic("CTR1002").WithLocation(0).WithMessage(
                $"'PersonV1' is message 'person' v1, which has shipped with another schema ({ShippedV1Path}): {change}; a shipped version never changes: declare the change as v2, or revert it"));
    }

    [Fact]
    public async Task A_new_version_is_checked_against_the_shipped_chain_while_shipped_versions_are_not_rechecked()
    {
        // v2 shipped although it breaks v1 (a mode change since, or shipped under NONE): released history is not re-judged.
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record PersonV1(string Name);

            [Message("person", 2)]
            public partial record PersonV2(string Name, string Email);

            [Message("person", 3)]
            public partial record {|#0:PersonV3|}(string Name, string Email, string {|#1:Phone|});
            """;

        await AnalyzerAsync(source,
            new ProjectSetup()
                .Ship("person/v1.avsc", PersonV1Schema)
                .Ship("person/v2.avsc", """{"type":"record","name":"Person","namespace":"Acme","fields":[{"name":"name","type":"string"},{"name":"email","type":"string"}]}"""),
            NotShipped(0, "PersonV3", "person", 3),
            Break(1, "PersonV3.Phone", MissingField("phone"), writer: 2, reader: 3, "BACKWARD", AdviceMissingDefaultNew));
    }

    [Fact]
    public async Task A_shipped_version_no_contract_declares_is_an_error_at_the_baseline_file_and_stays_in_the_chain()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 2)]
            public partial record {|#0:PersonV2|}(string Name, string {|#1:Email|});
            """;

        await AnalyzerAsync(source, new ProjectSetup().Ship("person/v1.avsc", PersonV1Schema),
            NotShipped(0, "PersonV2", "person", 2),
            Break(1, "PersonV2.Email", MissingField("email"), writer: 1, reader: 2, "BACKWARD", AdviceMissingDefaultNew),
            Diagnostic("CTR1003").WithSpan(ShippedV1Path, 1, 1, 1, 1).WithMessage(
                $"Message 'person' v1 has shipped ({ShippedV1Path}) but no contract declares it; restore the contract, or acknowledge the removal by adding the empty file '{ProjectSetup.ShippedDirectory}person/v1.removed'"));
    }

    [Fact]
    public async Task An_acknowledged_removal_is_not_reported_and_the_shipped_schema_still_constrains_new_versions()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 2)]
            public partial record {|#0:PersonV2|}(string Name, string {|#1:Email|});
            """;

        await AnalyzerAsync(source, new ProjectSetup().Ship("person/v1.avsc", PersonV1Schema).Ship("person/v1.removed", string.Empty),
            NotShipped(0, "PersonV2", "person", 2),
            Break(1, "PersonV2.Email", MissingField("email"), writer: 1, reader: 2, "BACKWARD", AdviceMissingDefaultNew));
    }

    [Fact]
    public async Task A_removal_marker_for_a_declared_or_unshipped_version_is_invalid()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record PersonV1(string Name);
            """;

        await AnalyzerAsync(source,
            new ProjectSetup().Ship("person/v1.avsc", PersonV1Schema).Ship("person/v1.removed", string.Empty).Ship("person/v7.removed", string.Empty),
            Diagnostic("CTR1007").WithSpan(ProjectSetup.ShippedDirectory + "person/v1.removed", 1, 1, 1, 1).WithMessage(
                $"Shipped baseline file '{ProjectSetup.ShippedDirectory}person/v1.removed' is invalid: it acknowledges the removal of message 'person' v1, which 'Acme.PersonV1' still declares; delete the marker"),
            Diagnostic("CTR1007").WithSpan(ProjectSetup.ShippedDirectory + "person/v7.removed", 1, 1, 1, 1).WithMessage(
                $"Shipped baseline file '{ProjectSetup.ShippedDirectory}person/v7.removed' is invalid: it acknowledges the removal of message 'person' v7, which has no shipped schema next to it (v7.avsc)"));
    }

    [Theory]
    [InlineData("person/v1.avsc", "{\"type\":", "not valid JSON: expected a value but the text ended at position 8")]
    [InlineData("person/v1.avsc", "{\"type\":\"record\",\"name\":\"Person\"}", "not a valid Avro schema: record 'Person' needs a \"fields\" array (at Person)")]
    [InlineData("person/latest.avsc", PersonV1Schema, "'latest.avsc' should be named v<version>.avsc with a version of 1 or greater (e.g. v2.avsc)")]
    [InlineData("person/v01.avsc", PersonV1Schema, "'v01.avsc' should be named v<version>.avsc with a version of 1 or greater (e.g. v2.avsc)")]
    [InlineData("person/v0.avsc", PersonV1Schema, "'v0.avsc' should be named v<version>.avsc with a version of 1 or greater (e.g. v2.avsc)")]
    [InlineData("person/notes.txt", "", "a baseline file is named v<version>.avsc (a shipped schema) or v<version>.removed (an acknowledged removal)")]
    public async Task Invalid_baseline_files_are_reported_at_the_file(string relativePath, string text, string reason)
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 2)]
            public partial record {|#0:PersonV2|}(string Name);
            """;

        var path = ProjectSetup.ShippedDirectory + relativePath;
        await AnalyzerAsync(source, new ProjectSetup().Ship(relativePath, text),
            NotShipped(0, "PersonV2", "person", 2),
            Diagnostic("CTR1007").WithSpan(path, 1, 1, 1, 1).WithMessage($"Shipped baseline file '{path}' is invalid: {reason}"));
    }

    [Fact]
    public async Task Additional_files_without_the_baseline_metadata_are_not_baseline_files()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name, int Age);
            """;

        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<CompatibilityAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.None,
        };
        TestReferences.ApplyTo(test.TestState);
        // Under shipped/ but without the metadata: an ordinary .avsc contract (message 'other'), not a baseline of person v1.
        const string path = "/proj/schemas/shipped/person/v1.avsc";
        test.TestState.AdditionalFiles.Add((path, """{"type":"record","name":"Person","namespace":"Acme","contracts.messageType":"other","fields":[{"name":"name","type":"string"}]}"""));
        test.ExpectedDiagnostics.Add(NotShipped(0, "PersonV1", "person", 1));
        // At the top-level record's name, "Person".
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("CTR1004").WithSpan(path, 1, 25, 1, 33).WithMessage(
            "'v1.avsc' (message 'other' v1) is not in the shipped baseline; when it is released, add 'schemas/shipped/other/v1.avsc' (code fix 'Ship schema', or dotnet build -t:ContractsShipSchemas)"));
        await test.RunAsync();
    }
}
