using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Avsc;

/// <summary>
/// Which top-level records are message contracts: <c>"contracts.message"</c> or <c>ContractsMessage</c> decide; without
/// them a record another file refers to and that sets no message settings is a shared type (a partial record used
/// nested, without Descriptor or catalog entry); every other top-level record is a contract.
/// </summary>
public sealed class AvscSharedTypeTests
{
    private const string Money = """{"type": "record", "name": "Money", "namespace": "acme.common", "fields": [{"name": "cents", "type": "long"}]}""";
    private const string Order = """{"type": "record", "name": "Order", "namespace": "acme.sales", "fields": [{"name": "total", "type": "acme.common.Money"}]}""";

    [Fact]
    public void A_record_another_file_refers_to_without_message_settings_is_a_shared_type()
    {
        var run = new AvscProject().Schema("schemas/money.avsc", Money).Schema("schemas/order.avsc", Order).Run();

        Assert.Empty(DiagnosticText.FormatAll(run));
        Assert.Equal(["Acme.Sales.Order.g.cs", "Avsc.Acme.Common.Money.g.cs", "Avsc.Acme.Sales.Order.g.cs", "MessageContracts.g.cs"], HintNames(run));
        Assert.Contains("public partial record Money", run.GeneratedSource("Avsc.Acme.Common.Money.g.cs"), System.StringComparison.Ordinal);
        Assert.DoesNotContain("Money", run.GeneratedSource("MessageContracts.g.cs"), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"contracts.message\": true, ")]
    [InlineData("\"contracts.version\": 3, ")]
    [InlineData("\"contracts.messageType\": \"money\", ")]
    [InlineData("\"contracts.key\": \"cents\", ")]
    public void A_referenced_record_that_says_it_is_a_message_stays_a_contract(string setting)
    {
        var run = new AvscProject()
            .Schema("schemas/money.avsc", Money.Replace("\"fields\"", setting + "\"fields\"", System.StringComparison.Ordinal))
            .Schema("schemas/order.avsc", Order)
            .Run();

        Assert.Empty(DiagnosticText.FormatAll(run));
        Assert.Contains("Acme.Common.Money.g.cs", HintNames(run));
    }

    [Fact]
    public void Item_metadata_decides_when_the_schema_does_not()
    {
        var run = new AvscProject()
            .Schema("schemas/money.avsc", Money, ("ContractsVersion", "2"))
            .Schema("schemas/order.avsc", Order, ("ContractsMessage", "false"))
            .Run();

        Assert.Empty(DiagnosticText.FormatAll(run));
        Assert.Equal(["Acme.Common.Money.g.cs", "Avsc.Acme.Common.Money.g.cs", "Avsc.Acme.Sales.Order.g.cs", "MessageContracts.g.cs"], HintNames(run));
    }

    [Fact]
    public void A_record_that_opts_out_is_declared_with_its_codecs_reached_through_the_contracts_that_nest_it()
    {
        var run = new AvscProject()
            .Schema("schemas/standalone.avsc", """{"type": "record", "name": "Note", "namespace": "acme", "contracts.message": false, "fields": [{"name": "text", "type": "string"}]}""")
            .Schema("schemas/money.avsc", Money)
            .Schema("schemas/order.avsc", Order)
            .Run();

        Assert.Empty(DiagnosticText.FormatAll(run));
        Assert.Equal(["Acme.Sales.Order.g.cs", "Avsc.Acme.Common.Money.g.cs", "Avsc.Acme.Note.g.cs", "Avsc.Acme.Sales.Order.g.cs", "MessageContracts.g.cs"], HintNames(run));
        Assert.Contains("AvroWriteMoney", run.GeneratedSource("Acme.Sales.Order.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_setting_that_is_not_a_boolean_is_reported()
    {
        var run = new AvscProject()
            .Schema("schemas/a.avsc", """{"type": "record", "name": "A", "contracts.message": "no", "fields": [{"name": "x", "type": "int"}]}""")
            .Schema("schemas/b.avsc", """{"type": "record", "name": "B", "fields": [{"name": "x", "type": "int"}]}""", ("ContractsMessage", "maybe"))
            .Run();

        Assert.Equal(
            [
                "CTR0030 schemas/a.avsc(1,54)-(1,58): The contract setting \"contracts.message\" at $.contracts.message is invalid: expected true or false",
                "CTR0030 schemas/b.avsc(1,1)-(1,1): The contract setting ContractsMessage (item metadata) is invalid: 'maybe' is not true or false",
            ],
            AvscDiagnosticTests.Sorted(run));
    }

    private static string[] HintNames(GeneratorRunner run) =>
        run.Result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
}
