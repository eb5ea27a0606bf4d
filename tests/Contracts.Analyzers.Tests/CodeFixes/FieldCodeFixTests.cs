using System.Threading.Tasks;
using Contracts.Analyzers.CodeFixes;
using Contracts.Analyzers.Tests.Infrastructure;
using Xunit;
using static Contracts.Analyzers.Tests.Infrastructure.Expected;

namespace Contracts.Analyzers.Tests.CodeFixes;

/// <summary>"Add default" and "Add alias" for a field the new version cannot read from old data (CTR1001).</summary>
public sealed class FieldCodeFixTests
{
    [Theory]
    [InlineData("string Email", "\\\"\\\"")]
    [InlineData("int Email", "0")]
    [InlineData("bool Email", "false")]
    [InlineData("System.Collections.Generic.List<string> Email", "[]")]
    [InlineData("System.Collections.Generic.Dictionary<string, int> Email", "{}")]
    [InlineData("Status Email", "\\\"Active\\\"")]
    public async Task Add_default_puts_a_neutral_default_of_the_field_type_on_the_parameter(string parameter, string json)
    {
        var source = Template.Replace("PARAM", parameter.Replace("Email", "{|#2:Email|}"));
        var fixedSource = Template.Replace("PARAM", $"[AvroDefault(\"{json}\")] {parameter}");
        var test = Verify.CodeFix<AddDefaultCodeFixProvider>(source, fixedSource, new ProjectSetup());
        test.ExpectedDiagnostics.Add(NotShipped(0, "PersonV1", "person", 1));
        test.ExpectedDiagnostics.Add(NotShipped(1, "PersonV2", "person", 2));
        test.ExpectedDiagnostics.Add(Break(2, "PersonV2.Email", MissingField("email"), writer: 1, reader: 2, "BACKWARD", AdviceMissingDefaultNew));
        test.FixedState.ExpectedDiagnostics.Add(NotShipped(0, "PersonV1", "person", 1));
        test.FixedState.ExpectedDiagnostics.Add(NotShipped(1, "PersonV2", "person", 2));
        await test.RunAsync();
    }

    [Fact]
    public async Task Add_default_on_a_property_goes_on_the_line_above()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}
            {
                public required string Name { get; init; }
            }

            [Message("person", 2)]
            public partial record {|#1:PersonV2|}
            {
                public required string Name { get; init; }

                public int {|#2:Email|} { get; init; }
            }
            """;
        const string fixedSource = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}
            {
                public required string Name { get; init; }
            }

            [Message("person", 2)]
            public partial record {|#1:PersonV2|}
            {
                public required string Name { get; init; }

                [AvroDefault("0")]
                public int Email { get; init; }
            }
            """;
        var test = Verify.CodeFix<AddDefaultCodeFixProvider>(source, fixedSource, new ProjectSetup());
        test.ExpectedDiagnostics.Add(NotShipped(0, "PersonV1", "person", 1));
        test.ExpectedDiagnostics.Add(NotShipped(1, "PersonV2", "person", 2));
        test.ExpectedDiagnostics.Add(Break(2, "PersonV2.Email", MissingField("email"), writer: 1, reader: 2, "BACKWARD", AdviceMissingDefaultNew));
        test.FixedState.ExpectedDiagnostics.Add(NotShipped(0, "PersonV1", "person", 1));
        test.FixedState.ExpectedDiagnostics.Add(NotShipped(1, "PersonV2", "person", 2));
        await test.RunAsync();
    }

    [Fact]
    public async Task Add_alias_names_the_earlier_field_of_the_same_type_the_field_was_renamed_from()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name, int Age);

            [Message("person", 2)]
            public partial record {|#1:PersonV2|}(string {|#2:FullName|}, int Age);
            """;
        const string fixedSource = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name, int Age);

            [Message("person", 2)]
            public partial record {|#1:PersonV2|}([AvroAliases("name")] string FullName, int Age);
            """;
        var test = Verify.CodeFix<AddAliasCodeFixProvider>(source, fixedSource, new ProjectSetup());
        test.ExpectedDiagnostics.Add(NotShipped(0, "PersonV1", "person", 1));
        test.ExpectedDiagnostics.Add(NotShipped(1, "PersonV2", "person", 2));
        test.ExpectedDiagnostics.Add(Break(2, "PersonV2.FullName", MissingField("fullName"), writer: 1, reader: 2, "BACKWARD", AdviceMissingDefaultNew));
        test.FixedState.ExpectedDiagnostics.Add(NotShipped(0, "PersonV1", "person", 1));
        test.FixedState.ExpectedDiagnostics.Add(NotShipped(1, "PersonV2", "person", 2));
        test.CodeActionEquivalenceKey = nameof(AddAliasCodeFixProvider) + ".name";
        await test.RunAsync();
    }

    [Fact]
    public async Task No_alias_is_offered_when_no_earlier_field_of_that_type_is_left_unmatched()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name, int Age);

            [Message("person", 2)]
            public partial record {|#1:PersonV2|}(string Name, int Age, string {|#2:Email|});
            """;
        var test = Verify.CodeFix<AddAliasCodeFixProvider>(source, source, new ProjectSetup());
        test.ExpectedDiagnostics.Add(NotShipped(0, "PersonV1", "person", 1));
        test.ExpectedDiagnostics.Add(NotShipped(1, "PersonV2", "person", 2));
        test.ExpectedDiagnostics.Add(Break(2, "PersonV2.Email", MissingField("email"), writer: 1, reader: 2, "BACKWARD", AdviceMissingDefaultNew));
        await test.RunAsync();
    }

    private const string Template = """
        using Contracts;
        namespace Acme;

        public enum Status { Active, Closed }

        [Message("person", 1)]
        public partial record {|#0:PersonV1|}(string Name);

        [Message("person", 2)]
        public partial record {|#1:PersonV2|}(string Name, PARAM);
        """;
}
