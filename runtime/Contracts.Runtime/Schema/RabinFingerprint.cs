// Shared source: compiled into the runtime (public) and the generator (internal), so build-time and run-time
// fingerprints come from one implementation.
namespace Contracts.Schema;

/// <summary>The Avro specification's 64-bit Rabin fingerprint (CRC-64-AVRO) of a schema's Parsing Canonical Form.</summary>
#if CONTRACTS_GENERATOR
internal
#else
public
#endif
static class RabinFingerprint
{
    /// <summary>The empty fingerprint from the Avro specification.</summary>
    public const ulong Empty = 0xc15d213aa4d7a795UL;

    private static readonly ulong[] Table = CreateTable();

    /// <summary>Fingerprints UTF-8 bytes (the canonical form's bytes).</summary>
    public static long Compute(byte[] utf8)
    {
        var fingerprint = Empty;
        foreach (var b in utf8)
        {
            fingerprint = (fingerprint >> 8) ^ Table[(int)(fingerprint ^ b) & 0xff];
        }

        return unchecked((long)fingerprint);
    }

    /// <summary>Fingerprints the UTF-8 encoding of <paramref name="text"/>.</summary>
    public static long Compute(string text) => Compute(System.Text.Encoding.UTF8.GetBytes(text));

    private static ulong[] CreateTable()
    {
        var table = new ulong[256];
        for (var i = 0; i < 256; i++)
        {
            var fingerprint = (ulong)i;
            for (var j = 0; j < 8; j++)
            {
                fingerprint = (fingerprint >> 1) ^ (Empty & (0UL - (fingerprint & 1)));
            }

            table[i] = fingerprint;
        }

        return table;
    }
}
