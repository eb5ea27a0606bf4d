using System;
using Contracts.Avro;
using Xunit;

namespace Contracts.Runtime.Tests.Support;

/// <summary>Asserts that bad input raises exactly <see cref="ContractDecodeException"/>, where and why.</summary>
internal static class DecodeAssert
{
    public static ContractDecodeException Fails<T>(byte[] bytes, ReadWith<T> read, long offset, string reasonPart, AvroReaderOptions? options = null)
    {
        var error = Assert.Throws<ContractDecodeException>(() => AvroCodec.ReadAll(bytes, read, options));
        Assert.Equal(ContractFormat.Avro, error.Format);
        Assert.True(error.Reason.Contains(reasonPart, StringComparison.Ordinal), $"expected \"{reasonPart}\" in: {error.Reason}");
        Assert.True(offset == error.Offset, $"expected offset {offset}, got {error.Offset}: {error.Message}");
        Assert.Contains($"at byte {offset} ", error.Message, StringComparison.Ordinal);
        return error;
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
