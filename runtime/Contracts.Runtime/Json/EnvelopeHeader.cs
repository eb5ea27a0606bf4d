namespace Contracts.Json;

/// <summary>The routing part of a JSON envelope, read without decoding the message (see <see cref="JsonEnvelope.ReadHeader"/>).</summary>
/// <param name="Type">The message type, <c>"type"</c>.</param>
/// <param name="Version">The message version, <c>"version"</c>.</param>
/// <param name="Producer">django-logpipe's optional <c>"producer"</c> id (its <c>PRODUCER_ID</c> setting), or null.</param>
public readonly record struct EnvelopeHeader(string Type, int Version, string? Producer);
