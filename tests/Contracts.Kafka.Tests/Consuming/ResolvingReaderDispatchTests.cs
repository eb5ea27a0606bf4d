using System;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.DeadLetters;
using Contracts.Kafka.Tests.Support;
using Contracts.Messaging;
using Xunit;

namespace Contracts.Kafka.Tests.Consuming;

public sealed class ResolvingReaderDispatchTests
{
    [Fact]
    public async Task Older_compatible_versions_reach_the_newest_handler_through_the_generated_resolving_reader()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("notes", 1), new EmbeddedTopic("crm.notes.dlt", 1));
        var notes = new Received<CustomerNoteV2>();
        var old = new CustomerNoteV1(Guid.NewGuid(), "written by v1");
        var current = new CustomerNoteV2(Guid.NewGuid(), "written by v2", "ada", 1);
        await harness.ProduceAsync("notes", old);
        await harness.ProduceAsync("notes", current);
        await harness.ProduceAsync("notes", new CustomerNoteV1(Guid.NewGuid(), "v1 as JSON"), WireFormat.JsonEnvelope);

        Assert.Single(CustomerNoteV2.Descriptor.ResolvingReaders, r => r.WriterVersion == 1);
        await harness.StartConsumerAsync("crm", consumer => consumer
            .Subscribe("notes", UnknownMessagePolicy.Fail)
            .AddHandler<CustomerNoteV2>(notes.Add));

        await ConsumerHarness.WaitUntil(() => notes.Count == 2, "both Avro notes are handled");
        Assert.Equal([new CustomerNoteV2(old.Id, old.Text, null, 3), current], notes.Items.Select(i => i.Message));
        Assert.Equal([1, 2], notes.Items.Select(i => i.Context.Version));

        // Schema resolution is an Avro rule: a v1 JSON envelope needs an upcast, so it is dead-lettered, not guessed.
        var letter = Assert.Single(harness.ReadAll("crm.notes.dlt", 1, 1));
        Assert.Equal("undecodable", letter.Header(DeadLetterHeaders.Reason));
        Assert.Contains("schema resolution applies to Avro only", letter.Header(DeadLetterHeaders.ExceptionMessage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_registered_for_the_old_version_keeps_it_over_the_resolving_reader()
    {
        await using var harness = ConsumerHarness.Start(new EmbeddedTopic("notes-split", 1));
        var v1 = new Received<CustomerNoteV1>();
        var v2 = new Received<CustomerNoteV2>();
        await harness.ProduceAsync("notes-split", new CustomerNoteV1(Guid.NewGuid(), "one"));
        await harness.ProduceAsync("notes-split", new CustomerNoteV2(Guid.NewGuid(), "two"));

        await harness.StartConsumerAsync("crm-split", consumer => consumer
            .Subscribe("notes-split")
            .AddHandler<CustomerNoteV2>(v2.Add)
            .AddHandler<CustomerNoteV1>(v1.Add));

        await ConsumerHarness.WaitUntil(() => v1.Count == 1 && v2.Count == 1, "each version reaches its own handler");
        Assert.Equal("one", v1.Items.Single().Message.Text);
        Assert.Equal("two", v2.Items.Single().Message.Text);
    }
}
