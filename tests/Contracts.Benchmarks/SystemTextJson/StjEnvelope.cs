using Contracts.Benchmarks.Model;

namespace Contracts.Benchmarks.SystemTextJson;

/// <summary>
/// The django-logpipe envelope <c>{"type","version","message"}</c> as a plain type, so System.Text.Json writes and
/// reads the same document our <c>JsonEnvelope</c> does (the <c>json:</c> prefix is handled by the benchmark).
/// </summary>
public sealed record StjEnvelope(string Type, int Version, OrderPlacedV1 Message);
