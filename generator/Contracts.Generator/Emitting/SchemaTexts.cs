namespace Contracts.Generator.Emitting;

/// <summary>An Avro schema in the three forms a descriptor carries.</summary>
/// <param name="Json">The full schema: names, namespaces, docs, aliases, defaults and logical types, compact.</param>
/// <param name="CanonicalForm">The Parsing Canonical Form from the Avro specification.</param>
/// <param name="Fingerprint">The 64-bit Rabin fingerprint (CRC-64-AVRO) of <see cref="CanonicalForm"/>'s UTF-8 bytes.</param>
internal sealed record SchemaTexts(string Json, string CanonicalForm, long Fingerprint);
