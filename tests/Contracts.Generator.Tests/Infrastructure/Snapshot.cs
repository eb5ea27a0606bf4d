using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated files with checked-in snapshots under <c>Snapshots/&lt;Feature&gt;/&lt;hint&gt;</c>. A mismatch writes
/// <c>&lt;hint&gt;.received.cs</c> next to the expected file and fails with a diff; setting
/// <c>CONTRACTS_UPDATE_SNAPSHOTS=1</c> rewrites the expected files instead (review the git diff afterwards).
/// </summary>
internal static class Snapshot
{
    private const int DiffContext = 3;

    private static bool Updating => Environment.GetEnvironmentVariable("CONTRACTS_UPDATE_SNAPSHOTS") == "1";

    /// <param name="feature">The snapshot folder.</param>
    /// <param name="run">The generator run.</param>
    /// <param name="includeHintName">Which generated files the feature owns; all when null.</param>
    public static void Verify(string feature, GeneratorRunner run, Func<string, bool>? includeHintName = null)
    {
        var folder = Path.Combine(RepositoryPaths.SnapshotsFolder, feature);
        var generated = run.Result.GeneratedSources.Where(s => includeHintName?.Invoke(s.HintName) ?? true).ToDictionary(s => s.HintName, s => Normalize(s.SourceText.ToString()), StringComparer.Ordinal);
        Directory.CreateDirectory(folder);
        var failures = new StringBuilder();
        foreach (var (hintName, actual) in generated.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var expectedPath = Path.Combine(folder, hintName);
            var receivedPath = Path.Combine(folder, Path.GetFileNameWithoutExtension(hintName) + ".received.cs");
            var expected = File.Exists(expectedPath) ? Normalize(File.ReadAllText(expectedPath)) : null;
            if (expected == actual)
            {
                File.Delete(receivedPath);
                continue;
            }

            if (Updating)
            {
                File.WriteAllText(expectedPath, actual);
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, actual);
            failures.Append(expected is null
                ? $"{feature}/{hintName}: no snapshot yet; the generated file was written to {receivedPath}\n"
                : $"{feature}/{hintName} differs from its snapshot (received file: {receivedPath}):\n{Diff(expected, actual)}\n");
        }

        foreach (var stale in Directory.GetFiles(folder, "*.g.cs").Select(Path.GetFileName).Where(name => !generated.ContainsKey(name!)))
        {
            if (Updating)
            {
                File.Delete(Path.Combine(folder, stale!));
            }
            else
            {
                failures.Append($"{feature}/{stale}: the snapshot exists but the generator no longer produces this file\n");
            }
        }

        Assert.True(failures.Length == 0, failures.ToString() + "Run with CONTRACTS_UPDATE_SNAPSHOTS=1 to accept the new output.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A unified-style diff (longest common subsequence of lines), hunks with a few lines of context.</summary>
    internal static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, string Text, int ExpectedLine)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x], x + 1));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                lines.Add(('-', a[x], x + 1));
                x++;
            }
            else
            {
                lines.Add(('+', b[y], x + 1));
                y++;
            }
        }

        var output = new StringBuilder();
        var lastPrinted = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == ' ')
            {
                continue;
            }

            var start = Math.Max(lastPrinted + 1, i - DiffContext);
            if (start > lastPrinted)
            {
                output.Append("@@ expected line ").Append(lines[start].ExpectedLine).Append(" @@\n");
            }

            var end = i;
            while (end + 1 < lines.Count && (lines[end + 1].Kind != ' ' || Enumerable.Range(end + 1, Math.Min(DiffContext * 2, lines.Count - end - 1)).Any(k => lines[k].Kind != ' ')))
            {
                end++;
            }

            end = Math.Min(lines.Count - 1, end + DiffContext);
            for (var k = start; k <= end; k++)
            {
                output.Append(lines[k].Kind).Append(' ').Append(lines[k].Text).Append('\n');
            }

            lastPrinted = end;
            i = end;
        }

        return output.ToString();
    }
}
