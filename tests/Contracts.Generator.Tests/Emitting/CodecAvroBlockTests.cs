using System;
using System.Linq;
using Contracts.Generator.Model;
using Xunit;
using static Contracts.Generator.Tests.Emitting.CodecModels;

namespace Contracts.Generator.Tests.Emitting;

/// <summary>Reading collections the way other Avro writers may send them, and hostile collection headers.</summary>
public sealed class CodecAvroBlockTests
{
    private const string Source = """
        namespace Acme
        {
            public enum Size { Small, Large }

            public partial record BagV1(string[] Tags, System.Collections.Generic.List<int> Numbers,
                System.Collections.Generic.Dictionary<string, int> Counts, System.Collections.Immutable.ImmutableArray<long> Longs, Size? Size);

            public static class Samples
            {
                public static string Show(BagV1 b) =>
                    string.Join(",", b.Tags) + "|" + string.Join(",", b.Numbers) + "|" +
                    string.Join(",", System.Linq.Enumerable.Select(System.Linq.Enumerable.OrderBy(b.Counts, e => e.Key, System.StringComparer.Ordinal), e => e.Key + "=" + e.Value)) + "|" +
                    string.Join(",", b.Longs) + "|" + (b.Size?.ToString() ?? "null");
            }
        }
        """;

    private static readonly Lazy<CompiledContracts> Compiled = new(() => CodecCompiler.Compile(Source, Contract("Acme", "BagV1", "bag", 1,
        RecordModel("Acme.Bag", "global::Acme.BagV1", false,
            Field("Tags", ArrayOf(ClrShape.Array, Text), 0),
            Field("Numbers", ArrayOf(ClrShape.List, Int), 1),
            Field("Counts", MapOf(ClrShape.Dictionary, Int), 2),
            Field("Longs", ArrayOf(ClrShape.ImmutableArray, Long), 3),
            Field("Size", NullableOf(EnumRef("Acme.Size", "global::Acme.Size"), valueType: true), 4)),
        enums: [EnumModel("Acme.Size", "global::Acme.Size", "Small", "Large")])));

    private static string Read(params byte[] bytes) =>
        (string)Compiled.Value.Call("Acme.Samples", "Show", Compiled.Value.DeserializeAvro("Acme.BagV1", bytes))!;

    private static ContractDecodeException ReadFails(params byte[] bytes) =>
        Assert.Throws<ContractDecodeException>(() => Compiled.Value.DeserializeAvro("Acme.BagV1", bytes));

    // Zig-zag varints of small numbers: n >= 0 -> 2n, n < 0 -> -2n - 1.
    private static byte Z(int n) => (byte)(n >= 0 ? 2 * n : (-2 * n) - 1);

    [Fact]
    public void Reads_collections_split_into_several_blocks_including_blocks_with_a_byte_size()
    {
        var bytes = new[]
        {
            // tags: block of 1 ("a"), block of -2 with byte size 4 ("b", "c"), end
            Z(1), Z(1), (byte)'a', Z(-2), Z(4), Z(1), (byte)'b', Z(1), (byte)'c', Z(0),
            // numbers: block of 2 (1, -1), block of 1 (5), end
            Z(2), Z(1), Z(-1), Z(1), Z(5), Z(0),
            // counts: block of 1 (x=1), block of -1 with size 3 (y=2), end
            Z(1), Z(1), (byte)'x', Z(1), Z(-1), Z(3), Z(1), (byte)'y', Z(2), Z(0),
            // longs: empty
            Z(0),
            // size: union branch 1, symbol 1
            Z(1), Z(1),
        };

        Assert.Equal("a,b,c|1,-1,5|x=1,y=2||Large", Read(bytes));
    }

    [Fact]
    public void A_declared_count_larger_than_the_input_fails_before_allocating()
    {
        // 1000 strings need at least 1000 bytes; none follow.
        var error = ReadFails(0xD0, 0x0F);

        Assert.Equal("tags", error.FieldPath);
        Assert.Equal(0, error.Offset);
        Assert.Contains("remain", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_over_the_configured_limit_fails()
    {
        var bytes = new byte[] { Z(0), Z(3), Z(1), Z(2), Z(3), Z(0), Z(0), Z(0), Z(0) };

        var error = Assert.Throws<ContractDecodeException>(() =>
            Compiled.Value.DeserializeAvro("Acme.BagV1", bytes, new Contracts.Avro.AvroReaderOptions { MaxCollectionLength = 2 }));

        Assert.Equal(("numbers", 1L), (error.FieldPath, error.Offset));
        Assert.Contains("MaxCollectionLength", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_key_that_appears_twice_is_refused()
    {
        var error = ReadFails(Z(0), Z(0), Z(2), Z(1), (byte)'k', Z(1), Z(1), (byte)'k', Z(2), Z(0), Z(0), Z(0));

        Assert.Equal("counts[\"k\"]", error.FieldPath);
        Assert.Equal(6, error.Offset);
    }

    [Fact]
    public void An_unknown_union_branch_or_enum_symbol_is_refused()
    {
        var union = ReadFails(Z(0), Z(0), Z(0), Z(0), Z(2));
        var symbol = ReadFails(Z(0), Z(0), Z(0), Z(0), Z(1), Z(2));

        Assert.Equal(("size", 4L), (union.FieldPath, union.Offset));
        Assert.Equal(("size", 5L), (symbol.FieldPath, symbol.Offset));
        Assert.Contains("union", union.Reason, StringComparison.Ordinal);
        Assert.Contains("enum", symbol.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_an_item_names_the_item()
    {
        var error = ReadFails(Z(2), Z(1), (byte)'a', Z(1), 0xC3, Z(0));

        Assert.Equal("tags[1]", error.FieldPath);
        Assert.Equal(3, error.Offset);
    }
}
