using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace Contracts.Package.Tests.Infrastructure;

/// <summary>Runs the <c>dotnet</c> CLI as a child process, the way a user's shell would.</summary>
internal static class DotNetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    // The test host inherits variables from the `dotnet test` that started it; they pin MSBuild to that invocation's
    // state and would make the child build something other than what a user's fresh shell builds.
    private static readonly string[] InheritedPrefixesToDrop = ["MSBUILD", "VSTEST", "TESTINGPLATFORM"];

    private static string Executable => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and returns its output; throws if it fails.</summary>
    public static async Task<string> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = await TryRunAsync(workingDirectory, environment, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`dotnet {string.Join(' ', arguments)}` exited with {result.ExitCode}:{Environment.NewLine}{result.Output}");
        }

        return result.Output;
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; returns its exit code and interleaved output.</summary>
    public static async Task<(int ExitCode, string Output)> TryRunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new List<string>(start.Environment.Keys))
        {
            foreach (var prefix in InheritedPrefixesToDrop)
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment.Remove(name);
                    break;
                }
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(Timeout)) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`dotnet {string.Join(' ', arguments)}` did not finish within {Timeout}:{Environment.NewLine}{Snapshot(output)}");
        }

        // The parameterless wait drains the redirected streams, so the output is complete.
        process.WaitForExit();
        return (process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
