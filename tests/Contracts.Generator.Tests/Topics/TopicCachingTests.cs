using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing.Topics;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.Topics;

public sealed class TopicCachingTests
{
    private static readonly (string Path, string Source)[] Files =
    [
        ("Person.cs", """
            using System;
            using Contracts;
            namespace Acme;
            [Message("person", 1, Key = nameof(Id))]
            public partial record PersonV1(Guid Id, string Name);
            """),
        ("PeopleTopic.cs", """
            using Contracts.Messaging;
            namespace Acme;
            [Topic("people", typeof(PersonV1))]
            public partial class PeopleTopic;
            """),
        ("AuditTopic.cs", """
            using Contracts.Messaging;
            namespace Acme;
            [Topic("audit", typeof(PersonV1), WireFormat = WireFormat.JsonEnvelope)]
            public partial class AuditTopic;
            """),
    ];

    [Fact]
    public void Changing_a_contract_shape_leaves_topic_files_cached()
    {
        var first = GeneratorRunner.Run(TestCompilation.CreateFromFiles(Files));
        Assert.Empty(first.AllDiagnostics);

        var second = first.RunAgain(Replace(first.Input, "Person.cs", """
            using System;
            using Contracts;
            namespace Acme;
            [Message("person", 1, Key = nameof(Id))]
            public partial record PersonV1(Guid Id, string Name, string? Email = null);
            """));

        Assert.Empty(second.AllDiagnostics);
        var reasons = TopicSourceReasons(second);
        Assert.Equal(2, reasons.Count);
        Assert.All(reasons.Values, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    [Fact]
    public void Editing_one_topic_regenerates_only_that_topic()
    {
        var first = GeneratorRunner.Run(TestCompilation.CreateFromFiles(Files));

        var second = first.RunAgain(Replace(first.Input, "AuditTopic.cs", """
            using Contracts.Messaging;
            namespace Acme;
            [Topic("audit-log", typeof(PersonV1), WireFormat = WireFormat.JsonEnvelope)]
            public partial class AuditTopic;
            """));

        var reasons = TopicSourceReasons(second);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["Acme.AuditTopic.g.cs"]);
        Assert.True(reasons["Acme.PeopleTopic.g.cs"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("\"audit-log\"", second.GeneratedSource("Acme.AuditTopic.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Topic_models_are_plain_values()
    {
        var run = GeneratorRunner.Run(TestCompilation.CreateFromFiles(Files));

        var models = run.Result.TrackedSteps[TrackingNames.TopicModel].SelectMany(s => s.Outputs).Select(o => o.Value).OfType<TopicModel>().ToList();
        Assert.Equal(2, models.Count);
        var people = Assert.Single(models, m => m.TopicName == "people");
        Assert.Equal("Avro", people.WireFormat);
        Assert.Equal(new TopicContractModel("global::Acme.PersonV1", "person", 1), Assert.Single(people.Contracts));

        var again = GeneratorRunner.Run(TestCompilation.CreateFromFiles(Files));
        var peopleAgain = again.Result.TrackedSteps[TrackingNames.TopicModel].SelectMany(s => s.Outputs).Select(o => o.Value).OfType<TopicModel>().Single(m => m.TopicName == "people");
        Assert.Equal(people, peopleAgain);
    }

    private static Dictionary<string, IncrementalStepRunReason> TopicSourceReasons(GeneratorRunner run) =>
        run.Result.TrackedSteps[TrackingNames.TopicSource]
            .SelectMany(s => s.Outputs)
            .Where(o => o.Value is GeneratedSource)
            .ToDictionary(o => ((GeneratedSource)o.Value).HintName, o => o.Reason);

    private static Compilation Replace(Compilation compilation, string path, string source)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, path: path));
    }
}
