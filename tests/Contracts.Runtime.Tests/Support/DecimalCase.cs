using System;
using System.Numerics;
using CsCheck;
using ApacheDecimal = global::Avro.AvroDecimal;

namespace Contracts.Runtime.Tests.Support;

/// <summary>A decimal that fits a (precision, scale) schema, with the unscaled integer computed independently of our code.</summary>
internal sealed record DecimalCase(decimal Value, BigInteger Unscaled, int Precision, int Scale, int FixedSize)
{
    /// <summary>bytes: precision 1..38, scale 0..precision; values with fewer decimals than the scale included.</summary>
    public static readonly Gen<DecimalCase> OnBytes =
        Gen.Int[1, 38].SelectMany(precision => Gen.Int[0, precision].SelectMany(scale => Of(precision, scale, 0)));

    /// <summary>fixed: size 1..16 and a precision the size can hold.</summary>
    public static readonly Gen<DecimalCase> OnFixed =
        Gen.Int[1, 16].SelectMany(size => Gen.Int[1, MaxPrecision(size)].SelectMany(precision =>
            Gen.Int[0, precision].SelectMany(scale => Of(precision, scale, size))));

    public ApacheDecimal ApacheValue => new(Unscaled, Scale);

    private static Gen<DecimalCase> Of(int precision, int scale, int fixedSize) =>
        // valueScale: the decimal's own scale (at most 28, at most the schema's); digits: its significant digits.
        Gen.Int[0, Math.Min(scale, 28)].SelectMany(valueScale =>
        {
            var maxDigits = Math.Min(28, precision - (scale - valueScale));
            return Gen.Int[0, Math.Max(0, maxDigits)].SelectMany(digits =>
                Gen.Select(Gen.Byte.Array[digits], Gen.Bool, (digitBytes, negative) =>
                {
                    var mantissa = BigInteger.Zero;
                    foreach (var b in digitBytes)
                    {
                        mantissa = (mantissa * 10) + (b % 10);
                    }

                    var value = new decimal((int)(uint)(mantissa & uint.MaxValue), (int)(uint)((mantissa >> 32) & uint.MaxValue), (int)(uint)(mantissa >> 64), negative, (byte)valueScale);
                    var unscaled = mantissa * BigInteger.Pow(10, scale - valueScale) * (negative ? -1 : 1);
                    return new DecimalCase(value, unscaled, precision, scale, fixedSize);
                }));
        }).Where(c => BigInteger.Abs(c.Unscaled) < BigInteger.Pow(10, c.Precision));

    private static int MaxPrecision(int size) => (int)Math.Floor(BigInteger.Log10(BigInteger.Pow(2, (8 * size) - 1) - 1));
}
