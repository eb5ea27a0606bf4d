using System.Threading.Tasks;
using Contracts.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Contracts.Analyzers.Tests.Infrastructure.Expected;
using static Contracts.Analyzers.Tests.Infrastructure.Verify;

namespace Contracts.Analyzers.Tests.Rules;

/// <summary>
/// Contracts declared in .avsc files join the same chains as [Message] types. Their diagnostics point into the file: at
/// the field a finding is about, at a named type's name or size, at the enum symbol an older reader lacks, and otherwise
/// at the top-level record's name.
/// </summary>
public sealed class SchemaFileContractTests
{
    private const string NoCSharpContracts = "namespace Acme;\n";
    private const string V1 = SchemaFiles.Directory + "person1.avsc";
    private const string V2 = SchemaFiles.Directory + "person2.avsc";

    [Fact]
    public async Task An_avsc_version_is_checked_against_a_csharp_version_and_the_finding_points_at_the_field()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);
            """;
        const string schema = """
            {"type": "record", "name": "Person", "namespace": "Acme", "contracts.messageType": "person", "contracts.version": 2,
             "fields": [{"name": "name", "type": "string"}, {"name": "email", "type": "string"}]}
            """;

        await RunAsync(source, new ProjectSetup(), [("person2.avsc", schema)],
            NotShipped(0, "PersonV1", "person", 1),
            NotShippedFile(V2, schema, "person", 2),
            Diagnostic("CTR1001").At(V2, schema, "\"email\"").WithMessage(
                $"Person.email: {MissingField("email")}; v1 data cannot be read by v2 (BACKWARD). {AdviceMissingDefaultNew}."));
    }

    [Fact]
    public async Task Fields_of_nested_records_and_of_array_items_are_located()
    {
        const string v1 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V1", "contracts.messageType": "person", "contracts.version": 1,
             "fields": [
               {"name": "address", "type": {"type": "record", "name": "Address", "fields": [{"name": "street", "type": "string"}]}},
               {"name": "phones", "type": {"type": "array", "items": {"type": "record", "name": "Phone", "fields": [{"name": "number", "type": "string"}]}}}
             ]}
            """;
        const string v2 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V2", "contracts.messageType": "person", "contracts.version": 2,
             "fields": [
               {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                 {"name": "street", "type": "string"},
                 {"name": "zip", "type": "string"}]}},
               {"name": "phones", "type": {"type": "array", "items": {"type": "record", "name": "Phone", "fields": [
                 {"name": "number", "type": "string"},
                 {"name": "kind", "type": "string"}]}}}
             ]}
            """;

        await RunAsync(NoCSharpContracts, new ProjectSetup(), [("person1.avsc", v1), ("person2.avsc", v2)],
            NotShippedFile(V1, v1, "person", 1),
            NotShippedFile(V2, v2, "person", 2),
            Diagnostic("CTR1001").At(V2, v2, "\"zip\"").WithMessage(
                $"Person.address.zip: field 'zip' of Acme.V2.Address is not in the writer's Acme.V1.Address (by name or alias) and has no default; v1 data cannot be read by v2 (BACKWARD). {AdviceMissingDefaultNew}."),
            Diagnostic("CTR1001").At(V2, v2, "\"kind\"").WithMessage(
                $"Person.phones[].kind: field 'kind' of Acme.V2.Phone is not in the writer's Acme.V1.Phone (by name or alias) and has no default; v1 data cannot be read by v2 (BACKWARD). {AdviceMissingDefaultNew}."));
    }

    [Fact]
    public async Task Fields_are_located_through_a_nullable_union()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [AvroName("Address")]
            public sealed record HomeAddress(string Street);

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(HomeAddress? Address = null);
            """;
        const string v2 = """
            {"type": "record", "name": "Person", "namespace": "Acme", "contracts.messageType": "person", "contracts.version": 2,
             "fields": [{"name": "address", "type": ["null", {"type": "record", "name": "Address", "fields": [
               {"name": "street", "type": "string"},
               {"name": "zip", "type": "string"}]}], "default": null}]}
            """;

        await RunAsync(source, new ProjectSetup(), [("person2.avsc", v2)],
            NotShipped(0, "PersonV1", "person", 1),
            NotShippedFile(V2, v2, "person", 2),
            Diagnostic("CTR1001").At(V2, v2, "\"address\"").WithMessage(
                $"Person.address: the reader's union [null, Acme.Address] has no branch that can read the writer's Acme.Address; v1 data cannot be read by v2 (BACKWARD). {AdviceUnion}."),
            Diagnostic("CTR1001").At(V2, v2, "\"zip\"").WithMessage(
                $"Person.address.zip: {MissingField("zip", "Acme.Address")}; v1 data cannot be read by v2 (BACKWARD). {AdviceMissingDefaultNew}."));
    }

    [Fact]
    public async Task A_symbol_an_older_reader_lacks_is_located_at_the_symbol()
    {
        var (v1, v2) = Accounts("""["ACTIVE", "CLOSED"]""", """["ACTIVE", "CLOSED", "SUSPENDED"]""");

        await RunAsync(NoCSharpContracts, new ProjectSetup { Mode = "FORWARD" }, [("account1.avsc", v1), ("account2.avsc", v2)],
            NotShippedFile(Account(1), v1, "account", 1),
            NotShippedFile(Account(2), v2, "account", 2),
            Diagnostic("CTR1001").At(Account(2), v2, "\"SUSPENDED\"").WithMessage(
                $"Account.state: enum Acme.V1.Status lacks the writer's symbol SUSPENDED and has no default symbol to read them as; v2 data cannot be read by v1 (FORWARD). {AdviceEnumOld}."));
    }

    [Fact]
    public async Task A_symbol_the_new_reader_lacks_is_located_at_its_symbol_list()
    {
        var (v1, v2) = Accounts("""["ACTIVE", "CLOSED", "SUSPENDED"]""", """["ACTIVE", "CLOSED"]""");

        await RunAsync(NoCSharpContracts, new ProjectSetup(), [("account1.avsc", v1), ("account2.avsc", v2)],
            NotShippedFile(Account(1), v1, "account", 1),
            NotShippedFile(Account(2), v2, "account", 2),
            Diagnostic("CTR1001").At(Account(2), v2, """["ACTIVE", "CLOSED"]""").WithMessage(
                $"Account.state: enum Acme.V2.Status lacks the writer's symbol SUSPENDED and has no default symbol to read them as; v1 data cannot be read by v2 (BACKWARD). {AdviceEnumNew}."));
    }

    [Fact]
    public async Task A_fixed_size_change_is_located_at_the_size()
    {
        const string v1 = """
            {"type": "record", "name": "Blob", "namespace": "Acme.V1", "contracts.messageType": "blob", "contracts.version": 1,
             "fields": [{"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 8}}]}
            """;
        const string v2 = """
            {"type": "record", "name": "Blob", "namespace": "Acme.V2", "contracts.messageType": "blob", "contracts.version": 2,
             "fields": [{"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 16}}]}
            """;
        var blob2 = SchemaFiles.Directory + "blob2.avsc";

        await RunAsync(NoCSharpContracts, new ProjectSetup(), [("blob1.avsc", v1), ("blob2.avsc", v2)],
            NotShippedFile(SchemaFiles.Directory + "blob1.avsc", v1, "blob", 1, "\"Blob\""),
            NotShippedFile(blob2, v2, "blob", 2, "\"Blob\""),
            Diagnostic("CTR1001").At(blob2, v2, "16").WithMessage(
                $"Blob.hash: fixed Acme.V2.Hash has size 16 but the writer's Acme.V1.Hash has size 8; v1 data cannot be read by v2 (BACKWARD). {AdviceFixed}."));
    }

    [Fact]
    public async Task A_renamed_record_is_located_at_its_name()
    {
        const string v1 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V1", "contracts.messageType": "person", "contracts.version": 1,
             "fields": [{"name": "name", "type": "string"}]}
            """;
        const string v2 = """
            {"type": "record", "name": "Human", "namespace": "Acme.V2", "contracts.messageType": "person", "contracts.version": 2,
             "fields": [{"name": "name", "type": "string"}]}
            """;

        await RunAsync(NoCSharpContracts, new ProjectSetup(), [("person1.avsc", v1), ("person2.avsc", v2)],
            NotShippedFile(V1, v1, "person", 1),
            NotShippedFile(V2, v2, "person", 2, "\"Human\""),
            Diagnostic("CTR1001").At(V2, v2, "\"Human\"").WithMessage(
                $"Human: the reader's record Acme.V2.Human has neither the writer's name Person nor an alias Acme.V1.Person; v1 data cannot be read by v2 (BACKWARD). {AdviceNameNew}."));
    }

    [Fact]
    public async Task A_finding_inside_a_type_another_file_defines_is_located_at_the_field_that_refers_to_it()
    {
        const string v1 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V1", "contracts.messageType": "person", "contracts.version": 1,
             "fields": [{"name": "address", "type": {"type": "record", "name": "Address", "fields": [{"name": "street", "type": "string"}]}}]}
            """;
        const string v2 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V2", "contracts.messageType": "person", "contracts.version": 2,
             "fields": [{"name": "address", "type": "Acme.Home"}]}
            """;
        const string home = """
            {"type": "record", "name": "Home", "namespace": "Acme", "fields": [{"name": "street", "type": "string"}]}
            """;
        // home.avsc is a shared type (person2.avsc refers to it and it has no message settings): not a contract, so no CTR1004.
        await RunAsync(NoCSharpContracts, new ProjectSetup(), [("home.avsc", home), ("person1.avsc", v1), ("person2.avsc", v2)],
            NotShippedFile(V1, v1, "person", 1),
            NotShippedFile(V2, v2, "person", 2),
            Diagnostic("CTR1001").At(V2, v2, "\"address\"").WithMessage(
                $"Person.address: the reader's record Acme.Home has neither the writer's name Address nor an alias Acme.V1.Address; v1 data cannot be read by v2 (BACKWARD). {AdviceNameNew}."));
    }

    [Fact]
    public async Task An_avsc_contract_and_a_csharp_contract_for_one_version_are_a_duplicate()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);
            """;
        const string schema = """
            {"type": "record", "name": "Person", "namespace": "Acme", "contracts.messageType": "person",
             "fields": [{"name": "name", "type": "string"}]}
            """;

        await RunAsync(source, new ProjectSetup(), [("person.avsc", schema)],
            NotShipped(0, "PersonV1", "person", 1),
            Diagnostic("CTR1008").At(SchemaFiles.Directory + "person.avsc", schema, "\"Person\"").WithMessage(
                $"Message 'person' v1 is declared by both 'Acme.PersonV1' and '{SchemaFiles.Directory}person.avsc'; each version of a message type has exactly one contract"));
    }

    [Fact]
    public async Task The_contracts_compatibility_property_sets_an_avsc_contracts_mode()
    {
        const string v1 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V1", "contracts.messageType": "person", "contracts.version": 1,
             "fields": [{"name": "name", "type": "string"}]}
            """;
        const string v2 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V2", "contracts.messageType": "person", "contracts.version": 2,
             "contracts.compatibility": "FORWARD",
             "fields": [{"name": "name", "type": "string"}, {"name": "email", "type": "string"}]}
            """;

        // Under the project's BACKWARD the new field without a default would break; FORWARD only asks that v1 reads v2.
        await RunAsync(NoCSharpContracts, new ProjectSetup(), [("person1.avsc", v1), ("person2.avsc", v2)],
            NotShippedFile(V1, v1, "person", 1),
            NotShippedFile(V2, v2, "person", 2));
    }

    [Fact]
    public async Task The_item_metadata_sets_the_mode_when_the_schema_does_not_and_an_invalid_mode_is_reported_where_it_is_set()
    {
        const string v1 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V1", "contracts.messageType": "person", "contracts.version": 1,
             "fields": [{"name": "name", "type": "string"}, {"name": "email", "type": "string"}]}
            """;
        const string v2 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V2", "contracts.messageType": "person", "contracts.version": 2,
             "fields": [{"name": "name", "type": "string"}]}
            """;
        const string v3 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V3", "contracts.messageType": "person", "contracts.version": 3,
             "contracts.compatibility": "SIDEWAYS",
             "fields": [{"name": "name", "type": "string"}]}
            """;
        var v3Path = SchemaFiles.Directory + "person3.avsc";
        var test = SchemaFiles.Test(NoCSharpContracts, new ProjectSetup(), ("person1.avsc", v1), ("person2.avsc", v2), ("person3.avsc", v3));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig.modes", $"is_global = true\n[{V2}]\nbuild_metadata.AdditionalFiles.ContractsCompatibility = FORWARD\n"));
        test.ExpectedDiagnostics.AddRange([
            NotShippedFile(V1, v1, "person", 1),
            NotShippedFile(V2, v2, "person", 2),
            Diagnostic("CTR1001").At(V2, v2, "\"Person\"").WithMessage(
                $"Person: field 'email' of Acme.V1.Person is not in the writer's Acme.V2.Person (by name or alias) and has no default; v2 data cannot be read by v1 (FORWARD). {AdviceMissingDefaultOld}."),
            NotShippedFile(v3Path, v3, "person", 3),
            Diagnostic("CTR1006").At(v3Path, v3, "\"SIDEWAYS\"").WithMessage(
                "The \"contracts.compatibility\" schema property 'SIDEWAYS' is not a compatibility mode; use Backward, BackwardTransitive, Forward, ForwardTransitive, Full, FullTransitive or None"),
        ]);

        await test.RunAsync();
    }

    [Fact]
    public async Task An_avsc_contract_is_held_to_its_shipped_schema_and_new_avsc_versions_to_the_shipped_chain()
    {
        const string v1 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V1", "contracts.messageType": "person", "contracts.version": 1,
             "fields": [{"name": "name", "type": "string"}, {"name": "age", "type": "int"}]}
            """;
        const string v2 = """
            {"type": "record", "name": "Person", "namespace": "Acme.V2", "contracts.messageType": "person", "contracts.version": 2,
             "fields": [{"name": "name", "type": "string"}, {"name": "email", "type": "string"}]}
            """;
        var setup = new ProjectSetup()
            .Ship("person/v1.avsc", """{"type": "record", "name": "Person", "namespace": "Acme.V1", "fields": [{"name": "name", "type": "string"}]}""");

        await RunAsync(NoCSharpContracts, setup, [("person1.avsc", v1), ("person2.avsc", v2)],
            Diagnostic("CTR1002").At(V1, v1, "\"Person\"").WithMessage(
                $"'person1.avsc' is message 'person' v1, which has shipped with another schema ({ProjectSetup.ShippedDirectory}person/v1.avsc): field 'age' added; a shipped version never changes: declare the change as v3, or revert it"),
            NotShippedFile(V2, v2, "person", 2),
            Diagnostic("CTR1001").At(V2, v2, "\"email\"").WithMessage(
                $"Person.email: field 'email' of Acme.V2.Person is not in the writer's Acme.V1.Person (by name or alias) and has no default; v1 data cannot be read by v2 (BACKWARD). {AdviceMissingDefaultNew}."));
    }

    private static (string V1, string V2) Accounts(string symbols1, string symbols2) => (
        $$$"""
        {"type": "record", "name": "Account", "namespace": "Acme.V1", "contracts.messageType": "account", "contracts.version": 1,
         "fields": [{"name": "state", "type": {"type": "enum", "name": "Status", "symbols": {{{symbols1}}}}}]}
        """,
        $$$"""
        {"type": "record", "name": "Account", "namespace": "Acme.V2", "contracts.messageType": "account", "contracts.version": 2,
         "fields": [{"name": "state", "type": {"type": "enum", "name": "Status", "symbols": {{{symbols2}}}}}]}
        """);

    private static string Account(int version) => SchemaFiles.Directory + "account" + version + ".avsc";

    /// <summary>CTR1004 for an .avsc contract: at its top-level record's name.</summary>
    private static DiagnosticResult NotShippedFile(string path, string text, string messageType, int version, string? rootName = null)
    {
        var v = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Diagnostic("CTR1004").At(path, text, rootName ?? (messageType == "account" ? "\"Account\"" : "\"Person\"")).WithMessage(
            $"'{System.IO.Path.GetFileName(path)}' (message '{messageType}' v{v}) is not in the shipped baseline; when it is released, add 'schemas/shipped/{messageType}/v{v}.avsc' (code fix 'Ship schema', or dotnet build -t:ContractsShipSchemas)");
    }

    private static Task RunAsync(string source, ProjectSetup setup, (string Name, string Text)[] schemas, params DiagnosticResult[] expected)
    {
        var test = SchemaFiles.Test(source, setup, schemas);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
