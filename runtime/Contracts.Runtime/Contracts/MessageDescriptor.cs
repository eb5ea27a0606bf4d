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

    /// <summary>
    /// Generated readers for data written by earlier versions of <see cref="MessageType"/> that this contract can read
    /// (Avro schema resolution), oldest first. Earlier versions it cannot read have none: their data is never read silently.
    /// </summary>
    public IReadOnlyList<AvroResolvingReader<T>> ResolvingReaders { get; init; } = Array.Empty<AvroResolvingReader<T>>();

    /// <summary>Whether <see cref="ReadAvro(ReadOnlySpan{byte}, int, Avro.AvroReaderOptions)"/> can read data written by <paramref name="writerVersion"/>.</summary>
    public bool CanReadAvro(int writerVersion) => writerVersion == Version || FindResolvingReader(writerVersion) is not null;

    /// <summary>
    /// Reads Avro data written by version <paramref name="writerVersion"/> of the message type into <typeparamref name="T"/>:
    /// this version's own reader, or the generated resolving reader of an earlier version.
    /// </summary>
    /// <exception cref="ContractDecodeException">
    /// No reader exists for <paramref name="writerVersion"/> (unknown, newer, or incompatible with this version), or the bytes are invalid.
    /// </exception>
    public T ReadAvro(ReadOnlySpan<byte> data, int writerVersion, Avro.AvroReaderOptions? options = null)
    {
        if (writerVersion == Version)
        {
            return Avro.AvroSerializer.Deserialize<T>(data, options);
        }

        var resolving = FindResolvingReader(writerVersion) ?? throw new ContractDecodeException(
            ContractFormat.Avro,
            $"'{MessageType}' v{Version} ({typeof(T).Name}) has no reader for data written by v{writerVersion}; it reads " +
            $"v{Version}{ReadableEarlierVersions()}. An earlier version gets a reader only when its schema is declared and compatible.",
            0);
        return resolving.Read(data, options);
    }

    private AvroResolvingReader<T>? FindResolvingReader(int writerVersion)
    {
        foreach (var reader in ResolvingReaders)
        {
            if (reader.WriterVersion == writerVersion)
            {
                return reader;
            }
        }

        return null;
    }

    private string ReadableEarlierVersions()
    {
        var text = string.Empty;
        foreach (var reader in ResolvingReaders)
        {
            text += ", v" + reader.WriterVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <inheritdoc />
    public TResult Accept<TResult>(IMessageDescriptorVisitor<TResult> visitor) => visitor.Visit(this);

    /// <inheritdoc />
    public override string ToString() => $"{MessageType} v{Version} ({typeof(T).Name})";
}
