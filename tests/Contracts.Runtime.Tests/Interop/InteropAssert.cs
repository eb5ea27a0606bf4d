using System;
using System.Collections.Generic;
using Avro.IO;
using Contracts.Runtime.Tests.Support;
using CsCheck;
using Xunit;

namespace Contracts.Runtime.Tests.Interop;

/// <summary>
/// The three-way interop property: our bytes equal Apache.Avro's bytes for the same value, Apache's bytes decode with
/// our reader to the value, and our bytes decode with Apache's decoder to the value.
/// </summary>
internal static class InteropAssert
{
    public const long Iterations = 400;

    public static void Agrees<T>(
        Gen<T> values,
        WriteWith<T> ourWrite,
        Action<BinaryEncoder, T> apacheWrite,
        ReadWith<T> ourRead,
        Func<BinaryDecoder, T> apacheRead,
        Func<T, T, bool>? equal = null,
        long iterations = Iterations)
    {
        var same = equal ?? EqualityComparer<T>.Default.Equals;
        values.Sample(
            value =>
            {
                var ours = AvroCodec.Write(value, ourWrite);
                var apache = ApacheCodec.Write(encoder => apacheWrite(encoder, value));
                Assert.Equal(apache, ours);

                var readByUs = AvroCodec.ReadAll(apache, ourRead);
                Assert.True(same(value, readByUs), $"our reader decoded Apache's bytes of {value} as {readByUs}");

                var readByApache = ApacheCodec.ReadAll(ours, apacheRead);
                Assert.True(same(value, readByApache), $"Apache decoded our bytes of {value} as {readByApache}");
            },
            iter: iterations);
    }
}
