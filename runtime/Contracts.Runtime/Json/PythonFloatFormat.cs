using System;
using System.Globalization;

namespace Contracts.Json;

/// <summary>
/// Formats floating-point numbers as Python's <c>repr(float)</c> (what <c>json.dumps</c> writes): the shortest digits
/// that round-trip, positional between 1e-4 and 1e16 with at least one decimal (<c>1.0</c>), otherwise exponential with
/// a signed, at least two-digit exponent (<c>1e+16</c>, <c>1.5e-07</c>).
/// </summary>
internal static class PythonFloatFormat
{
    /// <summary>Enough for any double in either notation.</summary>
    public const int MaxLength = 32;

    public static int Format(double value, Span<byte> destination)
    {
        if (TryFormatShort(value, destination, out var shortLength))
        {
            return shortLength;
        }

        // .NET's shortest round-trip text has Python's digits; in Python's positional range (1e-4 <= |x| < 1e16, or 0)
        // where .NET is positional too, it only lacks Python's ".0" on whole numbers. The rest is reformatted.
        var magnitude = Math.Abs(value);
        if ((magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16)) &&
            value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture) &&
            destination.Slice(0, written).IndexOfAny((byte)'E', (byte)'e') < 0)
        {
            if (destination.Slice(0, written).IndexOf((byte)'.') < 0)
            {
                destination[written++] = (byte)'.';
                destination[written++] = (byte)'0';
            }

            return written;
        }

        Span<char> shortest = stackalloc char[MaxLength];
        value.TryFormat(shortest, out var length, default, CultureInfo.InvariantCulture);
        return Reformat(shortest.Slice(0, length), destination);
    }

    /// <summary>
    /// Formats the doubles most messages carry (prices, quantities, measurements: at most
    /// <see cref="MaxShortScale"/> decimals, magnitude in [1e-4, 1e14)) without .NET's general shortest-digits search.
    /// </summary>
    /// <remarks>
    /// For the smallest scale s at which n = round(|x| × 10^s) satisfies n / 10^s == |x|, "n × 10^-s" is the shortest
    /// decimal that reads back as x, so it has the digits of Python's repr and .NET's round-trip text: the division of
    /// two exactly representable integers is correctly rounded, as parsing is, so the check is exact; and below 1e14
    /// the product's rounding error is far smaller than the distance between candidates, so no shorter decimal that
    /// reads back as x can be missed at a smaller scale, and only one candidate exists at scale s.
    /// </remarks>
    public static bool TryFormatShort(double value, Span<byte> destination, out int written)
    {
        var magnitude = Math.Abs(value);
        if (magnitude >= 1e-4 && magnitude < ShortLimit)
        {
            for (var scale = 0; scale <= MaxShortScale; scale++)
            {
                var scaled = magnitude * ShortScales[scale];
                if (scaled >= ShortLimit)
                {
                    break;
                }

                var units = Math.Round(scaled);
                if (units / ShortScales[scale] == magnitude)
                {
                    // A whole number keeps Python's ".0".
                    written = scale == 0
                        ? FixedPointText.Format((ulong)units * 10, value < 0, 1, destination)
                        : FixedPointText.Format((ulong)units, value < 0, scale, destination);
                    return true;
                }
            }
        }

        written = 0;
        return false;
    }

    private const int MaxShortScale = 7;

    private const double ShortLimit = 1e14;

    private static readonly double[] ShortScales = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7];

    /// <summary>Single precision values use the shortest digits that round-trip the <see cref="float"/> (<c>0.1f</c> is <c>0.1</c>).</summary>
    public static int Format(float value, Span<byte> destination)
    {
        Span<char> shortest = stackalloc char[MaxLength];
        value.TryFormat(shortest, out var length, default, CultureInfo.InvariantCulture);
        return Reformat(shortest.Slice(0, length), destination);
    }

    // .NET's "R" text ("-1.2345E-07", "100", "0.001") gives the digits and the exponent; Python lays them out differently.
    private static int Reformat(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var position = 0;
        if (text[0] == '-')
        {
            destination[position++] = (byte)'-';
            text = text.Slice(1);
        }

        var exponentAt = text.IndexOf('E');
        var exponent = exponentAt < 0 ? 0 : int.Parse(text.Slice(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text.Slice(0, exponentAt);

        Span<byte> digits = stackalloc byte[MaxLength];
        var digitCount = 0;
        var pointAt = mantissa.IndexOf('.');
        var integerDigits = pointAt < 0 ? mantissa.Length : pointAt;
        foreach (var c in mantissa)
        {
            if (c != '.')
            {
                digits[digitCount++] = (byte)c;
            }
        }

        // value = 0.d1d2d3... x 10^decimalPoint once leading and trailing zeros are gone.
        var leadingZeros = 0;
        while (leadingZeros < digitCount && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        if (leadingZeros == digitCount)
        {
            "0.0"u8.CopyTo(destination.Slice(position));
            return position + 3;
        }

        var significant = digits.Slice(leadingZeros, digitCount - leadingZeros);
        var decimalPoint = integerDigits - leadingZeros + exponent;
        while (significant[^1] == '0')
        {
            significant = significant.Slice(0, significant.Length - 1);
        }

        if (decimalPoint > -4 && decimalPoint <= 16)
        {
            if (decimalPoint <= 0)
            {
                destination[position++] = (byte)'0';
                destination[position++] = (byte)'.';
                for (var i = decimalPoint; i < 0; i++)
                {
                    destination[position++] = (byte)'0';
                }

                significant.CopyTo(destination.Slice(position));
                return position + significant.Length;
            }

            if (decimalPoint >= significant.Length)
            {
                significant.CopyTo(destination.Slice(position));
                position += significant.Length;
                for (var i = significant.Length; i < decimalPoint; i++)
                {
                    destination[position++] = (byte)'0';
                }

                destination[position++] = (byte)'.';
                destination[position++] = (byte)'0';
                return position;
            }

            significant.Slice(0, decimalPoint).CopyTo(destination.Slice(position));
            position += decimalPoint;
            destination[position++] = (byte)'.';
            significant.Slice(decimalPoint).CopyTo(destination.Slice(position));
            return position + significant.Length - decimalPoint;
        }

        destination[position++] = significant[0];
        if (significant.Length > 1)
        {
            destination[position++] = (byte)'.';
            significant.Slice(1).CopyTo(destination.Slice(position));
            position += significant.Length - 1;
        }

        var shownExponent = decimalPoint - 1;
        destination[position++] = (byte)'e';
        destination[position++] = shownExponent < 0 ? (byte)'-' : (byte)'+';
        var magnitude = Math.Abs(shownExponent);
        if (magnitude < 10)
        {
            destination[position++] = (byte)'0';
        }

        magnitude.TryFormat(destination.Slice(position), out var written, default, CultureInfo.InvariantCulture);
        return position + written;
    }
}
