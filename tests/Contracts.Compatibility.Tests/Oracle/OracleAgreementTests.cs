using System.Collections.Generic;
using System.Linq;
using System.Text;
using Contracts.Generator.Compatibility;
using Xunit;

namespace Contracts.Compatibility.Tests.Oracle;

/// <summary>
/// Our checker must give the same verdict as Apache Avro's reference checker (python3-avro's
/// <c>ReaderWriterCompatibilityChecker</c>, a port of Java's <c>SchemaCompatibility</c>) on every pair of a corpus of
/// hand-written cases per rule and generated schema evolutions, each run in both directions.
/// </summary>
public sealed class OracleAgreementTests
{
    private const int GeneratedEvolutions = 400;

    [Fact]
    public void Every_verdict_agrees_with_python3_avro()
    {
        var cases = new List<(string Name, string Reader, string Writer)>();
        foreach (var (rule, a, b) in HandWrittenPairs.All())
        {
            cases.Add((rule + " (a reads b)", a, b));
            cases.Add((rule + " (b reads a)", b, a));
        }

        var handWritten = cases.Count;
        foreach (var (mutation, original, mutated) in new GeneratedSchemas(seed: 20261123).Pairs(GeneratedEvolutions))
        {
            cases.Add((mutation + " (new reads old)", mutated, original));
            cases.Add((mutation + " (old reads new)", original, mutated));
        }

        var reference = PythonAvroOracle.Verdicts(cases.Select(c => (c.Reader, c.Writer)).ToList());

        var disagreements = new StringBuilder();
        var disagreementCount = 0;
        var compatible = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var (name, reader, writer) = cases[i];
            string ours;
            try
            {
                ours = SchemaCompatibility.CanRead(reader, writer).IsCompatible ? "compatible" : "incompatible";
            }
            catch (AvroSchemaParseException e)
            {
                ours = "invalid: " + e.Message;
            }

            compatible += ours == "compatible" ? 1 : 0;
            if (ours != reference[i])
            {
                disagreementCount++;
                if (disagreementCount <= 15)
                {
                    disagreements.AppendLine("#" + i + " " + name + ": ours " + ours + ", python3-avro " + reference[i])
                        .AppendLine("  reader " + reader).AppendLine("  writer " + writer);
                }
            }
        }

        Assert.True(disagreementCount == 0, disagreementCount + " of " + cases.Count + " verdicts disagree:\n" + disagreements);
        Assert.True(handWritten >= 150, "hand-written cases: " + handWritten);
        Assert.True(cases.Count >= 300, "cases: " + cases.Count);
        Assert.DoesNotContain(reference, v => v.StartsWith("invalid", System.StringComparison.Ordinal));

        // A corpus where nearly everything is compatible (or nothing is) would prove little.
        Assert.InRange(compatible, cases.Count / 4, cases.Count * 3 / 4);
    }
}
