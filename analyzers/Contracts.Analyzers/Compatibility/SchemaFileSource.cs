using Contracts.Generator.Parsing.Avsc;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.Compatibility;

/// <summary>
/// Where an <c>.avsc</c> contract comes from: the parsed file (its definitions carry the positions the avsc reader
/// tracked) and its text.
/// </summary>
internal sealed record SchemaFileSource(AvscFile File, SourceText Text);
