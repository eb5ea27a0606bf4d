using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Contracts.Avro;

/// <summary>The Avro <c>decimal</c> logical type: an unscaled two's complement integer and a schema-fixed scale.</summary>
public static class AvroDecimal
{
    /// <summary>The most digits an unscaled value may have: 10^38 - 1 is the largest power-of-ten bound an Int128 holds.</summary>
    public const int MaxPrecision = 38;

    private static readonly UInt128 Max96Bits = (UInt128.One << 96) - 1;

    /// <summary>
    /// Writes the unscaled value of <paramref name="value"/> at <paramref name="scale"/> into the last bytes of a 16-byte
    /// <paramref name="destination"/> as minimal big-endian two's complement, and returns how many bytes it used.
    /// </summary>
    public static int ToUnscaledBytes(decimal value, int precision, int scale, Span<byte> destination)
    {
        var unscaled = ToUnscaled(value, precision, scale, ContractFormat.Avro);
        BinaryPrimitives.WriteInt128BigEndian(destination, unscaled);
        var start = 0;
        // Drop leading bytes that only repeat the sign of the byte after them.
        while (start < 15 &&
               ((destination[start] == 0 && (destination[start + 1] & 0x80) == 0) ||
                (destination[start] == 0xFF && (destination[start + 1] & 0x80) != 0)))
        {
            start++;
        }

        return 16 - start;
    }

