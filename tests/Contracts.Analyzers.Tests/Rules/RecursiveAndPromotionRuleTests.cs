using System.Threading.Tasks;
using Contracts.Analyzers.Tests.Infrastructure;
using Xunit;
using static Contracts.Analyzers.Tests.Infrastructure.Expected;
using static Contracts.Analyzers.Tests.Infrastructure.Verify;

namespace Contracts.Analyzers.Tests.Rules;

/// <summary>
/// The rules in the direction the other rule files do not show: unions gaining a branch, promotions that work both
/// ways, arrays and maps checked item by item, logical types, and enum names with aliases.
/// </summary>
public sealed class RecursiveAndPromotionRuleTests
{
    private const string AdviceLogicalType = "Keep the logical type, or add a new field instead";

    private const string MadeNullable = """
        using Contracts;
        namespace Acme;

        [Message("person", 1)]
        public partial record {|#0:PersonV1|}(string Email);

        [Message("person", 2)]
        public partial record {|#1:PersonV2|}(string? {|#2:Email|});
        """;

    private const string Widened = """
        using System.Collections.Generic;
        using Contracts;
        namespace Acme;

        [Message("metrics", 1)]
        public partial record {|#0:MetricsV1|}(List<int> Counts, Dictionary<string, int> Totals);

        [Message("metrics", 2)]
        public partial record {|#1:MetricsV2|}(List<long> {|#2:Counts|}, Dictionary<string, long> {|#3:Totals|});
        """;

    [Fact]
    public async Task Field_made_nullable_is_backward_compatible()
    {
        await AnalyzerAsync(MadeNullable, new ProjectSetup { Mode = "BACKWARD" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2));
    }

    [Fact]
    public async Task Field_made_nullable_breaks_forward_because_the_old_reader_cannot_read_null()
    {
        await AnalyzerAsync(MadeNullable, new ProjectSetup { Mode = "FORWARD" },
            NotShipped(0, "PersonV1", "person", 1),
            NotShipped(1, "PersonV2", "person", 2),
            Break(2, "PersonV2.Email", "the reader's string cannot read the writer's null", writer: 2, reader: 1, "FORWARD", AdviceType));
    }

    [Fact]
    public async Task String_and_bytes_read_each_other_in_both_directions()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            [Message("blob", 1)]
            public partial record {|#0:BlobV1|}(string Data);

            [Message("blob", 2)]
            public partial record {|#1:BlobV2|}(byte[] Data);
            """;

        await AnalyzerAsync(source, new ProjectSetup { Mode = "FULL" },
            NotShipped(0, "BlobV1", "blob", 1),
            NotShipped(1, "BlobV2", "blob", 2));
    }

    [Fact]
    public async Task Array_items_and_map_values_widened_are_backward_compatible()
    {
        await AnalyzerAsync(Widened, new ProjectSetup { Mode = "BACKWARD" },
            NotShipped(0, "MetricsV1", "metrics", 1),
            NotShipped(1, "MetricsV2", "metrics", 2));
    }

    [Fact]
    public async Task Array_items_and_map_values_are_checked_item_by_item_forward()
    {
        await AnalyzerAsync(Widened, new ProjectSetup { Mode = "FORWARD" },
            NotShipped(0, "MetricsV1", "metrics", 1),
            NotShipped(1, "MetricsV2", "metrics", 2),
            Break(2, "MetricsV2.Counts", "the reader's int cannot read the writer's long", writer: 2, reader: 1, "FORWARD", AdviceType),
            Break(3, "MetricsV2.Totals", "the reader's int cannot read the writer's long", writer: 2, reader: 1, "FORWARD", AdviceType));
    }

    [Fact]
    public async Task A_timestamp_precision_change_is_a_warning_in_each_direction_checked()
    {
        const string source = """
            using System;
            using Contracts;
            namespace Acme;

            [Message("event", 1)]
            public partial record {|#0:EventV1|}(DateTimeOffset At);

            [Message("event", 2)]
            public partial record {|#1:EventV2|}([AvroTimestamp(AvroTimestampKind.Micros)] DateTimeOffset {|#2:At|});
            """;

        await AnalyzerAsync(source, new ProjectSetup { Mode = "FULL" },
            NotShipped(0, "EventV1", "event", 1),
            NotShipped(1, "EventV2", "event", 2),
            Stricter(2, "EventV2.At", "the writer's long(timestamp-millis) is read as long(timestamp-micros); the value keeps its encoding but changes meaning", writer: 1, reader: 2, "FULL", AdviceLogicalType),
            Stricter(2, "EventV2.At", "the writer's long(timestamp-micros) is read as long(timestamp-millis); the value keeps its encoding but changes meaning", writer: 2, reader: 1, "FULL", AdviceLogicalType));
    }

    [Fact]
    public async Task An_enum_renamed_breaks_backward_unless_it_keeps_the_old_name_as_an_alias()
    {
        const string source = """
            using Contracts;
            namespace Acme;

            public enum Status { Active, Closed }

            [AvroName("State")]
            public enum StateV2 { Active, Closed }

            [AvroName("State")]
            [AvroAliases("Acme.Status")]
            public enum StateV3 { Active, Closed }

            [Message("account", 1)]
            public partial record {|#0:AccountV1|}(Status State);

            [Message("account", 2)]
            public partial record {|#1:AccountV2|}(StateV2 {|#2:State|});

            [Message("account", 3, Compatibility = CompatibilityLevel.None)]
            public partial record {|#3:AccountV3|}(Status State);

            [Message("account", 4)]
            public partial record {|#4:AccountV4|}(StateV3 State);
            """;

        await AnalyzerAsync(source,
            NotShipped(0, "AccountV1", "account", 1),
            NotShipped(1, "AccountV2", "account", 2),
            Break(2, "AccountV2.State", "the reader's enum Acme.State has neither the writer's name Status nor an alias Acme.Status", writer: 1, reader: 2, "BACKWARD", AdviceNameNew),
            NotShipped(3, "AccountV3", "account", 3),
            NotShipped(4, "AccountV4", "account", 4));
    }
}
