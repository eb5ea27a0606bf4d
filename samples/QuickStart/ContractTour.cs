using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using Contracts;
using Contracts.Avro;
using Contracts.Json;
using QuickStart.People;

namespace QuickStart;

/// <summary>Part one of the quick start: two versions of a "person" contract, declared in People/, and everything the build made of them.</summary>
internal static class ContractTour
{
    public static void Run()
    {
        var person = new PersonV2(
            Id: new Guid("2f8e4c1a-9b7d-4e6f-8a3c-5d1b0e9f7a24"),
            FirstName: "Ada",
            LastName: "Lovelace",
            Level: MembershipLevel.Premium,
            Balance: 1815.12m,
            RegisteredAt: new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero),
            Addresses: [new Address("12 St James's Square", "London", "GB"), new Address("Ockham Park", "Ockham", "GB")],
            Email: "ada@example.org");

        Section("Contract");
        var descriptor = PersonV2.Descriptor;
        Console.WriteLine($"{descriptor.MessageType} v{descriptor.Version} ({descriptor.ClrType.Name}), key {descriptor.KeyFormat}: {string.Join(", ", descriptor.KeyFields)}");
        Console.WriteLine($"fingerprint  0x{descriptor.Fingerprint:x16}");
        Console.WriteLine("schema");
        Console.WriteLine(Indented(descriptor.Schema));
        Console.WriteLine("key schema");
        Console.WriteLine(descriptor.KeySchema is null ? "(none)" : Indented(descriptor.KeySchema));

        Section("Avro binary");
        var avro = AvroSerializer.Serialize(person);
        Console.WriteLine($"{avro.Length} bytes: {Convert.ToHexString(avro)}");
        var key = AvroSerializer.SerializeKey(person);
        Console.WriteLine($"key, {key.Length} bytes: {Convert.ToHexString(key)}");
        var fromAvro = AvroSerializer.Deserialize<PersonV2>(avro);
        Console.WriteLine("read back:  " + Describe(fromAvro));
        Console.WriteLine("same value: " + SameValue(person, fromAvro));

        Section("JSON envelope (django-logpipe)");
        var json = JsonEnvelope.Serialize(person);
        Console.WriteLine(Encoding.UTF8.GetString(json));
        var fromJson = JsonEnvelope.Deserialize<PersonV2>(json);
        Console.WriteLine("read back:  " + Describe(fromJson));
        Console.WriteLine("same value: " + SameValue(person, fromJson));

        Section("Catalog of this assembly");
        foreach (var contract in QuickStart.MessageContracts.Catalog)
        {
            Console.WriteLine($"{contract.MessageType} v{contract.Version} -> {contract.ClrType.Name}, fingerprint 0x{contract.Fingerprint:x16}");
        }

        Section("Bad input");
        var truncated = avro.AsSpan(0, avro.Length - 5).ToArray();
        Report("truncated Avro", () => AvroSerializer.Deserialize<PersonV2>(truncated));
        var corrupt = (byte[])avro.Clone();
        corrupt[^1] = 0x7f; // the union branch of Born: 0x7f is branch -64, which the union does not have
        Report("corrupt Avro", () => AvroSerializer.Deserialize<PersonV2>(corrupt));
        Report("v1 bytes read as v2", () => AvroSerializer.Deserialize<PersonV2>(AvroSerializer.Serialize(new PersonV1(person.Id, "Ada Lovelace"))));
        Report("envelope of another version", () => JsonEnvelope.Deserialize<PersonV1>(json));
        var tooPrecise = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json).Replace("\"1815.12\"", "\"1815.125\"", StringComparison.Ordinal));
        Report("JSON decimal beyond its scale", () => JsonEnvelope.Deserialize<PersonV2>(tooPrecise));
    }

    public static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine("== " + title);
    }

    private static string Indented(string schemaJson)
    {
        using var document = JsonDocument.Parse(schemaJson);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Describe(PersonV2 p) => string.Create(
        CultureInfo.InvariantCulture,
        $"{p.FirstName} {p.LastName}, {p.Level}, balance {p.Balance}, since {p.RegisteredAt:O}, {p.Addresses.Count} addresses (first in {p.Addresses[0].City}), email {p.Email ?? "-"}, born {p.Born?.ToString("O", CultureInfo.InvariantCulture) ?? "-"}");

    // Records compare lists by reference, so the addresses are compared item by item.
    private static bool SameValue(PersonV2 a, PersonV2 b) =>
        a with { Addresses = [] } == b with { Addresses = [] } && System.Linq.Enumerable.SequenceEqual(a.Addresses, b.Addresses);

    private static void Report(string what, Func<object> decode)
    {
        try
        {
            decode();
            Console.WriteLine($"{what}: accepted (unexpected)");
        }
        catch (ContractDecodeException error)
        {
            var where = error.FieldPath.Length == 0 ? "the message root" : $"field '{error.FieldPath}'";
            Console.WriteLine($"{what}: {error.GetType().Name} at byte {error.Offset}, {where}");
            Console.WriteLine("  " + error.Message);
        }
    }
}
