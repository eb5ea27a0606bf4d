using System;

namespace Contracts.Json;

/// <summary>Writes an integer count of 10^-scale units as positional decimal text, the fast path for decimals and short doubles.</summary>
internal static class FixedPointText
{
    /// <summary>Enough for a sign, 20 digits, a point and a leading zero.</summary>
    public const int MaxLength = 24;

    /// <summary>
    /// Writes <paramref name="units"/> × 10^-<paramref name="scale"/> with exactly <paramref name="scale"/> decimals
    /// (<c>5, 2 → 0.05</c>, <c>1250, 2 → 12.50</c>, <c>7, 0 → 7</c>), after a <c>-</c> when <paramref name="negative"/>.
    /// </summary>
    public static int Format(ulong units, bool negative, int scale, Span<byte> destination)
    {
        var digitCount = CountDigits(units);
        var integerDigits = Math.Max(digitCount - scale, 1);
        var length = (negative ? 1 : 0) + integerDigits + (scale > 0 ? scale + 1 : 0);
        var position = length;
        for (var i = 0; i < scale; i++)
        {
            destination[--position] = (byte)('0' + (int)(units % 10));
            units /= 10;
        }

        if (scale > 0)
        {
            destination[--position] = (byte)'.';
        }

        do
        {
            destination[--position] = (byte)('0' + (int)(units % 10));
            units /= 10;
        }
        while (units != 0);

        if (negative)
        {
            destination[0] = (byte)'-';
        }

        return length;
    }

    private static int CountDigits(ulong value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }
}
