using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Pipeline;

/// <summary>Unusual but valid declarations: the generated code must compile with every warning on.</summary>
public sealed class EdgeCaseCompileTests
{
    [Theory]
    [InlineData("keyword names", """
        using Contracts;
        namespace @namespace;
        public record @class(string @event, int @int);
        [Message("kw", 1)]
        public partial record @record(string @string, @class @object, bool @bool = true);
        """)]
    [InlineData("framework enum", """
        using System;
        using Contracts;
        [Message("schedule", 1)]
        public partial record ScheduleV1(DayOfWeek Day, DayOfWeek? Backup = null, DayOfWeek Fallback = DayOfWeek.Monday);
        """)]
    [InlineData("nullable-oblivious contract", """
        #nullable disable
        using System.Collections.Generic;
        using Contracts;
        [Message("legacy", 1)]
        public partial class LegacyV1
        {
            public string Name { get; set; }
            public List<string> Tags { get; set; }
        }
        """)]
    [InlineData("struct with an explicit constructor and inheritance", """
        using Contracts;
        public struct Money
        {
            public Money(decimal amount, string currency) { Amount = amount; Currency = currency; }
            public decimal Amount { get; }
            public string Currency { get; }
        }
        public class Base { public string Source { get; init; } = ""; }
        [Message("payment", 1, Key = nameof(Id))]
        public partial class PaymentV1 : Base
        {
            public long Id { get; init; }
            public Money Total { get; init; }
            public Money? Fee { get; init; }
        }
        """)]
    [InlineData("record with explicit property and attribute targets", """
        using Contracts;
        [Message("tagged", 1, FieldNaming = FieldNaming.SnakeCase)]
        public partial record TaggedV1([property: AvroName("ID")] string Id, string DisplayName)
        {
            public string DisplayName { get; init; } = DisplayName.Trim();
            [AvroIgnore] public string? Scratch { get; set; }
        }
        """)]
    [InlineData("nullable value types inside collections", """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using Contracts;
        public record Address(string Street);
        [Message("inside", 1)]
        public partial record InsideV1(List<int?> Counts, Dictionary<string, DateOnly?> Days, ImmutableArray<Guid>? Ids, IReadOnlyList<Address>? Addresses, Address?[] Sparse);
        """)]
    [InlineData("every kind of default expression", """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using Contracts;
        public enum Color { Red, Green }
        [Message("defaults", 1)]
        public partial record EveryDefaultV1(
            [AvroDefault("19000")] DateOnly Day,
            [AvroDefault("3600000000")] TimeOnly Time,
            [AvroDefault("1700000000000"), AvroTimestamp(AvroTimestampKind.LocalMillis)] DateTime Local,
            [AvroDefault("1700000000000000"), AvroTimestamp(AvroTimestampKind.Micros)] DateTimeOffset Micros,
            [AvroDefault("\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"")] Guid Id,
            [AvroDefault("\"\\u0001\\u0002\"")] byte[] Bytes,
            [AvroDefault("\"\\u0001\"")] ReadOnlyMemory<byte> Memory,
            [AvroDefault("\"ab\""), AvroFixed(2)] byte[] Pair,
            [AvroDefault("\"\\u0004\\u00e2\""), AvroDecimal(6, 2)] decimal Price,
            [AvroDefault("1.25")] float Ratio,
            [AvroDefault("-3")] long Delta,
            [AvroDefault("\"Green\"")] Color Color,
            [AvroDefault("[1, 2]")] ImmutableList<int> Numbers,
            [AvroDefault("{\"a\": [\"Red\"]}")] ImmutableDictionary<string, List<Color>> Palette,
            [AvroDefault("[[\"x\"], []]")] string[][] Grid,
            [AvroDefault("[null, \"y\"]")] List<string?> Holes,
            [AvroDefault("{\"k\": null}")] IReadOnlyDictionary<string, int?> Sparse,
            [AvroDefault("[]")] ImmutableArray<long> Empty);
        """)]
    [InlineData("required members set by a [SetsRequiredMembers] constructor", """
        using System.Diagnostics.CodeAnalysis;
        using Contracts;
        [Message("req", 1)]
        public partial class RequiredV1
        {
            [SetsRequiredMembers]
            public RequiredV1(string name) { Name = name; }
            public required string Name { get; init; }
            public required int Count { get; init; }
        }
        """)]
    [InlineData("a contract that refers to itself and a contract used inside another", """
        using System.Collections.Generic;
        using Contracts;
        namespace Acme;
        [Message("category", 1)]
        public partial record CategoryV1(string Name, CategoryV1? Parent, List<CategoryV1> Children);
        [Message("catalog", 1)]
        public partial record CatalogV1(CategoryV1 Root, Dictionary<string, CategoryV1> ByName);
        """)]
    public void Generated_code_compiles_without_diagnostics(string description, string source)
    {
        var run = GeneratorRunner.Run(source);

        Assert.True(run.AllDiagnostics.IsEmpty, description + ":\n" + string.Join("\n", DiagnosticText.FormatAll(run)));
        Assert.Equal(description.StartsWith("a contract that refers", System.StringComparison.Ordinal) ? 3 : 2, run.Result.GeneratedSources.Length);
    }
}
