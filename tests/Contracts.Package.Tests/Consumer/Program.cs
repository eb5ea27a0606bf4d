// A user's program, built by PackageConsumerTests against the packed Contracts package and nothing else.
using System;
using System.Globalization;
using System.Text;
using Contracts;
using Contracts.Avro;
using Contracts.Json;

namespace PackageConsumer;

/// <summary>A greeting sent between services.</summary>
[Message("greeting", 1, Key = nameof(Id))]
internal sealed partial record GreetingV1(Guid Id, string Text, int Count, string? Note = null);

/// <summary>Prints what the generated code produces; the test compares every line.</summary>
internal static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main()
    {
        var original = new GreetingV1(new Guid("6f1c2b9e-8d4a-4b37-9a51-0c2d3e4f5a6b"), "héllo", 3);

        var bytes = AvroSerializer.Serialize(original);
        var copy = AvroSerializer.Deserialize<GreetingV1>(bytes);

        Show("canonical", GreetingV1.Descriptor.CanonicalSchema);
        Show("fingerprint", GreetingV1.Descriptor.Fingerprint.ToString(CultureInfo.InvariantCulture));
        Show("key fields", string.Join(",", GreetingV1.Descriptor.KeyFields));
        Show("avro", Convert.ToHexString(bytes));
        Show("round trip", copy == original ? "equal" : "different");
        var envelope = JsonEnvelope.Serialize(original);
        Show("json", Encoding.UTF8.GetString(envelope));
        Show("json round trip", JsonEnvelope.Deserialize<GreetingV1>(envelope) == original ? "equal" : "different");
        Show("catalog", string.Join(",", MessageContracts.Catalog));

        try
        {
            AvroSerializer.Deserialize<GreetingV1>(bytes.AsSpan(0, 10));
            Show("truncated", "accepted");
        }
        catch (ContractDecodeException error)
        {
            Show("truncated", "rejected at byte " + error.Offset.ToString(CultureInfo.InvariantCulture) + " in '" + error.FieldPath + "'");
        }

        return copy == original ? 0 : 1;
    }

    private static void Show(string name, string shown) => Console.WriteLine(name + ": " + shown);
}
