using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Pipeline;

/// <summary>
/// Generated source per feature, compared with Snapshots/&lt;Feature&gt;/. Each test first proves the output compiles with
/// every warning enabled and nullable on, then compares text. After an intended emitter change, run
/// <c>CONTRACTS_UPDATE_SNAPSHOTS=1 dotnet test --filter SnapshotTests</c> and review the snapshot diff.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Scalars() => Verify(nameof(Scalars), """
        using Contracts;
        namespace Acme.Samples;
        [Message("scalars", 1)]
        public partial record ScalarsV1(bool Flag, int Count, long Total, float Ratio, double Score, string Name, byte[] Blob, System.ReadOnlyMemory<byte> Memory);
        """);

    [Fact]
    public void LogicalTypes() => Verify(nameof(LogicalTypes), """
        using System;
        using Contracts;
        namespace Acme.Samples;
        [Message("logical", 1)]
        public partial record LogicalV1(
            Guid Id, DateTimeOffset At, DateTime When, DateOnly Born, TimeOnly Alarm,
            [AvroTimestamp(AvroTimestampKind.Micros)] DateTimeOffset AtMicros,
            [AvroTimestamp(AvroTimestampKind.LocalMillis)] DateTime LocalMillis,
            [AvroTimestamp(AvroTimestampKind.LocalMicros)] DateTime LocalMicros);
        """);

    [Fact]
    public void Enums() => Verify(nameof(Enums), """
        using System.Collections.Generic;
        using Contracts;
        namespace Acme.Samples;
        /// <summary>Where an order is.</summary>
        [AvroName("OrderState"), AvroAliases("Status"), AvroEnumDefault(nameof(Unknown))]
        public enum Status { Shipped = 5, Unknown = 0, [AvroName("IN_TRANSIT")] InTransit = -3 }
        public enum Priority : byte { Low, High }
        [Message("order", 1)]
        public partial record OrderV1(Status Status, Status? Previous, List<Priority> Priorities, Priority Priority = Priority.High);
        """);

    [Fact]
    public void Nullable() => Verify(nameof(Nullable), """
        using System;
        using System.Collections.Generic;
        using Contracts;
        namespace Acme.Samples;
        public record Address(string Street);
        [Message("nullable", 1)]
        public partial record NullableV1(string? Text, int? Count, Guid? Id, DateOnly? Born, Address? Home, List<string?>? Tags, decimal? Price, byte[]? Blob);
        """);

    [Fact]
    public void Collections() => Verify(nameof(Collections), """
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using Contracts;
        namespace Acme.Samples;
        [Message("collections", 1)]
        public partial record CollectionsV1(
            int[] Array, List<string> List, IReadOnlyList<long> ReadOnlyList, IEnumerable<double> Enumerable, IList<bool> ListInterface,
            ICollection<string> Collection, IReadOnlyCollection<int> ReadOnlyCollection, ImmutableArray<string> ImmutableArray,
            ImmutableList<int> ImmutableList, int[][] Jagged, List<List<string>> Nested);
        """);

    [Fact]
    public void Maps() => Verify(nameof(Maps), """
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using Contracts;
        namespace Acme.Samples;
        public record Score(string Name, int Points);
        [Message("maps", 1)]
        public partial record MapsV1(
            Dictionary<string, int> Counts, IDictionary<string, string> Labels, IReadOnlyDictionary<string, Score> Scores,
            ImmutableDictionary<string, long> Totals, Dictionary<string, List<int>> Groups, Dictionary<string, string?> Optional);
        """);

    [Fact]
    public void NestedAndRecursive() => Verify(nameof(NestedAndRecursive),
        """
        using System.Collections.Generic;
        using Contracts;
        namespace Acme.People;
        [Message("person", 2, Key = nameof(Id))]
        public partial record PersonV2(int Id, Address Home, IReadOnlyList<Address> Others, Node? Tree, Geo.Point Location);
        """,
        """
        using System.Collections.Generic;
        namespace Acme.People;
        public record Address(string Street, string City, Address? Previous = null);
        public sealed class Node
        {
            public string Name { get; init; } = "";
            public Node? Next { get; init; }
            public List<Node> Children { get; init; } = [];
        }
        """,
        """
        namespace Acme.Geo;
        public readonly record struct Point(double Lat, double Lon);
        """);

    [Fact]
    public void Fixed() => Verify(nameof(Fixed), """
        using System;
        using Contracts;
        namespace Acme.Samples;
        [Message("fixed", 1)]
        public partial record FixedV1([AvroFixed(16)] byte[] Hash, [AvroFixed(4, Name = "Magic")] ReadOnlyMemory<byte> Header, [AvroFixed(2)] byte[]? Optional);
        """);

    [Fact]
    public void Decimals() => Verify(nameof(Decimals), """
        using System.Collections.Generic;
        using Contracts;
        namespace Acme.Samples;
        [Message("money", 1)]
        public partial record MoneyV1(decimal Default, [AvroDecimal(10, 2)] decimal Price, [AvroDecimal(38, 0)] decimal Whole, [AvroDecimal(5, 3)] decimal? Rate, List<decimal> Amounts);
        """);

    [Fact]
    public void FixedDecimals() => Verify(nameof(FixedDecimals), """
        using Contracts;
        namespace Acme.Samples;
        [Message("ledger", 1)]
        public partial record LedgerV1(
            [AvroFixed(9, Name = "Money"), AvroDecimal(20, 4)] decimal Balance,
            [AvroFixed(13)] decimal Default,
            [AvroFixed(4, Name = "Cents"), AvroDecimal(9, 2)] decimal? Fee,
            [AvroFixed(4, Name = "Cents"), AvroDecimal(9, 2)] decimal Tip = 1.5m);
        """);

    [Fact]
    public void KeyNone() => Verify(nameof(KeyNone), """
        using Contracts;
        namespace Acme.Samples;
        [Message("event", 1)]
        public partial record EventV1(string Name);
        """);

    [Fact]
    public void KeyRecord() => Verify(nameof(KeyRecord), """
        using System;
        using Contracts;
        namespace Acme.Samples;
        public enum Region { Eu, Us }
        [Message("account", 1, Key = "Region, Id")]
        public partial record AccountV1(Guid Id, Region Region, string Owner);
        """);

    [Fact]
    public void KeyPlain() => Verify(nameof(KeyPlain), """
        using System;
        using Contracts;
        namespace Acme.Samples;
        [Message("account", 2, Key = "Tenant, Id, Opened", KeyFormat = KeyFormat.Plain)]
        public partial record AccountV2(long Id, string Tenant, DateOnly Opened, string Owner);
        """);

    [Fact]
    public void NamingPolicies() => Verify(nameof(NamingPolicies), """
        using Contracts;
        namespace Acme.Samples;
        public record Inner(string HTTPServer, int Address2);
        [Message("snake", 1, FieldNaming = FieldNaming.SnakeCase)]
        public partial record SnakeV1(string FirstName, Inner InnerValue, [AvroName("Exact")] string Renamed);
        [Message("pascal", 1, FieldNaming = FieldNaming.PascalCase)]
        public partial record PascalV1(string FirstName, Inner InnerValue);
        """);

    [Fact]
    public void DocsAliasesDefaults() => Verify(nameof(DocsAliasesDefaults), """
        using System;
        using System.Collections.Generic;
        using Contracts;
        namespace Acme.Samples;
        public enum Color { Red, Green }
        /// <summary>A customer, as <see cref="T:Acme.Samples.Color"/> shows.</summary>
        /// <param name="Name">The "display" name.</param>
        [Message("customer", 3, SchemaName = "Client", SchemaNamespace = "com.acme")]
        [AvroAliases("Customer", "legacy.Customer")]
        public partial record CustomerV3(
            string Name,
            [AvroAliases("mail")] string? Email = null,
            int Visits = 7,
            Color Color = Color.Green,
            [AvroDecimal(6, 2)] decimal Credit = 12.5m,
            [AvroDefault("[\"a\", \"b\"]")] IReadOnlyList<string> Tags = null!,
            [AvroDefault("{\"x\": 1}")] Dictionary<string, int> Weights = null!,
            [AvroDefault("1700000000000")] DateTimeOffset Since = default,
            double Ratio = 0.5)
        {
            /// <summary>Free text.</summary>
            public string Note { get; init; } = "none";

            public List<string> History { get; init; } = [];

            public string Display => Name + "!";
        }
        """);

    [Fact]
    public void NestedInContainingType() => Verify(nameof(NestedInContainingType), """
        using Contracts;
        namespace Acme.Samples
        {
            public static partial class Messages
            {
                internal partial class Orders
                {
                    [Message("created", 1)]
                    public partial record CreatedV1(string Number, Line Line);

                    public record Line(string Sku, int Quantity);
                }
            }
        }
        """);

    [Fact]
    public void RecordStructAndClass() => Verify(nameof(RecordStructAndClass), """
        using System.Collections.Generic;
        using Contracts;
        [Message("point", 1)]
        public readonly partial record struct PointV1(double X, double Y);
        [Message("shape", 1)]
        public partial class ShapeV1
        {
            public ShapeV1(string name) { Name = name; }
            public string Name { get; }
            public required List<PointV1> Points { get; init; }
            public string? Label { get; set; }
        }
        [Message("size", 1)]
        public partial struct SizeV1
        {
            public int Width { get; set; }
            public int Height { get; set; }
        }
        """);

    private static void Verify(string feature, params string[] sources)
    {
        var run = GeneratorRunner.Run(sources);
        Assert.True(run.AllDiagnostics.IsEmpty, "Diagnostics:\n" + string.Join("\n", DiagnosticText.FormatAll(run)));
        Assert.NotEmpty(run.Result.GeneratedSources);
        Snapshot.Verify(feature, run);
    }
}
