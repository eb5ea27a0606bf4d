using System;
using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Contracts;

/// <summary>
/// Writes a <see cref="KeyFormat.Plain"/> message key: each key field as invariant-culture UTF-8 text, several fields
/// joined with <c>'|'</c>. Generated <c>WriteKey</c> methods call it; it allocates nothing.
/// </summary>
public static class PlainKeyWriter
{
    /// <summary>Writes <paramref name="value"/> as UTF-8.</summary>
    /// <exception cref="ContractEncodeException"><paramref name="value"/> is null or holds an unpaired surrogate.</exception>
    public static void WriteText(IBufferWriter<byte> output, string? value)
    {
        if (value is null)
        {
            throw new ContractEncodeException(ContractFormat.Avro, "null is not allowed in a message key.");
        }

        var target = output.GetSpan(value.Length * 3);
        if (Utf8.FromUtf16(value, target, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw new ContractEncodeException(ContractFormat.Avro, "the key text holds an unpaired UTF-16 surrogate and has no UTF-8 form.");
        }

        output.Advance(written);
    }

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public static void WriteBoolean(IBufferWriter<byte> output, bool value)
    {
        var text = value ? "true"u8 : "false"u8;
        text.CopyTo(output.GetSpan(text.Length));
        output.Advance(text.Length);
    }

    /// <summary>Writes a number, date, time or Guid in <paramref name="format"/> with the invariant culture.</summary>
    public static void WriteFormattable<T>(IBufferWriter<byte> output, T value, string? format)
        where T : IUtf8SpanFormattable
    {
        var size = 64;
        while (true)
        {
            var target = output.GetSpan(size);
            if (value.TryFormat(target, out var written, format, CultureInfo.InvariantCulture))
            {
                output.Advance(written);
                return;
            }

            size = Math.Max(size * 2, target.Length + 1);
        }
    }

    /// <summary>Writes the <c>'|'</c> between the fields of a composite key.</summary>
    public static void WriteSeparator(IBufferWriter<byte> output)
    {
        output.GetSpan(1)[0] = (byte)'|';
        output.Advance(1);
    }
}
