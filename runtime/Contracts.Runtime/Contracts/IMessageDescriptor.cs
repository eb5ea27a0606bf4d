using System;
using System.Collections.Generic;

namespace Contracts;

/// <summary>What every contract descriptor exposes without knowing its CLR type; see <see cref="MessageDescriptor{T}"/>.</summary>
public interface IMessageDescriptor
{
    /// <summary>The message type name on the wire.</summary>
    string MessageType { get; }

    /// <summary>The version of the message type.</summary>
    int Version { get; }

    /// <summary>The contract's CLR type.</summary>
    Type ClrType { get; }

    /// <summary>The Avro schema as JSON, with docs, aliases and defaults.</summary>
    string Schema { get; }

    /// <summary>The schema's Parsing Canonical Form (Avro specification).</summary>
    string CanonicalSchema { get; }

    /// <summary>The 64-bit Rabin fingerprint of <see cref="CanonicalSchema"/>.</summary>
    long Fingerprint { get; }

    /// <summary>How the key is encoded.</summary>
    KeyFormat KeyFormat { get; }

    /// <summary>The Avro field names that form the key, in order; empty without a key.</summary>
    IReadOnlyList<string> KeyFields { get; }

    /// <summary>The key schema for <see cref="KeyFormat.Record"/>: a record holding just the key fields; null otherwise.</summary>
    string? KeySchema { get; }

    /// <summary>The Parsing Canonical Form of <see cref="KeySchema"/>.</summary>
    string? KeyCanonicalSchema { get; }

    /// <summary>The Rabin fingerprint of <see cref="KeyCanonicalSchema"/>.</summary>
    long? KeyFingerprint { get; }

    /// <summary>Calls <paramref name="visitor"/> with the typed descriptor: typed dispatch with no reflection.</summary>
    TResult Accept<TResult>(IMessageDescriptorVisitor<TResult> visitor);
}

/// <summary>Receives a descriptor with its contract type as a generic argument.</summary>
public interface IMessageDescriptorVisitor<out TResult>
{
    /// <summary>Called with the typed descriptor.</summary>
    TResult Visit<T>(MessageDescriptor<T> descriptor)
        where T : IMessageContract<T>;
}
