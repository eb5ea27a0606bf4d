using System;
using System.Text;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// Runs every benchmark once before timing and fails the run unless all Avro writers produce identical bytes and
/// every reader returns the values that were written: a benchmark of code that does different work is worthless.
/// </summary>
internal static class Equivalence
{
    private const string EnvelopeStart = "json:{\"type\":\"order-placed\",\"version\":1,\"message\":{";

    public static void Check(OrderPlacedBenchmarks benchmarks)
    {
        var expected = benchmarks.AvroBytes.ToArray();

        benchmarks.ApacheGenericWrite();
        Require(benchmarks.LastApacheOutput.SequenceEqual(expected), "Apache.Avro generic writer", "wrote bytes that differ from the specific writer's");

        benchmarks.ContractsAvroWrite();
        Require(benchmarks.LastOutput.SequenceEqual(expected), "Contracts Avro writer", "wrote bytes that differ from Apache.Avro's");

        Require(SampleOrder.Difference(benchmarks.ApacheSpecificRead()), "Apache.Avro specific reader");
        Require(SampleOrder.Difference(benchmarks.ContractsAvroRead()), "Contracts Avro reader");
        Require(SampleOrder.Difference(benchmarks.ApacheGenericRead()), "Apache.Avro generic reader");
        Require(SampleOrder.Difference(benchmarks.SystemTextJsonRead().Message), "System.Text.Json reader");
        Require(SampleOrder.Difference(benchmarks.ContractsJsonRead()), "Contracts JSON envelope reader");

        // Reading allocates the returned objects and nothing else: exactly what building the same graph by hand costs.
        var contract = benchmarks.ContractsAvroRead();
        var graph = AllocatedBy(() => SampleOrder.CopyDeep(contract));
        var read = AllocatedBy(() => benchmarks.ContractsAvroRead());
        Console.WriteLine($"// Contracts Avro read allocates {read} B; building the same object graph by hand allocates {graph} B.");
        Require(read <= graph, "Contracts Avro reader", $"allocates {read} B where the object graph it returns takes {graph} B");
        var writes = AllocatedBy(() => benchmarks.ContractsAvroWrite()) + AllocatedBy(() => benchmarks.ContractsJsonWrite());
        Require(writes == 0, "Contracts writers", $"allocate {writes} B writing to a reused buffer");

        benchmarks.SystemTextJsonWrite();
        var json = Encoding.UTF8.GetString(benchmarks.LastOutput);
        Require(json.StartsWith(EnvelopeStart, StringComparison.Ordinal), "System.Text.Json writer", $"wrote an unexpected envelope: {json}");

        benchmarks.ContractsJsonWrite();
        var envelope = Encoding.UTF8.GetString(benchmarks.LastOutput);
        Require(envelope.StartsWith(EnvelopeStart, StringComparison.Ordinal), "Contracts JSON envelope writer", $"wrote an unexpected envelope: {envelope}");

        // The two documents differ only where the envelope follows Python/DRF (decimal as a string with exactly
        // its scale, timestamps as isoformat with microseconds and "Z"); same fields, same order, similar size.
        Require(Math.Abs(envelope.Length - json.Length) < json.Length / 10, "Contracts JSON envelope writer", $"wrote {envelope.Length} characters where System.Text.Json wrote {json.Length}: {envelope} vs {json}");
    }

    /// <summary>
    /// Bytes allocated by one call of <paramref name="action"/> after warm-up, so the run's log shows what a read costs
    /// against the bare object graph it returns.
    /// </summary>
    public static long AllocatedBy(Action action)
    {
        for (var i = 0; i < 100; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Require(string? difference, string who)
    {
        if (difference is not null)
        {
            throw new InvalidOperationException($"{who} does not round-trip the sample order: {difference}");
        }
    }

    private static void Require(bool condition, string who, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{who} {problem}.");
        }
    }
}