    /// <summary>Returns the unscaled integer of <paramref name="value"/> at <paramref name="scale"/>, checking precision and scale.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is not 1 to 38 or <paramref name="scale"/> is not 0 to <paramref name="precision"/>.</exception>
    public static Int128 ToUnscaled(decimal value, int precision, int scale, ContractFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, MaxPrecision);
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, precision);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var valueScale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        Int128 mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        while (valueScale > scale)
        {
            var quotient = Int128.DivRem(mantissa, 10);
            if (quotient.Remainder != 0)
            {
                throw new ContractEncodeException(format, string.Create(CultureInfo.InvariantCulture, $"decimal {value} has more than {scale} digits after the point; the schema's scale is {scale} and nothing is rounded."));
            }

            mantissa = quotient.Quotient;
            valueScale--;
        }

        while (valueScale < scale)
        {
            // Stop before the multiplication could pass 10^precision (and, at precision 38, wrap Int128).
            if (mantissa >= Pow10(precision - 1))
            {
                throw new ContractEncodeException(format, string.Create(CultureInfo.InvariantCulture, $"decimal {value} has more than {precision} digits at scale {scale}; the schema's precision is {precision}."));
            }

            mantissa *= 10;
            valueScale++;
        }

        if (mantissa >= Pow10(precision))
        {
            throw new ContractEncodeException(format, string.Create(CultureInfo.InvariantCulture, $"decimal {value} has more than {precision} digits at scale {scale}; the schema's precision is {precision}."));
        }

        return negative ? -mantissa : mantissa;
    }

    /// <summary>Turns an unscaled integer and scale back into a <see cref="decimal"/>, or returns false when it does not fit one.</summary>
    public static bool TryFromUnscaled(Int128 unscaled, int scale, out decimal value)
    {
        var negative = unscaled < 0;
        // Unsigned: the magnitude of Int128.MinValue does not fit an Int128.
        var magnitude = negative ? (UInt128)(-(unscaled + 1)) + 1 : (UInt128)unscaled;
        while ((scale > 28 || magnitude > Max96Bits) && scale > 0)
        {
            var quotient = UInt128.DivRem(magnitude, 10);
            if (quotient.Remainder != 0)
            {
                value = default;
                return false;
            }

            magnitude = quotient.Quotient;
            scale--;
        }

        if (magnitude > Max96Bits)
        {
            value = default;
            return false;
        }

        value = new decimal((int)(uint)(magnitude & 0xFFFFFFFF), (int)(uint)((magnitude >> 32) & 0xFFFFFFFF), (int)(uint)((magnitude >> 64) & 0xFFFFFFFF), negative, (byte)scale);
        return true;
    }

    /// <summary>Reads a big-endian two's complement integer of at most 16 significant bytes.</summary>
    public static bool TryReadUnscaled(ReadOnlySpan<byte> bytes, out Int128 unscaled)
    {
        if (bytes.IsEmpty)
        {
            unscaled = Int128.Zero;
            return true;
        }

        var sign = (bytes[0] & 0x80) != 0 ? (byte)0xFF : (byte)0;
        while (bytes.Length > 16)
        {
            if (bytes[0] != sign || (bytes[1] & 0x80) != (sign & 0x80))
            {
                unscaled = default;
                return false;
            }

            bytes = bytes.Slice(1);
        }

        Span<byte> buffer = stackalloc byte[16];
        buffer.Fill(sign);
        bytes.CopyTo(buffer.Slice(16 - bytes.Length));
        unscaled = BinaryPrimitives.ReadInt128BigEndian(buffer);
        return true;
    }

    /// <summary>
    /// The unscaled value of <paramref name="value"/> at <paramref name="scale"/> when it fits a <see cref="long"/> and
    /// needs no digits dropped: the common case (money, quantities), served without 128-bit arithmetic. Returns false
    /// when the caller must take <see cref="ToUnscaled"/>, which also reports precision and scale violations.
    /// </summary>
    internal static bool TryGetInt64Unscaled(decimal value, int precision, int scale, out long unscaled)
    {
        // A schema outside what ToUnscaled supports goes there to be rejected, not served here.
        if ((uint)(precision - 1) >= MaxPrecision || (uint)scale > (uint)precision)
        {
            unscaled = 0;
            return false;
        }

        GetParts(value, out var flags, out var high, out var mantissa);
        var scaleUp = scale - ((flags >> 16) & 0xFF);
        if (high != 0 || (uint)scaleUp >= (uint)UInt64PowersOfTen.Length)
        {
            unscaled = 0;
            return false;
        }

        // The value usually has the schema's scale already. Otherwise the full 128-bit product tells whether scaling
        // up overflows (a multiplication where the quotient long.MaxValue / 10^n cost a 64-bit division).
        if (scaleUp != 0 && Math.BigMul(mantissa, UInt64PowersOfTen[scaleUp], out mantissa) != 0)
        {
            unscaled = 0;
            return false;
        }

        if (mantissa > long.MaxValue)
        {
            unscaled = 0;
            return false;
        }

        // 10^19 and above exceed long.MaxValue, so only smaller precisions can be exceeded here.
        if ((uint)precision < (uint)UInt64PowersOfTen.Length && mantissa >= UInt64PowersOfTen[precision])
        {
            unscaled = 0;
            return false;
        }

        unscaled = flags < 0 ? -(long)mantissa : (long)mantissa;
        return true;
    }

    /// <summary>
    /// The parts of <paramref name="value"/> that <see cref="decimal.GetBits(decimal, Span{int})"/> returns: the flags
    /// (sign and scale), the high 32 bits and the low 64 bits of the 96-bit integer. Read straight from the value where
    /// its layout is the one checked once at start-up (flags, high, low), so a caller needs no buffer on the stack,
    /// whose zeroing and stack-guard check an inlined <c>stackalloc</c> adds to every method it lands in.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void GetParts(decimal value, out int flags, out uint high, out ulong low)
    {
        if (DecimalLayout.IsKnown)
        {
            ref readonly var layout = ref Unsafe.As<decimal, DecimalLayout>(ref value);
            flags = layout.Flags;
            high = layout.High;
            low = layout.Low;
            return;
        }

        GetPartsByBits(value, out flags, out high, out low);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void GetPartsByBits(decimal value, out int flags, out uint high, out ulong low)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        flags = bits[3];
        high = (uint)bits[2];
        low = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
    }

    /// <summary>The fields of <see cref="decimal"/> as .NET lays them out (flags, high 32 bits, low 64 bits), used only once checked.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct DecimalLayout
    {
        public readonly int Flags;
        public readonly uint High;
        public readonly ulong Low;

        /// <summary>Whether a probe value with distinct bytes in every part reads back as <see cref="decimal.GetBits(decimal, Span{int})"/> says.</summary>
        public static readonly bool IsKnown = Probe();

        private static bool Probe()
        {
            if (Unsafe.SizeOf<decimal>() != Unsafe.SizeOf<DecimalLayout>())
            {
                return false;
            }

            foreach (var probe in (ReadOnlySpan<decimal>)[new decimal(0x0D0C0B0A, 0x04030201, 0x44332211, true, 17), new decimal(-1, 0, 1, false, 0)])
            {
                var copy = probe;
                var layout = Unsafe.As<decimal, DecimalLayout>(ref copy);
                GetPartsByBits(probe, out var flags, out var high, out var low);
                if (layout.Flags != flags || layout.High != high || layout.Low != low)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>How many bytes the minimal big-endian two's complement form of <paramref name="unscaled"/> takes (1 to 8).</summary>
    internal static int MinimalLength(long unscaled)
    {
        // Magnitude bits (counting a negative value's complement), plus one sign bit, rounded up to bytes.
        var magnitudeBits = 64 - BitOperations.LeadingZeroCount((ulong)(unscaled ^ (unscaled >> 63)));
        return (magnitudeBits + 8) >> 3;
    }

    /// <summary>
    /// Turns up to 8 big-endian two's complement bytes at a scale of at most 28 into a <see cref="decimal"/>; false for
    /// anything longer or a larger scale, which <see cref="TryReadUnscaled"/> and <see cref="TryFromUnscaled"/> handle.
    /// </summary>
    internal static bool TryFromSmallUnscaled(ReadOnlySpan<byte> bytes, int scale, out decimal value)
    {
        if (bytes.Length > 8 || (uint)scale > 28)
        {
            value = default;
            return false;
        }

        if (bytes.IsEmpty)
        {
            value = new decimal(0, 0, 0, false, (byte)scale);
            return true;
        }

        long unscaled = (sbyte)bytes[0];
        for (var i = 1; i < bytes.Length; i++)
        {
            unscaled = (unscaled << 8) | bytes[i];
        }

        var negative = unscaled < 0;
        var magnitude = negative ? (ulong)-unscaled : (ulong)unscaled;
        value = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
        return true;
    }

    private static readonly ulong[] UInt64PowersOfTen =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
        10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL,
        1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
    ];

    private static readonly Int128[] PowersOfTen = CreatePowersOfTen();

    private static Int128 Pow10(int exponent) => PowersOfTen[exponent];

    private static Int128[] CreatePowersOfTen()
    {
        var powers = new Int128[39];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
