using System.Numerics;

namespace Contracts.Runtime.Tests.Support;

/// <summary>Decimal arithmetic done in BigInteger, independent of the runtime's Int128 code.</summary>
internal static class ExactDecimal
{
    /// <summary>The unscaled integer of <paramref name="value"/> at <paramref name="scale"/>, or null when that would drop non-zero digits.</summary>
    public static BigInteger? Unscaled(decimal value, int scale)
    {
        var bits = decimal.GetBits(value);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var valueScale = (bits[3] >> 16) & 0xFF;
        if (bits[3] < 0)
        {
            mantissa = -mantissa;
        }

        if (valueScale <= scale)
        {
            return mantissa * BigInteger.Pow(10, scale - valueScale);
        }

        var quotient = BigInteger.DivRem(mantissa, BigInteger.Pow(10, valueScale - scale), out var remainder);
        return remainder.IsZero ? quotient : null;
    }
}
