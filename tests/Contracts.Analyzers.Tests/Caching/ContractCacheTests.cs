using System.Threading.Tasks;
using Xunit;

namespace Contracts.Analyzers.Tests.Caching;

/// <summary>
/// The analyzer keeps parsed contracts across compilations: an edit re-parses exactly the contracts that depend on the
/// edited file (its own types, types reaching a type it declares, a constant it defines), and the diagnostics stay those
/// of a fresh analyzer.
/// </summary>
public sealed class ContractCacheTests
{
    private const string PersonPath = "/proj/Person.cs";
    private const string HomePath = "/proj/Home.cs";
    private const string DefaultsPath = "/proj/Defaults.cs";
    private const string OrderPath = "/proj/Order.cs";
    private const string Order2Path = "/proj/Order2.cs";

    private static IncrementalProject Project() => new([
        (PersonPath, """
            using Contracts;
            namespace Acme;

            [AvroName("Home")]
            public sealed record HomeV1(string Street);

            [Message("person", 1)]
            public partial record PersonV1(string Name, HomeV1? Home = null);

            [Message("person", 2)]
            public partial record PersonV2(string Name, Home? Home = null, string Country = Defaults.Country);
            """),
        (HomePath, """
            namespace Acme;

            public sealed record Home(string Street);
            """),
        (DefaultsPath, """
            namespace Acme;

            public static class Defaults
            {
                public const string Country = "NL";
            }
            """),
        (OrderPath, """
            using Contracts;
            namespace Acme;

            [Message("order", 1)]
            public partial record OrderV1(string Id);
            """),
        (Order2Path, """
            using Contracts;
            namespace Acme;

            [Message("order", 2)]
            public partial record OrderV2(string Id, int Quantity = 1);
            """),
    ]);

    [Fact]
    public async Task The_first_compilation_parses_every_contract_and_an_unchanged_one_parses_none()
    {
        var project = Project();

        var first = await project.AnalyzeAsync();
        var second = await project.AnalyzeAsync();

        Assert.Equal(["type Acme.OrderV1", "type Acme.OrderV2", "type Acme.PersonV1", "type Acme.PersonV2"], first.Parses);
        Assert.Empty(second.Parses);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Equal(4, first.Diagnostics.Count);
    }

    [Fact]
    public async Task Editing_a_file_re_parses_only_the_contracts_it_declares()
    {
        var project = Project();
        await project.AnalyzeAsync();

        project.EditSource(Order2Path, text => text.Replace("int Quantity = 1", "int Quantity = 2"));
        var (diagnostics, parses) = await project.AnalyzeAsync();

        Assert.Equal(["type Acme.OrderV2"], parses);
        Assert.Equal(await project.AnalyzeUncachedAsync(), diagnostics);
    }

