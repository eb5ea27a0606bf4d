using System;
using System.Linq;
using Contracts.Avro;
using Contracts.Runtime.Tests.ContractInterop;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Avro;

/// <summary>
/// Generated writers put consecutive bounded fields (here <see cref="ScalarsV1"/>'s id to name) in one run: one
/// reservation sized from the strings' lengths, span-level writes, one commit. Errors inside a run still name their
/// field, and text of every length class sizes the run correctly.
/// </summary>
public sealed class GeneratedRunTests
{
    private static readonly ScalarsV1 Sample = ContractValues.Scalars.Single();

    [Fact]
    public void Null_string_inside_a_run_names_its_field()
    {
        var error = Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(Sample with { Name = null! }));
        Assert.Equal("name", error.FieldPath);
        Assert.Contains("null is not allowed", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_surrogate_inside_a_run_names_its_field()
    {
        var error = Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(Sample with { Name = "ab" + (char)0xD83D + "cd" }));
        Assert.Equal("name", error.FieldPath);
        Assert.Contains("unpaired UTF-16 surrogate", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a", 0)]
    [InlineData("a", 63)]
    [InlineData("é", 40)]
    [InlineData("語", 63)]
    [InlineData("😀", 1400)]
    [InlineData("語", 2730)]
    [InlineData("a", 2731)]
    [InlineData("語", 5000)]
    public void Text_of_every_length_class_in_a_run_reads_back_and_Apache_reads_it(string unit, int count)
    {
        var value = Sample with { Name = string.Concat(Enumerable.Repeat(unit, count)) };
        foreach (var seed in new[] { 1, 2 })
        {
            // Small segments make the run's reservation land at every position relative to a segment's end.
            var chunked = new ChunkedBufferWriter(seed);
            AvroSerializer.Serialize(chunked, value);
            Assert.Equal(AvroSerializer.Serialize(value), chunked.WrittenBytes);
        }

        var bytes = AvroSerializer.Serialize(value);
        Assert.Equal(value.Name, AvroSerializer.Deserialize<ScalarsV1>(bytes).Name);
        var schema = global::Avro.Schema.Parse(ScalarsV1.Descriptor.Schema);
        ApacheGeneric.AssertEqual(ContractValues.ToGeneric(value, schema), ApacheGeneric.Read(schema, bytes));
    }
}
