using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.ContractInterop;

/// <summary>
/// Corrupt input through generated readers: one ContractDecodeException naming the byte offset and the field path,
/// e.g. a broken length of <c>addresses[1].street</c> says exactly that.
/// </summary>
public sealed class GeneratedReaderBadInputTests
{
    private const string Marker = "MARKER-STREET-1"; // 15 bytes: a one-byte length prefix (0x1E)

    [Theory]
    [InlineData("fe ff ff ff 0f", "is larger than the")]
    [InlineData("01", "the string length is negative (-1)")]
    public void Broken_string_length_inside_a_list_item_names_the_item_and_field(string replacement, string reason)
    {
        var value = Collections(addresses: [new Address("A", 1), new Address(Marker, 2)]);
        var (bytes, at) = ReplaceLengthOf(AvroSerializer.Serialize(value), Marker, replacement);
        var error = Fails<CollectionsV1>(bytes, at, reason);
        Assert.Equal("addresses[1].street", error.FieldPath);
        Assert.Contains("in field 'addresses[1].street'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_inside_a_map_value_names_the_map_key_and_field()
    {
        var value = Collections(places: new Dictionary<string, Address> { ["home"] = new("H", 1), ["work"] = new(Marker, 2) });
        var bytes = AvroSerializer.Serialize(value);
        var at = IndexOf(bytes, Marker);
        bytes[at] = 0xFF;
        var error = Fails<CollectionsV1>(bytes, at - 1, "not valid UTF-8");
        Assert.Equal("places[\"work\"].street", error.FieldPath);
    }

    [Fact]
    public void Map_key_with_quotes_is_escaped_in_the_path()
    {
        var value = Collections(places: new Dictionary<string, Address> { ["say \"hi\""] = new(Marker, 2) });
        var (bytes, at) = ReplaceLengthOf(AvroSerializer.Serialize(value), Marker, "01");
        var error = Fails<CollectionsV1>(bytes, at, "negative");
        Assert.Equal("places[\"say \\\"hi\\\"\"].street", error.FieldPath);
    }

    [Fact]
    public void Map_with_a_repeated_key_is_rejected_at_the_repeated_key()
    {
        var bytes = AvroSerializer.Serialize(Collections(counts: new Dictionary<string, int> { ["k1"] = 1, ["k2"] = 2 }));
        var k2 = IndexOf(bytes, "k2");
        bytes[k2 + 1] = (byte)'1'; // the second key now repeats the first
        var error = Fails<CollectionsV1>(bytes, k2 - 1, "k1");
        Assert.Equal("counts[\"k1\"]", error.FieldPath);
    }

    [Fact]
    public void Unknown_enum_symbol_inside_a_list_names_the_item()
    {
        var value = Collections(suits: [Suit.Spades, Suit.Hearts, Suit.Clubs]);
        var bytes = AvroSerializer.Serialize(value);
        // suits is the last field: block count 3, indexes 0 1 3, end of array.
        Assert.Equal(Convert.FromHexString("0600020600"), bytes[^5..]);
        bytes[^2] = 0x08;
        var error = Fails<CollectionsV1>(bytes, bytes.Length - 2, "enum symbol index 4 is out of range; the enum has 4 symbols");
        Assert.Equal("suits[2]", error.FieldPath);
    }

    [Fact]
    public void Unknown_union_branch_names_the_nullable_field()
    {
        var bytes = AvroSerializer.Serialize(AllNull());
        // Nineteen nullable fields, all null: one 0x00 branch index each; home is the 14th.
        Assert.Equal(new byte[19], bytes);
        bytes[13] = 0x04;
        var error = Fails<NullablesV1>(bytes, 13, "union branch index 2 is out of range; the union has 2 branches");
        Assert.Equal("home", error.FieldPath);
    }

    [Fact]
    public void Bad_boolean_names_its_field()
    {
        var value = ContractValues.Scalars.Single();
        var bytes = AvroSerializer.Serialize(value);
        const int flagOffset = 37; // after the uuid: one length byte and 36 characters
        Assert.Equal(value.Flag ? 1 : 0, bytes[flagOffset]);
        bytes[flagOffset] = 0x05;
        var error = Fails<ScalarsV1>(bytes, flagOffset, "a boolean must be byte 0 or 1, found 0x05");
        Assert.Equal("flag", error.FieldPath);
    }

    [Fact]
    public void Broken_length_deep_in_a_recursive_record_names_the_whole_path()
    {
        var tree = new TreeV1(new TreeNode("r", [new TreeNode("c", [], new TreeNode(Marker, []))]), 3);
        var (bytes, at) = ReplaceLengthOf(AvroSerializer.Serialize(tree), Marker, "c8 01");
        var error = Fails<TreeV1>(bytes, at, "the string length 100 is larger than the");
        Assert.Equal("root.children[0].next.label", error.FieldPath);
    }

    [Fact]
    public void Nesting_past_MaxDepth_is_rejected_with_the_path_to_where_it_happened()
    {
        var node = new TreeNode("leaf", []);
        for (var i = 0; i < 10; i++)
        {
            node = new TreeNode("n" + i, [], node);
        }

        var bytes = AvroSerializer.Serialize(new TreeV1(node, 10));
        Assert.Equal(10, AvroSerializer.Deserialize<TreeV1>(bytes).Depth);
        var error = Assert.Throws<ContractDecodeException>(() => AvroSerializer.Deserialize<TreeV1>(bytes, new AvroReaderOptions { MaxDepth = 5 }));
        Assert.Contains("nesting is deeper than the limit of 5", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("root.next.next", error.FieldPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_declared_collection_fails_before_allocating_it()
    {
        var value = Collections();
        var bytes = AvroSerializer.Serialize(value);
        // numbers is the first field and empty: its single 0x00 becomes a block of int.MaxValue ints.
        Assert.Equal(0, bytes[0]);
        var hostile = Convert.FromHexString("feffffff0f").Concat(bytes[1..]).ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Fails<CollectionsV1>(hostile, 0, "items");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "the reader allocated for the declared count");
        Assert.Equal("numbers", error.FieldPath);
    }

    [Fact]
    public void Collection_over_MaxCollectionLength_names_the_field()
    {
        var bytes = AvroSerializer.Serialize(Collections(names: ["a", "b", "c"]));
        var error = Assert.Throws<ContractDecodeException>(() => AvroSerializer.Deserialize<CollectionsV1>(bytes, new AvroReaderOptions { MaxCollectionLength = 2 }));
        Assert.Contains("more than the limit of 2", error.Reason, StringComparison.Ordinal);
        Assert.Equal("names", error.FieldPath);
    }

    [Fact]
    public void Trailing_bytes_after_a_contract_are_rejected_at_the_root()
    {
        var bytes = AvroSerializer.Serialize(new UnkeyedV1("x")).Append((byte)0).ToArray();
        var error = Fails<UnkeyedV1>(bytes, bytes.Length - 1, "1 bytes remain after the end of the message");
        Assert.Equal(string.Empty, error.FieldPath);
    }

    [Fact]
    public void Error_offsets_in_a_segmented_input_count_from_the_start_of_the_whole_input()
    {
        var value = Collections(addresses: [new Address("A", 1), new Address(Marker, 2)]);
        var (bytes, at) = ReplaceLengthOf(AvroSerializer.Serialize(value), Marker, "01");
        var error = Assert.Throws<ContractDecodeException>(() => AvroSerializer.Deserialize<CollectionsV1>(SegmentedSequence.Split(bytes, new Random(7))));
        Assert.Equal(at, error.Offset);
        Assert.Equal("addresses[1].street", error.FieldPath);
    }

    [Fact]
    public void Random_bytes_through_every_generated_reader_raise_only_ContractDecodeException() =>
        Gen.Byte.Array[0, 80].Sample(
            bytes =>
            {
                OnlyDecodeErrors<ScalarsV1>(bytes);
                OnlyDecodeErrors<NullablesV1>(bytes);
                OnlyDecodeErrors<CollectionsV1>(bytes);
                OnlyDecodeErrors<TreeV1>(bytes);
                OnlyDecodeErrors<RenamedV3>(bytes);
            },
            iter: 5_000);

    [Fact]
    public void Mutated_scalars_raise_only_ContractDecodeException() => MutationsRaiseOnlyDecodeErrors(ContractValues.Scalars);

    [Fact]
    public void Mutated_nullables_raise_only_ContractDecodeException() => MutationsRaiseOnlyDecodeErrors(ContractValues.Nullables);

    [Fact]
    public void Mutated_collections_raise_only_ContractDecodeException() => MutationsRaiseOnlyDecodeErrors(ContractValues.Collections, iterations: 1_000);

    [Fact]
    public void Mutated_trees_raise_only_ContractDecodeException() => MutationsRaiseOnlyDecodeErrors(ContractValues.Tree);

    [Fact]
    public void Every_truncation_of_a_contract_raises_ContractDecodeException() =>
        ContractValues.Collections.Sample(
            value =>
            {
                var bytes = AvroSerializer.Serialize(value);
                for (var length = 0; length < bytes.Length; length++)
                {
                    var prefix = bytes[..length];
                    var error = Assert.Throws<ContractDecodeException>(() => AvroSerializer.Deserialize<CollectionsV1>(prefix));
                    Assert.InRange(error.Offset, 0, length);
                }
            },
            iter: 30);

    private static void MutationsRaiseOnlyDecodeErrors<T>(Gen<T> values, long iterations = 3_000)
        where T : IMessageContract<T> =>
        Gen.Select(values, Gen.Int[0, 1_000_000], Gen.Byte, Gen.Int[0, 3]).Sample(
            (value, position, replacement, kind) =>
            {
                var bytes = AvroSerializer.Serialize(value);
                if (bytes.Length == 0)
                {
                    return;
                }

                var at = position % bytes.Length;
                byte[] mutated = kind switch
                {
                    0 => [.. bytes[..at], replacement, .. bytes[(at + 1)..]],
                    1 => [.. bytes[..at], .. bytes[(at + 1)..]],
                    2 => [.. bytes[..at], replacement, .. bytes[at..]],
                    _ => [.. bytes[..at], 0xFE, 0xFF, 0xFF, 0xFF, 0x0F, .. bytes[(at + 1)..]],
                };
                OnlyDecodeErrors<T>(mutated);
            },
            iter: iterations);

    private static void OnlyDecodeErrors<T>(byte[] bytes)
        where T : IMessageContract<T>
    {
        try
        {
            AvroSerializer.Deserialize<T>(bytes);
        }
        catch (ContractDecodeException error)
        {
            Assert.InRange(error.Offset, 0, bytes.Length);
            Assert.Equal(ContractFormat.Avro, error.Format);
        }
    }

    private static ContractDecodeException Fails<T>(byte[] bytes, int offset, string reason)
        where T : IMessageContract<T>
    {
        var error = Assert.Throws<ContractDecodeException>(() => AvroSerializer.Deserialize<T>(bytes));
        Assert.True(error.Reason.Contains(reason, StringComparison.Ordinal), $"expected \"{reason}\" in: {error.Reason}");
        Assert.True(error.Offset == offset, $"expected offset {offset}, got {error.Offset}: {error.Message}");
        return error;
    }

    private static (byte[] Bytes, int LengthOffset) ReplaceLengthOf(byte[] bytes, string text, string replacementHex)
    {
        var at = IndexOf(bytes, text) - 1;
        Assert.Equal(Encoding.UTF8.GetByteCount(text) << 1, bytes[at]);
        return ([.. bytes[..at], .. Convert.FromHexString(replacementHex.Replace(" ", string.Empty, StringComparison.Ordinal)), .. bytes[(at + 1)..]], at);
    }

    private static int IndexOf(byte[] bytes, string text)
    {
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text));
        Assert.True(at > 0, $"'{text}' is not in the encoding");
        return at;
    }

    private static CollectionsV1 Collections(
        Address[]? addresses = null,
        Dictionary<string, Address>? places = null,
        Suit[]? suits = null,
        List<string>? names = null,
        Dictionary<string, int>? counts = null) =>
        new([], names ?? [], addresses ?? [], ImmutableArray<long>.Empty, counts ?? [], places ?? [], [], [], [], [.. suits ?? []]);

    private static NullablesV1 AllNull() => new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
