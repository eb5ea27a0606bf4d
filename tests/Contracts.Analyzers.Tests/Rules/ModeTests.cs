using System.Threading.Tasks;
using Contracts.Analyzers.Tests.Infrastructure;
using Xunit;
using static Contracts.Analyzers.Tests.Infrastructure.Expected;
using static Contracts.Analyzers.Tests.Infrastructure.Verify;

namespace Contracts.Analyzers.Tests.Rules;

/// <summary>Which earlier versions each mode compares with, the MSBuild property, the per-type override, bad values.</summary>
public sealed class ModeTests
{
    // v3 reads v2 (email is there) but not v1 (email is missing and v3 dropped the default v2 had).
    private const string DefaultDroppedInV3 = """
        using Contracts;
        namespace Acme;

        [Message("person", 1)]
        public partial record {|#0:PersonV1|}(string Name);

        [Message("person", 2)]
        public partial record {|#1:PersonV2|}(string Name, [AvroDefault("\"\"")] string Email);

        [Message("person", 3)]
        public partial record {|#2:PersonV3|}(string Name, string {|#3:Email|});
        """;

    [Theory]
    [InlineData("BACKWARD")]
    [InlineData("Backward")]
    [InlineData("FULL")]
    public async Task Non_transitive_modes_compare_with_the_latest_earlier_version_only(string mode)
    {
        await AnalyzerAsync(DefaultDroppedInV3, new ProjectSetup { Mode = mode },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2),
            NotShipped(2, "PersonV3", "person", 3));
    }

    [Theory]
    [InlineData("BACKWARD_TRANSITIVE", "BACKWARD_TRANSITIVE")]
    [InlineData("BackwardTransitive", "BACKWARD_TRANSITIVE")]
    [InlineData(" full-transitive ", "FULL_TRANSITIVE")]
    public async Task Transitive_modes_compare_with_every_earlier_version(string mode, string shown)
    {
        await AnalyzerAsync(DefaultDroppedInV3, new ProjectSetup { Mode = mode },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2),
            NotShipped(2, "PersonV3", "person", 3),
            Break(3, "PersonV3.Email", MissingField("email"), writer: 1, reader: 3, shown, AdviceMissingDefaultNew));
    }

    [Fact]
    public async Task None_checks_nothing()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);

            [Message("person", 2)]
            public partial record {|#1:PersonV2|}(int Name, string Email);
            """;

        await AnalyzerAsync(source, new ProjectSetup { Mode = "NONE" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2));
    }

    [Fact]
    public async Task The_attribute_overrides_the_project_mode_for_its_version()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);

            [Message("person", 2, Compatibility = CompatibilityLevel.None)]
            public partial record {|#1:PersonV2|}(string Name, string Email);

            [Message("person", 3, Compatibility = CompatibilityLevel.Forward)]
            public partial record {|#2:PersonV3|}(string Name);

            [Message("order", 1)]
            public partial record {|#3:OrderV1|}(string Id);

            [Message("order", 2, Compatibility = CompatibilityLevel.Project)]
            public partial record {|#4:OrderV2|}(string Id, string {|#5:Note|});
            """;

        await AnalyzerAsync(source, new ProjectSetup { Mode = "BACKWARD" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2),
            NotShipped(2, "PersonV3", "person", 3),
            Break(2, "PersonV3", MissingField("email"), writer: 3, reader: 2, "FORWARD", AdviceMissingDefaultOld),
            NotShipped(3, "OrderV1", "order", 1),
            NotShipped(4, "OrderV2", "order", 2),
            Break(5, "OrderV2.Note", MissingField("note", "Acme.Order"), writer: 1, reader: 2, "BACKWARD", AdviceMissingDefaultNew));
    }

    [Fact]
    public async Task An_unknown_project_mode_is_reported_at_every_contract_and_nothing_is_checked()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);

            [Message("person", 2)]
            public partial record {|#1:PersonV2|}(string Name, string Email);
            """;
        const string message = "The project's ContractsCompatibility property 'Sideways' is not a compatibility mode; use Backward, BackwardTransitive, Forward, ForwardTransitive, Full, FullTransitive or None";

        await AnalyzerAsync(source, new ProjectSetup { Mode = "Sideways" },
            NotShipped(0, "PersonV1", "person", 1),
            Diagnostic("CTR1006").WithLocation(0).WithMessage(message),
            NotShipped(1, "PersonV2", "person", 2),
            Diagnostic("CTR1006").WithLocation(1).WithMessage(message));
    }

    [Fact]
    public async Task An_undefined_attribute_mode_is_reported_at_the_argument()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);

            [Message("person", 2, Compatibility = {|#2:(CompatibilityLevel)42|})]
            public partial record {|#1:PersonV2|}(string Name, string Email);
            """;

        await AnalyzerAsync(source,
            NotShipped(0, "PersonV1", "person", 1),
            Diagnostic("CTR1006").WithLocation(2).WithMessage("[Message(Compatibility = …)] value '42' is not a compatibility mode; use Backward, BackwardTransitive, Forward, ForwardTransitive, Full, FullTransitive or None"),
            NotShipped(1, "PersonV2", "person", 2));
    }

    [Fact]
    public async Task Versions_of_other_message_types_never_meet()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);

            [Message("customer", 2)]
            public partial record {|#1:CustomerV2|}(int Name, string Email);
            """;

        await AnalyzerAsync(source,
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "CustomerV2", "customer", 2));
    }

    [Fact]
    public async Task Two_contracts_for_one_version_are_reported_at_the_second()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);

            [Message("person", 1, SchemaName = "Person")]
            public partial record {|#1:Person|}(string Name, int Age);
            """;

        await AnalyzerAsync(source,
            NotShipped(0, "PersonV1", "person", 1),
            Diagnostic("CTR1008").WithLocation(1).WithMessage("Message 'person' v1 is declared by both 'Acme.PersonV1' and 'Acme.Person'; each version of a message type has exactly one contract"));
    }
}
