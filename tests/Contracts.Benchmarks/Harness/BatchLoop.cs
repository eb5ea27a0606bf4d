using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// <c>--loop &lt;read|write|apache-read|apache-write&gt; &lt;count&gt;</c>: warms one Avro benchmark (ours or Apache.Avro's specific) up until the JIT has compiled its final
/// tier, then runs it <c>count</c> times in batches of 1,000 and prints the fastest batch's time per operation. Run two
/// builds in alternation on a busy machine and compare the minimums: the fastest batch is the one the other processes
/// disturbed least. (Instruction counts under valgrind would not depend on load, but the JIT does not inline under
/// valgrind here, so they describe different machine code from what runs natively.)
/// </summary>
internal static class BatchLoop
{
    public const string Switch = "--loop";

    private const int BatchSize = 1_000;

    public static int Run(string operation, int count)
    {
        var benchmarks = new OrderPlacedBenchmarks();
        benchmarks.Setup();
        Func<object> body = operation switch
        {
            "read" => benchmarks.ContractsAvroRead,
            "write" => () => benchmarks.ContractsAvroWrite(),
            "apache-read" => benchmarks.ApacheSpecificRead,
            "apache-write" => () => benchmarks.ApacheSpecificWrite(),
            _ => throw new ArgumentException("--loop takes 'read', 'write', 'apache-read' or 'apache-write', not '" + operation + "'.", nameof(operation)),
        };

        // Tiered compilation promotes hot methods on a background thread after a delay: rounds of calls with pauses
        // give it the time it needs.
        for (var round = 0; round < 6; round++)
        {
            for (var i = 0; i < 2_000; i++)
            {
                body();
            }

            Thread.Sleep(200);
        }

        object? last = null;
        var fastest = long.MaxValue;
        for (var done = 0; done < count; done += BatchSize)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < BatchSize; i++)
            {
                last = body();
            }

            fastest = Math.Min(fastest, Stopwatch.GetTimestamp() - start);
        }

        GC.KeepAlive(last);
        var nanoseconds = fastest * 1e9 / Stopwatch.Frequency / BatchSize;
        Console.WriteLine(operation + ": fastest batch " + nanoseconds.ToString("F1", CultureInfo.InvariantCulture) + " ns/op");
        return 0;
    }
}
