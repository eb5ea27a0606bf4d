using System;
using System.Globalization;
using Contracts.Avro;

namespace Contracts.Json;

/// <summary>
/// Decimals as Django REST Framework's <c>DecimalField</c> sends them (<c>COERCE_DECIMAL_TO_STRING</c>): positional
/// notation with exactly <c>scale</c> digits after the point (<c>"12.50"</c>, <c>"-0.05"</c>, <c>"7"</c> at scale 0).
/// </summary>
internal static class DecimalText
{
    /// <summary>Sign, 38 digits, point and a leading zero, with room to spare.</summary>
    public const int MaxLength = 48;

    /// <exception cref="ContractEncodeException">The value has more digits than the precision or scale allow.</exception>
    public static int Format(decimal value, int precision, int scale, Span<byte> destination)
    {
        // Commonest case: the unscaled value fits 64 bits (AvroDecimal checks digits dropped and the precision).
        if (AvroDecimal.TryGetInt64Unscaled(value, precision, scale, out var units))
        {
            return FixedPointText.Format(units < 0 ? (ulong)-units : (ulong)units, units < 0, scale, destination);
        }

        // Otherwise, with no digits to drop and an integer part that fits, fixed-point formatting only pads with zeros.
        // (Zero takes the general path, which never writes "-0.00".)
        if (value.Scale <= scale && scale < FixedFormats.Length && value != 0m && FitsPrecision(value, precision - scale)
            && value.TryFormat(destination, out var written, FixedFormats[scale], CultureInfo.InvariantCulture))
        {
            return written;
        }

        var unscaled = AvroDecimal.ToUnscaled(value, precision, scale, ContractFormat.Json);
        var position = 0;
        if (unscaled < 0)
        {
            destination[position++] = (byte)'-';
            unscaled = -unscaled;
        }

        Span<byte> digits = stackalloc byte[40];
        unscaled.TryFormat(digits, out var digitCount, default, CultureInfo.InvariantCulture);
        var integerDigits = digitCount - scale;
        if (integerDigits <= 0)
        {
            destination[position++] = (byte)'0';
            if (scale > 0)
            {
                destination[position++] = (byte)'.';
                destination.Slice(position, -integerDigits).Fill((byte)'0');
                position -= integerDigits;
                digits.Slice(0, digitCount).CopyTo(destination.Slice(position));
                position += digitCount;
            }

            return position;
        }

        digits.Slice(0, integerDigits).CopyTo(destination.Slice(position));
        position += integerDigits;
        if (scale > 0)
        {
            destination[position++] = (byte)'.';
            digits.Slice(integerDigits, scale).CopyTo(destination.Slice(position));
            position += scale;
        }

        return position;
    }

    private static readonly string[] FixedFormats = CreateFixedFormats();

    private static readonly decimal[] PowersOfTen = CreatePowersOfTen();

    private static bool FitsPrecision(decimal value, int integerDigits) =>
        integerDigits >= PowersOfTen.Length || (integerDigits >= 0 && Math.Abs(value) < PowersOfTen[integerDigits]);

    private static string[] CreateFixedFormats()
    {
        var formats = new string[29];
        for (var i = 0; i < formats.Length; i++)
        {
            formats[i] = "F" + i.ToString(CultureInfo.InvariantCulture);
        }

        return formats;
    }

    // 10^0 to 10^28, every power a decimal holds exactly.
    private static decimal[] CreatePowersOfTen()
    {
        var powers = new decimal[29];
        powers[0] = 1m;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10m;
        }

        return powers;
    }

    /// <summary>
    /// Parses <c>[-+]digits[.digits][e[-+]digits]</c> exactly (no rounding): digits beyond <paramref name="scale"/> must be
    /// zeros, and the value must fit <paramref name="precision"/>. Returns null or why the text is rejected.
    /// </summary>
    public static string? Parse(ReadOnlySpan<byte> text, int precision, int scale, out decimal value)
    {
        value = default;
        var position = 0;
        var negative = false;
        if (position < text.Length && (text[position] == '-' || text[position] == '+'))
        {
            negative = text[position] == '-';
            position++;
        }

        // Collect significant digits (leading zeros dropped) and where the point falls relative to them.
        Int128 unscaled = 0;
        var significantDigits = 0;
        var pointShift = 0;
        var sawDigit = false;
        var sawPoint = false;
        var nonZeroBeyondPrecision = false;
        var trailingZerosPending = 0;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (c == '.' && !sawPoint)
            {
                sawPoint = true;
                continue;
            }

            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                break;
            }

            sawDigit = true;
            if (sawPoint)
            {
                pointShift--;
            }

            if (digit == 0 && significantDigits == 0)
            {
                continue;
            }

            if (digit == 0)
            {
                // Zeros are committed only when a non-zero digit follows, so trailing zeros never count towards precision.
                trailingZerosPending++;
                continue;
            }

            if (significantDigits + trailingZerosPending + 1 > 38)
            {
                nonZeroBeyondPrecision = true;
                break;
            }

            for (; trailingZerosPending > 0; trailingZerosPending--)
            {
                unscaled *= 10;
                significantDigits++;
            }

            unscaled = (unscaled * 10) + digit;
            significantDigits++;
        }

        if (!sawDigit)
        {
            return "expected a decimal number such as \"12.50\".";
        }

        if (nonZeroBeyondPrecision)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the decimal has more than {precision} significant digits; the schema's precision is {precision}.");
        }

        // The pending zeros sit right of the last significant digit: they move the exponent, not the digits.
        var exponent = pointShift + trailingZerosPending;
        if (position < text.Length && (text[position] == 'e' || text[position] == 'E'))
        {
            position++;
            var exponentNegative = false;
            if (position < text.Length && (text[position] == '-' || text[position] == '+'))
            {
                exponentNegative = text[position] == '-';
                position++;
            }

            var exponentDigits = 0;
            var explicitExponent = 0;
            for (; position < text.Length && (uint)(text[position] - '0') <= 9; position++)
            {
                if (explicitExponent < 10_000)
                {
                    explicitExponent = (explicitExponent * 10) + (text[position] - '0');
                }

                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return "expected digits after the exponent's 'e'.";
            }

            exponent += exponentNegative ? -explicitExponent : explicitExponent;
        }

        if (position != text.Length)
        {
            return "unexpected characters in the decimal number.";
        }

        if (significantDigits == 0)
        {
            value = 0m;
            return null;
        }

        // value = unscaled x 10^exponent; at the schema's scale the unscaled integer is unscaled x 10^(exponent + scale).
        var shift = exponent + scale;
        if (shift < 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the decimal has more than {scale} digits after the point; the schema's scale is {scale} and nothing is rounded.");
        }

        if (significantDigits + shift > precision)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the decimal has more than {precision} digits; the schema's precision is {precision}.");
        }

        for (var i = 0; i < shift; i++)
        {
            unscaled *= 10;
        }

        if (!AvroDecimal.TryFromUnscaled(negative ? -unscaled : unscaled, scale, out value))
        {
            return "the decimal is outside the range of System.Decimal.";
        }

        return null;
    }
}
