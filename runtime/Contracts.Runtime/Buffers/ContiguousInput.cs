using System;
using System.Buffers;

namespace Contracts.Buffers;

/// <summary>Decodes one message from a span.</summary>
internal delegate TResult SpanDecoder<in TOptions, out TResult>(ReadOnlySpan<byte> data, TOptions options);

/// <summary>
/// Gives span-based readers segmented input: a single segment is read in place, several are copied once into a pooled
/// buffer (a message must be contiguous to be read without per-byte segment checks on the hot path).
/// </summary>
internal static class ContiguousInput
{
    public static TResult Decode<TOptions, TResult>(in ReadOnlySequence<byte> data, ContractFormat format, TOptions options, SpanDecoder<TOptions, TResult> decode)
    {
        if (data.IsSingleSegment)
        {
            return decode(data.FirstSpan, options);
        }

        if (data.Length > int.MaxValue)
        {
            throw new ContractDecodeException(format, $"the input is {data.Length} bytes, more than one message can hold.", 0);
        }

        var length = (int)data.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            data.CopyTo(rented);
            return decode(rented.AsSpan(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
