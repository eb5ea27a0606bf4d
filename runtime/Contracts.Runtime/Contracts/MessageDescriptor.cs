using System;
using System.Collections.Generic;

namespace Contracts;

/// <summary>
/// The build-time facts about one contract: type, version, schemas, fingerprints and key configuration.
/// Reach it as <c>PersonV2.Descriptor</c>; the build creates exactly one per contract.
/// </summary>
/// <typeparam name="T">The contract type.</typeparam>
public sealed class MessageDescriptor<T> : IMessageDescriptor
    where T : IMessageContract<T>
{
    /// <inheritdoc />
    public required string MessageType { get; init; }

    /// <inheritdoc />
    public required int Version { get; init; }

    /// <inheritdoc />
    public Type ClrType => typeof(T);

    /// <inheritdoc />
    public required string Schema { get; init; }

    /// <inheritdoc />
    public required string CanonicalSchema { get; init; }

    /// <inheritdoc />
    public required long Fingerprint { get; init; }

    /// <inheritdoc />
    public required KeyFormat KeyFormat { get; init; }

    /// <inheritdoc />
    public required IReadOnlyList<string> KeyFields { get; init; }

    /// <inheritdoc />
    public string? KeySchema { get; init; }

    /// <inheritdoc />
    public string? KeyCanonicalSchema { get; init; }

    /// <inheritdoc />
    public long? KeyFingerprint { get; init; }

    /// <inheritdoc />
    public TResult Accept<TResult>(IMessageDescriptorVisitor<TResult> visitor) => visitor.Visit(this);

    /// <inheritdoc />
    public override string ToString() => $"{MessageType} v{Version} ({typeof(T).Name})";
}