    [Fact]
    public async Task Editing_an_earlier_version_re_checks_the_later_one_without_re_parsing_it()
    {
        var project = Project();
        var before = await project.AnalyzeAsync();

        project.EditSource(OrderPath, text => text.Replace("(string Id)", "(int Id)"));
        var (diagnostics, parses) = await project.AnalyzeAsync();

        Assert.Equal(["type Acme.OrderV1"], parses);
        Assert.Equal(await project.AnalyzeUncachedAsync(), diagnostics);
        Assert.DoesNotContain(before.Diagnostics, d => d.StartsWith("CTR1001", System.StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.StartsWith("CTR1001 /proj/Order2.cs", System.StringComparison.Ordinal) && d.Contains("OrderV2.Id: the reader's string cannot read the writer's int"));
    }

    [Fact]
    public async Task Editing_a_record_another_file_declares_re_parses_the_contracts_that_reach_it_and_sees_the_change()
    {
        var project = Project();
        var before = await project.AnalyzeAsync();

        project.EditSource(HomePath, text => text.Replace("(string Street)", "(string Street, string Zip)"));
        var (diagnostics, parses) = await project.AnalyzeAsync();

        Assert.Equal(["type Acme.PersonV2"], parses);
        Assert.Equal(await project.AnalyzeUncachedAsync(), diagnostics);
        Assert.DoesNotContain(before.Diagnostics, d => d.StartsWith("CTR1001", System.StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.StartsWith("CTR1001 /proj/Home.cs", System.StringComparison.Ordinal) && d.Contains("PersonV2.Home.Zip: field 'zip'"));
    }

    [Fact]
    public async Task Editing_a_constant_a_contract_uses_re_parses_that_contract_and_its_schema_changes()
    {
        var project = Project();
        var before = await project.AnalyzeAsync();

        project.EditSource(DefaultsPath, text => text.Replace("\"NL\"", "\"BE\""));
        var (diagnostics, parses) = await project.AnalyzeAsync();

        Assert.Equal(["type Acme.PersonV2"], parses);
        Assert.Equal(await project.AnalyzeUncachedAsync(), diagnostics);
        Assert.Contains(before.Diagnostics, d => d.Contains("\"default\": \"NL\""));
        Assert.Contains(diagnostics, d => d.Contains("\"default\": \"BE\""));
    }

    [Fact]
    public async Task Editing_an_avsc_file_re_parses_it_and_re_resolves_only_the_files_that_reach_its_types()
    {
        var project = Project()
            .AddFile("/proj/schemas/address.avsc", """{"type": "record", "name": "Address", "namespace": "Acme.Avro", "fields": [{"name": "street", "type": "string"}]}""")
            .AddFile("/proj/schemas/customer.avsc", """{"type": "record", "name": "Customer", "namespace": "Acme.Avro", "fields": [{"name": "address", "type": "Acme.Avro.Address"}]}""")
            .AddFile("/proj/schemas/invoice.avsc", """{"type": "record", "name": "Invoice", "namespace": "Acme.Avro", "fields": [{"name": "total", "type": "long"}]}""");
        var first = await project.AnalyzeAsync();
        Assert.Equal(
            ["avsc /proj/schemas/address.avsc", "avsc /proj/schemas/customer.avsc", "avsc /proj/schemas/invoice.avsc",
             "resolve /proj/schemas/address.avsc", "resolve /proj/schemas/customer.avsc", "resolve /proj/schemas/invoice.avsc",
             "type Acme.OrderV1", "type Acme.OrderV2", "type Acme.PersonV1", "type Acme.PersonV2"],
            first.Parses);

        project.EditFile("/proj/schemas/address.avsc", text => text.Replace("\"string\"}", "\"string\"}, {\"name\": \"zip\", \"type\": \"string\", \"default\": \"\"}"));
        var (diagnostics, parses) = await project.AnalyzeAsync();

        Assert.Equal(["avsc /proj/schemas/address.avsc", "resolve /proj/schemas/address.avsc", "resolve /proj/schemas/customer.avsc"], parses);
        Assert.Equal(await project.AnalyzeUncachedAsync(), diagnostics);
        Assert.Contains(diagnostics, d => d.Contains("customer.avsc") && d.Contains("\"name\": \"zip\""));
    }

    [Fact]
    public async Task Editing_a_shipped_file_re_reads_only_that_file_and_its_check_follows()
    {
        var project = Project()
            .AddFile("/proj/schemas/shipped/order/v1.avsc", """{"type": "record", "name": "Order", "namespace": "Acme", "fields": [{"name": "id", "type": "string"}]}""", shipped: true)
            .AddFile("/proj/schemas/shipped/order/v2.avsc", """{"type": "record", "name": "Order", "namespace": "Acme", "fields": [{"name": "id", "type": "string"}, {"name": "quantity", "type": "int", "default": 1}]}""", shipped: true);
        var before = await project.AnalyzeAsync();
        Assert.DoesNotContain(before.Diagnostics, d => d.StartsWith("CTR1002", System.StringComparison.Ordinal));

        project.EditFile("/proj/schemas/shipped/order/v1.avsc", text => text.Replace("\"string\"}", "\"bytes\"}"));
        var (diagnostics, parses) = await project.AnalyzeAsync();

        Assert.Equal(["shipped /proj/schemas/shipped/order/v1.avsc"], parses);
        Assert.Equal(await project.AnalyzeUncachedAsync(), diagnostics);
        Assert.Contains(diagnostics, d => d.StartsWith("CTR1002", System.StringComparison.Ordinal) && d.Contains("'OrderV1'") && d.Contains("field 'id' changed"));
    }
}
