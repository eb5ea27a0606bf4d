using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace Contracts.Compatibility.Tests.Oracle;

/// <summary>
/// Runs Apache Avro's Python reference checker (Debian's python3-avro, under the system <c>/usr/bin/python3</c>) over a
/// batch of schema pairs in one process. A missing interpreter or package fails loudly: the oracle test must never
/// pass by not running.
/// </summary>
internal static class PythonAvroOracle
{
    private const string Python = "/usr/bin/python3";

    public static IReadOnlyList<string> Verdicts(IReadOnlyList<(string Reader, string Writer)> pairs)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException(Python + " is missing; the compatibility oracle needs Debian's python3 with python3-avro (apt-get install -y python3-avro).");
        }

        var script = Path.Combine(AppContext.BaseDirectory, "Oracle", "avro_oracle.py");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);

        var input = new List<string[]>(pairs.Count);
        foreach (var (reader, writer) in pairs)
        {
            input.Add(new[] { reader, writer });
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Python);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(JsonSerializer.Serialize(input));
        process.StandardInput.Close();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            throw new TimeoutException("the python3-avro oracle did not answer within 120 s");
        }

        if (process.ExitCode == 3)
        {
            throw new InvalidOperationException("python3-avro is not installed for " + Python + ": " + stderr.Result.Trim() +
                " — the compatibility oracle test cannot run without it (CI installs it in .ci/run).");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("the python3-avro oracle failed with exit code " + process.ExitCode + ": " + stderr.Result);
        }

        var verdicts = JsonSerializer.Deserialize<string[]>(stdout.Result) ?? throw new InvalidOperationException("the oracle printed no verdicts");
        if (verdicts.Length != pairs.Count)
        {
            throw new InvalidOperationException("the oracle returned " + verdicts.Length + " verdicts for " + pairs.Count + " pairs");
        }

        return verdicts;
    }
}
