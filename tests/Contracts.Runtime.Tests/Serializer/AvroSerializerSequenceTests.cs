using System;
using System.Buffers;
using Contracts.Avro;
using Contracts.Runtime.Tests.ContractInterop;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Serializer;

public sealed class AvroSerializerSequenceTests
{
    private static readonly global::Avro.Schema CollectionsSchema = global::Avro.Schema.Parse(CollectionsV1.Descriptor.Schema);

    [Fact]
    public void Single_and_multi_segment_sequences_decode_like_the_span() =>
        Gen.Select(ContractValues.Collections, Gen.Int).Sample(
            (value, seed) =>
            {
                var bytes = AvroSerializer.Serialize(value);
                var schema = CollectionsSchema;
                var expected = ApacheGeneric.Read(schema, bytes);
                ApacheGeneric.AssertEqual(expected, ContractValues.ToGeneric(AvroSerializer.Deserialize<CollectionsV1>(new ReadOnlySequence<byte>(bytes)), schema));
                ApacheGeneric.AssertEqual(expected, ContractValues.ToGeneric(AvroSerializer.Deserialize<CollectionsV1>(SegmentedSequence.Split(bytes, new Random(seed))), schema));
            },
            iter: 100);

    [Fact]
    public void Sequence_longer_than_one_message_can_hold_is_rejected_without_copying()
    {
        // Two one-byte segments whose running indexes claim more than int.MaxValue bytes in between.
        var first = new FakeSegment(new byte[] { 2 }, 0);
        var last = new FakeSegment(new byte[] { 4 }, (long)int.MaxValue + 10);
        first.Link(last);
        var sequence = new ReadOnlySequence<byte>(first, 0, last, 1);
        var error = Assert.Throws<ContractDecodeException>(() => AvroSerializer.Deserialize<UnkeyedV1>(sequence));
        Assert.Equal(0, error.Offset);
        Assert.Contains("more than one message can hold", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_bytes_in_a_segmented_input_are_rejected_at_their_offset()
    {
        var bytes = AvroSerializer.Serialize(new UnkeyedV1("hello"));
        byte[] withTrailing = [.. bytes, 0, 0];
        var error = Assert.Throws<ContractDecodeException>(() => AvroSerializer.Deserialize<UnkeyedV1>(SegmentedSequence.Split(withTrailing, new Random(3))));
        Assert.Equal(bytes.Length, error.Offset);
        Assert.Contains("2 bytes remain after the end of the message", error.Reason, StringComparison.Ordinal);
    }

    private sealed class FakeSegment : ReadOnlySequenceSegment<byte>
    {
        public FakeSegment(byte[] memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void Link(FakeSegment next) => Next = next;
    }
}
