using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Contracts.Avro;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.ContractInterop;

/// <summary>
/// The generated fast readers (no field tracking; records and arrays on the input span and an offset) and the entry that
/// reads again with the tracking readers on a fault: values in every shape round-trip, arrays of several blocks (with
/// and without byte sizes) read whole through both array shapes, a fault deep inside names the same path and offset
/// however often it is read, and the reader is left where a successful read ends.
/// </summary>
public sealed class GeneratedFastReaderTests
{
    [Fact]
    public void Every_contract_round_trips() =>
        Gen.Select(ContractValues.Scalars, ContractValues.Nullables, ContractValues.Collections, ContractValues.Tree).Sample(
            (scalars, nullables, collections, tree) =>
            {
                Assert.Equal(AvroSerializer.Serialize(scalars), AvroSerializer.Serialize(AvroSerializer.Deserialize<ScalarsV1>(AvroSerializer.Serialize(scalars))));
                Assert.Equal(AvroSerializer.Serialize(nullables), AvroSerializer.Serialize(AvroSerializer.Deserialize<NullablesV1>(AvroSerializer.Serialize(nullables))));
                Assert.Equal(AvroSerializer.Serialize(collections), AvroSerializer.Serialize(AvroSerializer.Deserialize<CollectionsV1>(AvroSerializer.Serialize(collections))));
                Assert.Equal(AvroSerializer.Serialize(tree), AvroSerializer.Serialize(AvroSerializer.Deserialize<TreeV1>(AvroSerializer.Serialize(tree))));
            },
            iter: 300);

    [Fact]
    public void Arrays_of_several_blocks_are_read_whole_in_both_array_shapes()
    {
        var rest = AvroSerializer.Serialize(new CollectionsV1([], [], [], ImmutableArray<long>.Empty, [], new Dictionary<string, Address>(), [], [], [], []));
        Assert.Equal(0, rest[0]); // numbers: empty
        Assert.Equal(0, rest[1]); // names: empty

        // numbers (int[]): a block of 2, a block of -3 with its byte size, a block of 1, the end.
        byte[] numbers = [0x04, 0x02, 0x04, 0x05, 0x06, 0x06, 0x08, 0x0A, 0x02, 0x0C, 0x00];
        // names (List<string>): a block of -1 with its size, a block of 2, the end.
        byte[] names = [0x01, 0x04, 0x06, (byte)'a', (byte)'b', (byte)'c', 0x04, 0x02, (byte)'d', 0x00, 0x00];
        byte[] bytes = [.. numbers, .. names, .. rest[2..]];

        var value = AvroSerializer.Deserialize<CollectionsV1>(bytes);
        Assert.Equal([1, 2, 3, 4, 5, 6], value.Numbers);
        Assert.Equal(["abc", "d", string.Empty], value.Names);

        var reader = new AvroReader(bytes);
        Assert.Equal([1, 2, 3, 4, 5, 6], ReadAvro<CollectionsV1>(ref reader).Numbers);
        Assert.Equal(bytes.Length, reader.Position);
    }

    [Fact]
    public void A_lower_collection_limit_is_enforced_across_blocks()
    {
        var rest = AvroSerializer.Serialize(new CollectionsV1([], [], [], ImmutableArray<long>.Empty, [], new Dictionary<string, Address>(), [], [], [], []));
        byte[] bytes = [0x04, 0x02, 0x04, 0x04, 0x06, 0x08, 0x00, .. rest[1..]];
        Assert.Equal([1, 2, 3, 4], AvroSerializer.Deserialize<CollectionsV1>(bytes, new AvroReaderOptions { MaxCollectionLength = 4 }).Numbers);
        var error = Assert.Throws<ContractDecodeException>(() => AvroSerializer.Deserialize<CollectionsV1>(bytes, new AvroReaderOptions { MaxCollectionLength = 3 }));
        Assert.Equal(3, error.Offset);
        Assert.Equal("numbers[2]", error.FieldPath); // the tracking reader names the index the next block would start at
        Assert.Contains("the collection declares 4 items, more than the limit of 3", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_names_the_same_path_and_offset_on_every_read_and_the_reader_can_be_used_again()
    {
        var tree = new TreeV1(new TreeNode("r", [new TreeNode("c", [], new TreeNode("MARKER", []))]), 3);
        var bytes = AvroSerializer.Serialize(tree);
        var at = bytes.AsSpan().IndexOf("MARKER"u8.ToArray()) - 1;
        bytes[at] = 0x01;
        for (var i = 0; i < 3; i++)
        {
            var error = Assert.Throws<ContractDecodeException>(() => AvroSerializer.Deserialize<TreeV1>(bytes));
            Assert.Equal(at, error.Offset);
            Assert.Equal("root.children[0].next.label", error.FieldPath);
            Assert.Equal("the string length is negative (-1).", error.Reason);
        }

        // Read after another value on the same reader: the entry starts where the reader is.
        var good = AvroSerializer.Serialize(tree);
        byte[] both = [.. good, .. good];
        var reader = new AvroReader(both);
        Assert.Equal(good, AvroSerializer.Serialize(ReadAvro<TreeV1>(ref reader)));
        Assert.Equal(good.Length, reader.Position);
        Assert.Equal(good, AvroSerializer.Serialize(ReadAvro<TreeV1>(ref reader)));
        Assert.Equal(both.Length, reader.Position);
    }

    [Fact]
    public void A_fault_after_a_good_value_on_the_same_reader_is_named_at_its_own_offset()
    {
        var good = AvroSerializer.Serialize(new TreeV1(new TreeNode("a", []), 1));
        var bad = AvroSerializer.Serialize(new TreeV1(new TreeNode("MARKER", []), 1));
        var at = bad.AsSpan().IndexOf("MARKER"u8.ToArray()) - 1;
        bad[at] = 0x01;
        byte[] both = [.. good, .. bad];
        var error = Assert.Throws<ContractDecodeException>(() =>
        {
            var reader = new AvroReader(both);
            ReadAvro<TreeV1>(ref reader);
            ReadAvro<TreeV1>(ref reader);
        });
        Assert.Equal(good.Length + at, error.Offset);
        Assert.Equal("root.label", error.FieldPath);
    }

    private static T ReadAvro<T>(ref AvroReader reader)
        where T : IMessageContract<T> => T.ReadAvro(ref reader);
}
