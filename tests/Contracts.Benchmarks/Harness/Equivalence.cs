using System;
using System.Text;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// Runs every benchmark once before timing and fails the run unless all Avro writers produce identical bytes and
/// every reader returns the values that were written: a benchmark of code that does different work is worthless.
/// </summary>
internal static class Equivalence
{
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

        benchmarks.SystemTextJsonWrite();
        var json = Encoding.UTF8.GetString(benchmarks.LastOutput);
        Require(json.StartsWith("json:{\"type\":\"order-placed\",\"version\":1,\"message\":{", StringComparison.Ordinal), "System.Text.Json writer", $"wrote an unexpected envelope: {json}");
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
