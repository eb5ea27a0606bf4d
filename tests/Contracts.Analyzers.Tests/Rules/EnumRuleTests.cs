using System.Threading.Tasks;
using Contracts.Analyzers.Tests.Infrastructure;
using Xunit;
using static Contracts.Analyzers.Tests.Infrastructure.Expected;
using static Contracts.Analyzers.Tests.Infrastructure.Verify;

namespace Contracts.Analyzers.Tests.Rules;

/// <summary>Enums: a reader needs every symbol the writer may write, or a default symbol.</summary>
public sealed class EnumRuleTests
{
    private const string SymbolAdded = """
        using Contracts;
        namespace Acme;

        public enum Status { Active, Closed }

        [AvroName("Status")]
        public enum StatusV2 { Active, Closed, Suspended }

        [Message("account", 1)]
        public partial record {|#0:AccountV1|}(Status State);

        [Message("account", 2)]
        public partial record {|#1:AccountV2|}(StatusV2 {|#2:State|});
        """;

    [Fact]
    public async Task Symbol_added_is_backward_compatible()
    {
        await AnalyzerAsync(SymbolAdded, new ProjectSetup { Mode = "BACKWARD" },
            NotShipped(0, "AccountV1", "account", 1),
            NotShipped(1, "AccountV2", "account", 2));
    }

    [Fact]
    public async Task Symbol_added_breaks_forward_when_the_old_enum_has_no_default()
    {
        await AnalyzerAsync(SymbolAdded, new ProjectSetup { Mode = "FORWARD" },
            NotShipped(0, "AccountV1", "account", 1),
            NotShipped(1, "AccountV2", "account", 2),
            Break(2, "AccountV2.State", "enum Acme.Status lacks the writer's symbol Suspended and has no default symbol to read them as", writer: 2, reader: 1, "FORWARD", AdviceEnumOld));
    }

    [Fact]
    public async Task Symbol_removed_breaks_backward_unless_the_new_enum_has_a_default()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            public enum Status { Active, Closed, Suspended }

            [AvroName("Status")]
            public enum StatusV2 { Active, Closed }

            [AvroName("Status")]
            [AvroEnumDefault(nameof(Active))]
            public enum StatusV3 { Active, Closed }

            [Message("account", 1)]
            public partial record {|#0:AccountV1|}(Status State);

            [Message("account", 2)]
            public partial record {|#1:AccountV2|}(StatusV2 {|#2:State|});

            [Message("account", 3, Compatibility = CompatibilityLevel.BackwardTransitive)]
            public partial record {|#3:AccountV3|}(StatusV3 State);
            """;

        await AnalyzerAsync(source,
            NotShipped(0, "AccountV1", "account", 1),
            NotShipped(1, "AccountV2", "account", 2),
            Break(2, "AccountV2.State", "enum Acme.Status lacks the writer's symbol Suspended and has no default symbol to read them as", writer: 1, reader: 2, "BACKWARD", AdviceEnumNew),
            NotShipped(3, "AccountV3", "account", 3));
    }
}
