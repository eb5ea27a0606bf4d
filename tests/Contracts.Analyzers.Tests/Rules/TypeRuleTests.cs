using System.Threading.Tasks;
using Contracts.Analyzers.Tests.Infrastructure;
using Xunit;
using static Contracts.Analyzers.Tests.Infrastructure.Expected;
using static Contracts.Analyzers.Tests.Infrastructure.Verify;

namespace Contracts.Analyzers.Tests.Rules;

/// <summary>Field types: promotions one way only, unions, fixed sizes, decimals, named-type names.</summary>
public sealed class TypeRuleTests
{
    private const string IntToLong = """
        using Contracts;
        namespace Acme;

        [Message("counter", 1)]
        public partial record {|#0:CounterV1|}(int Count);

        [Message("counter", 2)]
        public partial record {|#1:CounterV2|}(long {|#2:Count|});
        """;

    private const string NullableToRequired = """
        using Contracts;
        namespace Acme;

        [Message("person", 1)]
        public partial record {|#0:PersonV1|}(string? Email);

        [Message("person", 2)]
        public partial record {|#1:PersonV2|}(string {|#2:Email|});
        """;

    [Fact]
    public async Task Int_widened_to_long_is_a_backward_promotion()
    {
        await AnalyzerAsync(IntToLong, new ProjectSetup { Mode = "BACKWARD" },
            NotShipped(0, "CounterV1", "counter", 1),
            NotShipped(1, "CounterV2", "counter", 2));
    }

    [Fact]
    public async Task Int_widened_to_long_breaks_forward_because_int_cannot_read_long()
    {
        await AnalyzerAsync(IntToLong, new ProjectSetup { Mode = "FORWARD" },
            NotShipped(0, "CounterV1", "counter", 1),
            NotShipped(1, "CounterV2", "counter", 2),
            Break(2, "CounterV2.Count", "the reader's int cannot read the writer's long", writer: 2, reader: 1, "FORWARD", AdviceType));
    }

    [Fact]
    public async Task String_changed_to_int_breaks_both_directions()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("order", 1)]
            public partial record {|#0:OrderV1|}(string Total);

            [Message("order", 2)]
            public partial record {|#1:OrderV2|}(int {|#2:Total|});
            """;

        await AnalyzerAsync(source, new ProjectSetup { Mode = "FULL" },
            NotShipped(0, "OrderV1", "order", 1),
            NotShipped(1, "OrderV2", "order", 2),
            Break(2, "OrderV2.Total", "the reader's int cannot read the writer's string", writer: 1, reader: 2, "FULL", AdviceType),
            Break(2, "OrderV2.Total", "the reader's string cannot read the writer's int", writer: 2, reader: 1, "FULL", AdviceType));
    }

    [Fact]
    public async Task Nullable_made_required_breaks_backward_because_old_data_may_hold_null()
    {
        await AnalyzerAsync(NullableToRequired, new ProjectSetup { Mode = "BACKWARD" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2),
            Break(2, "PersonV2.Email", "the reader's string cannot read the writer's null", writer: 1, reader: 2, "BACKWARD", AdviceType));
    }

    [Fact]
    public async Task Nullable_made_required_is_forward_compatible()
    {
        await AnalyzerAsync(NullableToRequired, new ProjectSetup { Mode = "FORWARD" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2));
    }

    [Fact]
    public async Task Reader_union_without_a_branch_for_the_written_type_breaks_backward()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("counter", 1)]
            public partial record {|#0:CounterV1|}(int Count);

            [Message("counter", 2)]
            public partial record {|#1:CounterV2|}(string? {|#2:Count|});
            """;

        await AnalyzerAsync(source,
            NotShipped(0, "CounterV1", "counter", 1),
            NotShipped(1, "CounterV2", "counter", 2),
            Break(2, "CounterV2.Count", "the reader's union [null, string] has no branch that can read the writer's int", writer: 1, reader: 2, "BACKWARD", AdviceUnion));
    }

    [Fact]
    public async Task Fixed_size_change_breaks_backward()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("token", 1)]
            public partial record {|#0:TokenV1|}([AvroFixed(16)] byte[] Value);

            [Message("token", 2)]
            public partial record {|#1:TokenV2|}([AvroFixed(8)] byte[] {|#2:Value|});
            """;

        await AnalyzerAsync(source,
            NotShipped(0, "TokenV1", "token", 1),
            NotShipped(1, "TokenV2", "token", 2),
            Break(2, "TokenV2.Value", "fixed Acme.Value has size 8 but the writer's Acme.Value has size 16", writer: 1, reader: 2, "BACKWARD", AdviceFixed));
    }

    [Fact]
    public async Task Decimal_scale_change_is_a_warning_not_an_error()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("price", 1)]
            public partial record {|#0:PriceV1|}([AvroDecimal(10, 2)] decimal Amount);

            [Message("price", 2)]
            public partial record {|#1:PriceV2|}([AvroDecimal(12, 4)] decimal {|#2:Amount|});
            """;

        await AnalyzerAsync(source,
            NotShipped(0, "PriceV1", "price", 1),
            NotShipped(1, "PriceV2", "price", 2),
            Stricter(2, "PriceV2.Amount", "decimal(10,2) is read as decimal(12,4); the specification says such decimals do not match, and the unscaled value is reinterpreted with the reader's scale", writer: 1, reader: 2, "BACKWARD", AdviceDecimal));
    }

    [Fact]
    public async Task Record_renamed_breaks_backward_at_the_contract_unless_the_old_name_is_an_alias()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("person", 1)]
            public partial record {|#0:PersonV1|}(string Name);

            [Message("person", 2, SchemaName = "Human")]
            public partial record {|#1:PersonV2|}(string Name);

            [Message("person", 3, SchemaName = "Human")]
            [AvroAliases("Acme.Person")]
            public partial record {|#2:PersonV3|}(string Name);
            """;

        await AnalyzerAsync(source, new ProjectSetup { Mode = "BACKWARD" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2),
            NotShipped(2, "PersonV3", "person", 3),
            Break(1, "PersonV2", "the reader's record Acme.Human has neither the writer's name Person nor an alias Acme.Person", writer: 1, reader: 2, "BACKWARD", AdviceNameNew));
    }
}
