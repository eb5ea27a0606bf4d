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
    public void Generated_code_compiles_without_diagnostics(string description, string source)
    {
        var run = GeneratorRunner.Run(source);

        Assert.True(run.AllDiagnostics.IsEmpty, description + ":\n" + string.Join("\n", DiagnosticText.FormatAll(run)));
        Assert.Equal(2, run.Result.GeneratedSources.Length);
    }
}
