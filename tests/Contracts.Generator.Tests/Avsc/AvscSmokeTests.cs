using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Contracts.Generator.Tests.Avsc;

public sealed class AvscSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Person_schema_generates_a_contract_that_compiles()
    {
        var run = new AvscProject()
            .Schema("schemas/people/person.avsc", """
                {
                  "type": "record", "name": "Person", "namespace": "acme.people", "doc": "A person.",
                  "contracts.key": "id",
                  "fields": [
                    {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
                    {"name": "first_name", "type": "string", "doc": "Given name."},
                    {"name": "email", "type": ["null", "string"], "default": null},
                    {"name": "address", "type": "acme.common.Address"},
                    {"name": "tags", "type": {"type": "array", "items": "string"}, "default": []},
                    {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["ACTIVE", "IN_PROGRESS"]}, "default": "ACTIVE"}
                  ]
                }
                """)
            .Schema("schemas/common/address.avsc", """
                {"type": "record", "name": "Address", "namespace": "acme.common",
                 "fields": [{"name": "street", "type": "string"}, {"name": "next", "type": ["null", "Address"], "default": null}]}
                """)
            .Run();

        foreach (var source in run.Result.GeneratedSources)
        {
            output.WriteLine("// ==== " + source.HintName + "\n" + source.SourceText);
        }

        Assert.Empty(DiagnosticText.FormatAll(run));
        Assert.Equal(
            ["Acme.Common.Address.g.cs", "Acme.People.Person.g.cs", "Avsc.Acme.Common.Address.g.cs", "Avsc.Acme.People.Person.g.cs", "Avsc.Acme.People.Status.g.cs", "MessageContracts.g.cs"],
            run.Result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
    }
}
