using System.Threading.Tasks;
using Contracts.Analyzers.Tests.Infrastructure;
using Xunit;
using static Contracts.Analyzers.Tests.Infrastructure.Expected;
using static Contracts.Analyzers.Tests.Infrastructure.Verify;

namespace Contracts.Analyzers.Tests.Rules;

/// <summary>Record fields: reader fields need a writer field (by name or reader alias) or a default, in each direction.</summary>
public sealed class FieldRuleTests
{
    private const string AddedWithoutDefault = """
        using Contracts;
        namespace Acme;

        [Message("person", 1)]
        public partial record {|#0:PersonV1|}(string Name);

        [Message("person", 2)]
        public partial record {|#1:PersonV2|}(string Name, string {|#2:Email|});
        """;

    private const string Removed = """
        using Contracts;
        namespace Acme;

        [Message("person", 1)]
        public partial record {|#0:PersonV1|}(string Name, string Email);

        [Message("person", 2)]
        public partial record {|#1:PersonV2|}(string Name);
        """;

    [Fact]
    public async Task Field_added_without_default_breaks_backward_at_the_new_member()
    {
        await AnalyzerAsync(AddedWithoutDefault, new ProjectSetup { Mode = "BACKWARD" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2),
            Break(2, "PersonV2.Email", MissingField("email"), writer: 1, reader: 2, "BACKWARD", AdviceMissingDefaultNew));
    }

    [Fact]
    public async Task Field_added_without_default_is_forward_compatible()
    {
        await AnalyzerAsync(AddedWithoutDefault, new ProjectSetup { Mode = "FORWARD" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2));
    }

    [Fact]
    public async Task Backward_is_the_default_mode()
    {
        await AnalyzerAsync(AddedWithoutDefault,
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2),
            Break(2, "PersonV2.Email", MissingField("email"), writer: 1, reader: 2, "BACKWARD", AdviceMissingDefaultNew));
    }

    [Fact]
    public async Task Field_removed_breaks_forward_at_the_contract_because_the_old_reader_has_no_default()
    {
        await AnalyzerAsync(Removed, new ProjectSetup { Mode = "FORWARD" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2),
            Break(1, "PersonV2", MissingField("email"), writer: 2, reader: 1, "FORWARD", AdviceMissingDefaultOld));
    }

    [Fact]
    public async Task Field_removed_is_backward_compatible()
    {
        await AnalyzerAsync(Removed, new ProjectSetup { Mode = "BACKWARD" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2));
    }

    [Fact]
    public async Task Field_added_with_a_default_is_fully_compatible()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);

            [Message("person", 2)]
            public partial record {|#1:PersonV2|}(string Name, string? Email = null, [AvroDefault("0")] int Age = 0);
            """;

        await AnalyzerAsync(source, new ProjectSetup { Mode = "FULL" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2));
    }

    [Fact]
    public async Task Field_renamed_with_an_alias_is_backward_compatible_but_breaks_forward()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);

            [Message("person", 2)]
            public partial record {|#1:PersonV2|}([AvroAliases("name")] string FullName);
            """;

        await AnalyzerAsync(source, new ProjectSetup { Mode = "FULL" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2),
            Break(1, "PersonV2", MissingField("name"), writer: 2, reader: 1, "FULL", AdviceMissingDefaultOld));
    }

    [Fact]
    public async Task Nested_record_field_is_reported_at_the_nested_member()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            public sealed record Address(string Street);

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name, Address Home);

            [AvroName("Address")]
            public sealed record AddressV2(string Street, string {|#2:Zip|});

            [Message("person", 2)]
            public partial record {|#1:PersonV2|}(string Name, AddressV2 Home);
            """;

        await AnalyzerAsync(source,
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2),
            Break(2, "PersonV2.Home.Zip", MissingField("zip", "Acme.Address"), writer: 1, reader: 2, "BACKWARD", AdviceMissingDefaultNew));
    }
}
