using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing.Topics;

/// <summary>What parsing one <c>[Topic]</c> class yields: the model (null when an error makes generation impossible) and the diagnostics.</summary>
internal sealed record TopicParseResult(TopicModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
