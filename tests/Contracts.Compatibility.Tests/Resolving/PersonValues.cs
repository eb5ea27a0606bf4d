using System;
using System.Collections.Generic;
using System.Linq;

namespace Contracts.Compatibility.Tests.Resolving;

/// <summary>Deterministic old-version values, from empty and null-heavy to full, for the resolution tests.</summary>
internal static class PersonValues
{
    public static IEnumerable<PersonV1> V1(int count)
    {
        yield return new PersonV1(Guid.Empty, string.Empty, 0, 0f, 0, string.Empty, ColorV1.Red, [], new Dictionary<string, int>(), null, null, [], [], string.Empty);
        yield return new PersonV1(
            Guid.Parse("6f1c2a9e-0b7d-4c55-9a3e-1f2d3c4b5a69"), "Ada", int.MaxValue, float.MaxValue, long.MaxValue, "ada@example.org", ColorV1.Purple,
            [new AddressV1("Main", int.MinValue), new AddressV1("Side", 7)], new Dictionary<string, int> { ["a"] = int.MinValue, ["b"] = 1 },
            "ada", new AddressV1("Home", 1), [ColorV1.Purple, ColorV1.Blue, ColorV1.Red, ColorV1.Green], "avatar"u8.ToArray(), "legacy");

        var random = new Random(4);
        for (var i = 0; i < count; i++)
        {
            yield return new PersonV1(
                new Guid(Bytes(random, 16)),
                Text(random),
                random.Next(int.MinValue, int.MaxValue),
                (float)(random.NextDouble() * 1000),
                random.NextInt64(long.MinValue, long.MaxValue),
                Text(random),
                (ColorV1)random.Next(4),
                Enumerable.Range(0, random.Next(4)).Select(_ => new AddressV1(Text(random), random.Next())).ToArray(),
                Enumerable.Range(0, random.Next(4)).ToDictionary(k => "k" + k, _ => random.Next(int.MinValue, int.MaxValue)),
                random.Next(2) == 0 ? null : Text(random),
                random.Next(2) == 0 ? null : new AddressV1(Text(random), random.Next()),
                Enumerable.Range(0, random.Next(5)).Select(_ => (ColorV1)random.Next(4)).ToList(),
                System.Text.Encoding.UTF8.GetBytes(Text(random)),
                Text(random));
        }
    }

    public static IEnumerable<PersonV2> V2(int count)
    {
        var random = new Random(5);
        foreach (var v1 in V1(count))
        {
            yield return PersonV2.Descriptor.ReadAvro(Avro.AvroSerializer.Serialize(v1), 1) with
            {
                Rank = random.Next(),
                Motto = random.Next(2) == 0 ? null : Text(random),
                Tags = random.Next(2) == 0 ? null : [Text(random), Text(random)],
            };
        }
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // Mixed scripts so the string paths handle multi-byte UTF-8.
    internal static string Text(Random random)
    {
        const string Alphabet = "abcxyzABC 0189-_éßøΩЖ中文🙂";
        var length = random.Next(12);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var index = random.Next(Alphabet.Length);
            if (char.IsSurrogate(Alphabet[index]))
            {
                index = char.IsHighSurrogate(Alphabet[index]) ? index : index - 1;
                text.Append(Alphabet, index, 2);
            }
            else
            {
                text.Append(Alphabet[index]);
            }
        }

        return text.ToString();
    }
}
