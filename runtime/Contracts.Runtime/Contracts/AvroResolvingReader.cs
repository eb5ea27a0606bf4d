using System;
using Contracts.Avro;

namespace Contracts;

/// <summary>Reads one value written with an earlier version's schema into the contract type.</summary>
/// <typeparam name="T">The contract type the data is read into.</typeparam>
/// <param name="reader">Positioned on the value.</param>
public delegate T AvroResolvingRead<T>(ref AvroReader reader);

/// <summary>
/// A reader the build generated for one earlier version of a contract's message type: Avro schema resolution as
/// straight-line code (writer-only fields skipped, defaults for fields the writer lacked, promotions, enum and union
/// remapping). Reach them through <see cref="MessageDescriptor{T}.ResolvingReaders"/> or
/// <see cref="MessageDescriptor{T}.ReadAvro(ReadOnlySpan{byte}, int, AvroReaderOptions)"/>; the build generates one
/// only for an earlier version whose data the contract can read.
/// </summary>
/// <typeparam name="T">The contract type the data is read into.</typeparam>
public sealed class AvroResolvingReader<T>
    where T : IMessageContract<T>
{
    private readonly AvroResolvingRead<T> _read;

    /// <summary>Called by generated code.</summary>
    public AvroResolvingReader(int writerVersion, string writerSchema, AvroResolvingRead<T> read)
    {
        ArgumentNullException.ThrowIfNull(writerSchema);
        ArgumentNullException.ThrowIfNull(read);
        WriterVersion = writerVersion;
        WriterSchema = writerSchema;
        _read = read;
    }

    /// <summary>The version of the message type whose data this reader reads.</summary>
    public int WriterVersion { get; }

    /// <summary>The Avro schema that version's data was written with.</summary>
    public string WriterSchema { get; }

    /// <summary>Reads one value at the reader's position.</summary>
    public T Read(ref AvroReader reader) => _read(ref reader);

    /// <summary>Reads one value that must span all of <paramref name="data"/>.</summary>
    /// <exception cref="ContractDecodeException">The bytes are not a valid encoding under <see cref="WriterSchema"/>.</exception>
    public T Read(ReadOnlySpan<byte> data, AvroReaderOptions? options = null)
    {
        var reader = new AvroReader(data, options);
        var value = _read(ref reader);
        reader.EnsureEnd();
        return value;
    }

    /// <inheritdoc />
    public override string ToString() => $"{T.Descriptor.MessageType} v{WriterVersion} -> v{T.Descriptor.Version} ({typeof(T).Name})";
}
