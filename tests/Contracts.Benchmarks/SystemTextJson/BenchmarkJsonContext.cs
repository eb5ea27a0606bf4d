using System.Text.Json.Serialization;

namespace Contracts.Benchmarks.SystemTextJson;

/// <summary>
/// System.Text.Json source generation for the benchmark record, set up to produce what the envelope carries:
/// camelCase names (the Avro field names), enums as their symbol, compact output, raw non-ASCII text.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(StjEnvelope))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
