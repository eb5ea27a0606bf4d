using System.Threading.Tasks;
using Contracts.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Contracts.Analyzers.Tests.Infrastructure.Expected;
using static Contracts.Analyzers.Tests.Infrastructure.Verify;

namespace Contracts.Analyzers.Tests.Rules;

/// <summary>Contracts declared in .avsc files join the same chains as [Message] types; their diagnostics sit at the file.</summary>
public sealed class SchemaFileContractTests
{
    private const string SchemaPath = "/proj/schemas/person.avsc";

    [Fact]
    public async Task An_avsc_version_is_checked_against_a_csharp_version_of_the_same_message_type()
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

        await RunAsync(source, schema,
            NotShipped(0, "PersonV1", "person", 1),
            Verify.Diagnostic("CTR1004").WithSpan(SchemaPath, 1, 1, 1, 1).WithMessage(
                "'person.avsc' (message 'person' v2) is not in the shipped baseline; when it is released, add 'schemas/shipped/person/v2.avsc' (code fix 'Ship schema', or dotnet build -t:ContractsShipSchemas)"),
            Verify.Diagnostic("CTR1001").WithSpan(SchemaPath, 1, 1, 1, 1).WithMessage(
                $"person.avsc: {MissingField("email")}; v1 data cannot be read by v2 (BACKWARD). {AdviceMissingDefaultNew}."));
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

        await RunAsync(source, schema,
            NotShipped(0, "PersonV1", "person", 1),
            Verify.Diagnostic("CTR1008").WithSpan(SchemaPath, 1, 1, 1, 1).WithMessage(
                $"Message 'person' v1 is declared by both 'Acme.PersonV1' and '{SchemaPath}'; each version of a message type has exactly one contract"));
    }

    private static Task RunAsync(string source, string schema, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<CompatibilityAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.None,
        };
        TestReferences.ApplyTo(test.TestState);
        new ProjectSetup().ApplyTo(test.TestState);
        test.TestState.AdditionalFiles.Add((SchemaPath, schema));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
