using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing;

/// <summary>
/// What parsing one <c>[Message]</c> type yields: the model (null when an error makes generation impossible, so the
/// build shows our diagnostic instead of a cascade of compile errors in generated code) and the diagnostics.
/// </summary>
internal sealed record ContractParseResult(ContractModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
