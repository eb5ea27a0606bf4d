using System;
using System.Text;
using CsCheck;
using Contracts.Json;
using Contracts.Runtime.Tests.Json.Generated;
using Xunit;

namespace Contracts.Runtime.Tests.Json;

/// <summary>Random and mutated envelopes: the readers either decode or raise ContractDecodeException, nothing else.</summary>
public class JsonEnvelopeFuzzTests
{
    private static readonly byte[] Valid = JsonEnvelope.Serialize(new JsonCustomerV3(
        Guid.NewGuid(), "name \u00e9 \U0001F600", 1, 2, 3.5, 4.5f, true, 5.25m, DateTimeOffset.UnixEpoch, DateTime.UnixEpoch, DateTime.UnixEpoch,
        new DateOnly(2000, 1, 1), new TimeOnly(1, 2, 3), [1, 2, 3], JsonCustomerTier.Silver, "nick",
        [new JsonAddress("s", "c"), new JsonAddress("t", null)], new() { ["a"] = 1 }, 7));

    private static void DecodesOrRejects(byte[] input)
    {
        try
        {
            JsonEnvelope.Deserialize<JsonCustomerV3>(input);
        }
        catch (ContractDecodeException error)
        {
            Assert.InRange(error.Offset, 0, input.Length);
            Assert.NotEmpty(error.Message);
        }

        try
        {
            JsonEnvelope.ReadHeader(input);
        }
        catch (ContractDecodeException error)
        {
            Assert.InRange(error.Offset, 0, input.Length);
        }
    }

    [Fact]
    public void The_seed_decodes()
    {
        Assert.Equal("nick", JsonEnvelope.Deserialize<JsonCustomerV3>(Valid).Nickname);
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        for (var length = 0; length < Valid.Length; length++)
        {
            var truncated = Valid.AsSpan(0, length).ToArray();
            Assert.Throws<ContractDecodeException>(() => JsonEnvelope.Deserialize<JsonCustomerV3>(truncated));
        }
    }

    [Fact]
    public void Byte_mutations_decode_or_raise_the_typed_exception()
    {
        Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Byte, Gen.Int[1, 4]).Sample((position, value, count) =>
        {
            var mutated = (byte[])Valid.Clone();
            for (var i = 0; i < count && position + i < mutated.Length; i++)
            {
                mutated[position + i] = (byte)(value + i);
            }

            DecodesOrRejects(mutated);
        }, iter: 5000);
    }

    [Fact]
    public void Structural_mutations_decode_or_raise_the_typed_exception()
    {
        var tokens = new[] { "{", "}", "[", "]", ",", ":", "\"", "null", "1e999", "-", "\\u", "\\ud800", "NaN", " ", "\"x\":1," };
        Gen.Select(Gen.Int[0, Valid.Length], Gen.Int[0, tokens.Length - 1], Gen.Int[0, 8]).Sample((position, token, deleted) =>
        {
            var text = Encoding.UTF8.GetString(Valid);
            position = Math.Min(position, text.Length);
            var mutated = text.Substring(0, position) + tokens[token] + text.Substring(Math.Min(text.Length, position + deleted));
            DecodesOrRejects(Encoding.UTF8.GetBytes(mutated));
        }, iter: 5000);
    }

    [Fact]
    public void Random_bytes_after_the_prefix_raise_the_typed_exception()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            var input = new byte[bytes.Length + 5];
            "json:"u8.CopyTo(input);
            bytes.CopyTo(input, 5);
            DecodesOrRejects(input);
        }, iter: 3000);
    }
}
