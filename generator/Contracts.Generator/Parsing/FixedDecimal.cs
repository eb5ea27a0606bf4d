using System.Numerics;

namespace Contracts.Generator.Parsing;

/// <summary>How many decimal digits a <c>decimal</c> stored in a <c>fixed</c> can carry.</summary>
internal static class FixedDecimal
{
    /// <summary>
    /// The largest precision a fixed of <paramref name="size"/> bytes holds, as the Avro specification defines it:
    /// <c>floor(log10(2^(8 * size - 1) - 1))</c>, the digits of the largest two's complement value that fits.
    /// </summary>
    public static int MaxPrecision(int size)
    {
        // 16 bytes already hold 38 digits, the most System.Decimal carries; larger sizes need no arithmetic.
        if (size >= 16)
        {
            return int.MaxValue;
        }

        var largest = BigInteger.Pow(2, (8 * size) - 1) - 1;
        return largest.ToString(System.Globalization.CultureInfo.InvariantCulture).Length - 1;
    }
}
