using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Pipeline;

public sealed class EndToEndTests
{
    private const string Person = """
        using System;
        using System.Collections.Generic;
        using Contracts;
        namespace Acme.People;

        /// <summary>A person.</summary>
        [Message("person", 2, Key = nameof(Id))]
        public partial record PersonV2(Guid Id, string FirstName, string LastName, string? Email = null,
                                       DateOnly? Born = null, [AvroDefault("[]")] IReadOnlyList<Address> Addresses = null!);

        public record Address(string Street, string City, Address? Previous = null);

        public static class Usage
        {
            public static global::Contracts.MessageDescriptor<PersonV2> Descriptor => PersonV2.Descriptor;
        }
        """;

    [Fact]
    public void The_issue_example_generates_code_that_compiles_without_any_diagnostic()
    {
        var run = GeneratorRunner.Run(Person);

        Assert.Empty(run.AllDiagnostics);
        Assert.Equal(["Acme.People.PersonV2.g.cs", "MessageContracts.g.cs"], run.Result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.Contains("namespace TestAssembly", run.GeneratedSource("MessageContracts.g.cs"), System.StringComparison.Ordinal);
        Assert.Contains("global::Acme.People.PersonV2", run.GeneratedSource("MessageContracts.g.cs"), System.StringComparison.Ordinal);
    }
}

public sealed class RepeatedAttributeTests
{
    [Fact]
    public void A_message_attribute_repeated_on_partial_declarations_generates_once_and_leaves_the_error_to_the_compiler()
    {
        var run = GeneratorRunner.Run(
            """
            using Contracts;
            [Message("person", 1)]
            public partial record PersonV1(string Name);
            """,
            """
            using Contracts;
            [Message("person", 1)]
            public partial record PersonV1;
            """);

        Assert.Equal(["CS0579 Source1.cs(2,2)-(2,9): Duplicate 'Message' attribute"], DiagnosticText.FormatAll(run));
        Assert.Single(run.Result.GeneratedSources, s => s.HintName == "PersonV1.g.cs");
        Assert.Null(run.Result.Exception);
    }
}
