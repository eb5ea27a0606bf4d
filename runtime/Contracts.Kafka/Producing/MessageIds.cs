using System;
using System.Buffers.Binary;

namespace Contracts.Kafka;

/// <summary>
/// New message ids: RFC 9562 version-7 UUIDs (48-bit Unix time in milliseconds, then 74 random bits), as
/// <see cref="Guid.CreateVersion7()"/> makes them, but with the random bits from <see cref="Random.Shared"/>.
/// </summary>
/// <remarks>
/// <see cref="Guid.CreateVersion7()"/> draws its random bits from the operating system's cryptographic source, a
/// <c>getrandom</c> system call per id, which profiling showed as a visible share of a fire-and-forget produce. A message
/// id has to be unique, not unpredictable: <see cref="Random.Shared"/> (xoshiro256**, seeded per thread from the
/// cryptographic source) gives 74 bits whose collision odds within one millisecond are negligible.
/// </remarks>
internal static class MessageIds
{
    public static Guid NewVersion7() => NewVersion7(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public static Guid NewVersion7(long unixTimeMilliseconds)
    {
        // Big-endian layout of RFC 9562: unix_ts_ms (48 bits) | ver (4) rand_a (12) | var (2) rand_b (62).
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, unixTimeMilliseconds << 16);
        Random.Shared.NextBytes(bytes[6..]);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
