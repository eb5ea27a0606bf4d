using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Testing;

namespace Contracts.Analyzers.Tests.Infrastructure;

/// <summary>
/// What the Contracts props give a real project: the MSBuild properties the analyzers read and the shipped baseline as
/// AdditionalFiles marked <c>ContractsShippedSchema=true</c>, expressed as the global analyzer config the SDK writes.
/// </summary>
internal sealed class ProjectSetup
{
    public const string ShippedDirectory = "/proj/schemas/shipped/";

    private readonly List<(string Path, string Text)> _shipped = [];

    public string? Mode { get; init; }

    public ProjectSetup Ship(string relativePath, string text)
    {
        _shipped.Add((ShippedDirectory + relativePath, text));
        return this;
    }

    public void ApplyTo(SolutionState state)
    {
        var config = new StringBuilder("is_global = true\n");
        config.Append("build_property.ContractsShippedSchemasDirectory = ").Append(ShippedDirectory).Append('\n');
        if (Mode is not null)
        {
            config.Append("build_property.ContractsCompatibility = ").Append(Mode).Append('\n');
        }

        foreach (var (path, text) in _shipped)
        {
            state.AdditionalFiles.Add((path, text));
            config.Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.ContractsShippedSchema = true\n");
        }

        state.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
    }
}
