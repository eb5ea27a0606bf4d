using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using Contracts.Avro;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Reader;

/// <summary>
/// Random and mutated input through every reader method: the only failure allowed is ContractDecodeException with an
/// offset inside the input. Any other exception (IndexOutOfRange, Overflow, ArgumentOutOfRange, OutOfMemory...) fails
/// the property, and CsCheck shrinks it to a minimal schema and input.
/// </summary>
public sealed class AvroReaderFuzzTests
{
    private static readonly Gen<AvroReaderOptions> Options = Gen.Frequency(
        (4, Gen.Const(AvroReaderOptions.Default)),
        (1, Gen.Select(Gen.Int[0, 4], Gen.Int[0, 8], (depth, items) => new AvroReaderOptions { MaxDepth = depth, MaxCollectionLength = items })));

    private static readonly Gen<Mutation> Mutations = Gen.OneOf(
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 7]).Select((at, bit) => new Mutation($"flip bit {bit} at {at}", bytes => FlipBit(bytes, at, bit))),
        Gen.Select(Gen.Int[0, 1_000_000], Gen.OneOfConst<byte>(0x00, 0x01, 0x02, 0x7F, 0x80, 0xFE, 0xFF)).Select((at, value) => new Mutation($"set {value:X2} at {at}", bytes => Set(bytes, at, value))),
        Gen.Int[0, 1_000_000].Select(at => new Mutation($"truncate at {at}", bytes => bytes[..(at % (bytes.Length + 1))])),
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[1, 4]).Select((at, count) => new Mutation($"delete {count} at {at}", bytes => Delete(bytes, at, count))),
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Byte.Array[1, 11]).Select((at, inserted) => new Mutation($"insert {Convert.ToHexString(inserted)} at {at}", bytes => Insert(bytes, at, inserted))),
        Gen.Select(Gen.Int[0, 1_000_000], Gen.OneOfConst(
            new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0x0F }, // int.MaxValue: a huge length or count
            new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, // long.MaxValue
            new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, // long.MinValue
            new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 }, // endless varint
            new byte[] { 0x01 })) // -1: a negative length or count
            .Select((at, value) => new Mutation($"overwrite with {Convert.ToHexString(value)} at {at}", bytes => Overwrite(bytes, at, value))));

    [Fact]
    public void Random_bytes_under_random_schemas_raise_only_ContractDecodeException() =>
        Gen.Select(Shape.Any, Gen.Byte.Array[0, 64], Options).Sample(
            (shape, bytes, options) => ReadExpectingOnlyDecodeErrors(shape, bytes, options),
            iter: 20_000);

    [Fact]
    public void Mutated_valid_encodings_raise_only_ContractDecodeException() =>
        Gen.Select(Shape.Any, Gen.Int, Mutations.Array[1, 4], Options).Sample(
            (shape, seed, mutations, options) =>
            {
                var valid = Encode(shape, seed);
                ReadExpectingOnlyDecodeErrors(shape, valid, AvroReaderOptions.Default, mustSucceed: true);
                var mutated = mutations.Aggregate(valid, (bytes, mutation) => mutation.Apply(bytes));
                ReadExpectingOnlyDecodeErrors(shape, mutated, options);
            },
            iter: 20_000);

    [Fact]
    public void Every_truncation_of_a_valid_encoding_raises_ContractDecodeException() =>
        Gen.Select(Shape.Any, Gen.Int).Sample(
            (shape, seed) =>
            {
                var valid = Encode(shape, seed);
                for (var length = 0; length < valid.Length; length++)
                {
                    var prefix = valid[..length];
                    var error = Assert.Throws<ContractDecodeException>(() => Read(shape, prefix, AvroReaderOptions.Default));
                    Assert.InRange(error.Offset, 0, length);
                }
            },
            iter: 2_000);

    private static void ReadExpectingOnlyDecodeErrors(Shape shape, byte[] bytes, AvroReaderOptions options, bool mustSucceed = false)
    {
        try
        {
            Read(shape, bytes, options);
        }
        catch (ContractDecodeException error) when (!mustSucceed)
        {
            Assert.InRange(error.Offset, 0, bytes.Length);
            Assert.False(string.IsNullOrWhiteSpace(error.Reason));
            Assert.Contains($"at byte {error.Offset} ", error.Message, StringComparison.Ordinal);
        }
    }

    private static void Read(Shape shape, byte[] bytes, AvroReaderOptions options)
    {
        var reader = new AvroReader(bytes, options);
        shape.Read(ref reader);
        reader.EnsureEnd();
    }

    private static byte[] Encode(Shape shape, int seed)
    {
        var random = new Random(seed);
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        shape.WriteRandom(ref writer, random);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] FlipBit(byte[] bytes, int at, int bit)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        copy[at % copy.Length] ^= (byte)(1 << bit);
        return copy;
    }

    private static byte[] Set(byte[] bytes, int at, byte value)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        copy[at % copy.Length] = value;
        return copy;
    }

    private static byte[] Delete(byte[] bytes, int at, int count)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var start = at % bytes.Length;
        var end = Math.Min(bytes.Length, start + count);
        return [.. bytes.AsSpan(0, start), .. bytes.AsSpan(end)];
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted)
    {
        var start = at % (bytes.Length + 1);
        return [.. bytes.AsSpan(0, start), .. inserted, .. bytes.AsSpan(start)];
    }

    private static byte[] Overwrite(byte[] bytes, int at, byte[] value)
    {
        var start = at % (bytes.Length + 1);
        var end = Math.Min(bytes.Length, start + value.Length);
        return [.. bytes.AsSpan(0, start), .. value, .. bytes.AsSpan(end)];
    }

    private sealed record Mutation(string Description, Func<byte[], byte[]> Apply)
    {
        public override string ToString() => Description;
    }
}
