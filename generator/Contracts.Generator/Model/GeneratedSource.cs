namespace Contracts.Generator.Model;

/// <summary>One generated file, kept as a value so the pipeline can tell an unchanged file from a new one.</summary>
internal sealed record GeneratedSource(string HintName, string Text);
