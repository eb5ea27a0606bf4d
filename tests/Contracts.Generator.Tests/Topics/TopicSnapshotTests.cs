using System;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Topics;

/// <summary>Generated <c>[Topic]</c> classes compared with Snapshots/Topics/, after proving they compile with every warning on.</summary>
public sealed class TopicSnapshotTests
{
    [Fact]
    public void Topics()
    {
        var run = GeneratorRunner.Run("""
            using System;
            using Contracts;
            using Contracts.Messaging;
            namespace Acme.People;
            [Message("person", 1, Key = nameof(Id))]
            public partial record PersonV1(Guid Id, string Name);
            [Message("person", 2, Key = nameof(Id))]
            public partial record PersonV2(Guid Id, string Name, string? Email);
            [Topic("people", typeof(PersonV1), typeof(PersonV2))]
            public partial class PeopleTopic;
            [Topic("people.json-v1_all", typeof(PersonV2), WireFormat = WireFormat.JsonEnvelope)]
            internal sealed partial record @event;
            public static partial class Topics
            {
                [Topic("audit", typeof(Acme.People.PersonV1))]
                public partial class AuditTopic { }
            }
            """);

        Assert.True(run.AllDiagnostics.IsEmpty, "Diagnostics:\n" + string.Join("\n", DiagnosticText.FormatAll(run)));
        // Only the topic files: the contracts' own files belong to the contract snapshots.
        Snapshot.Verify(nameof(Topics), run, hintName => hintName.Contains("Topic", StringComparison.Ordinal) || hintName.EndsWith(".event.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Topic_nested_in_a_record_struct_declares_its_container_as_one()
    {
        // The topic parser once spelled every containing record "record", which for a record struct is CS0261.
        var run = GeneratorRunner.Run("""
            using Contracts;
            using Contracts.Messaging;
            namespace Acme.People;
            [Message("person", 1)]
            public partial record PersonV1(string Name);
            public partial record struct Holder(int Value)
            {
                [Topic("people", typeof(PersonV1))]
                public partial class PeopleTopic;
            }
            """);

        Assert.True(run.AllDiagnostics.IsEmpty, "Diagnostics:\n" + string.Join("\n", DiagnosticText.FormatAll(run)));
        Assert.Contains(run.Result.GeneratedSources, source => source.SourceText.ToString().Contains("partial record struct Holder", StringComparison.Ordinal));
    }
}
