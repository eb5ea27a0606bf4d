using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Contracts.Kafka.Native;

/// <summary>
/// The librdkafka client (<c>rd_kafka_t</c>) inside a Confluent.Kafka producer or consumer, for the hot paths that call
/// librdkafka directly instead of through Confluent.Kafka's per-message marshalling. Confluent.Kafka keeps it in an
/// internal property of the public <see cref="Handle"/>; it is bound by <see cref="UnsafeAccessorAttribute"/> (no
/// reflection, trim- and AOT-safe) and checked against the client's name, so a Confluent.Kafka release that moves it
/// makes <see cref="TryGet"/> return null and the caller keep Confluent.Kafka's path.
/// </summary>
internal static partial class ClientHandle
{
    /// <summary>
    /// The client's native handle, or null when it cannot be reached safely (another Confluent.Kafka layout, a 32-bit
    /// process whose <c>rd_kafka_vu_t</c> differs, or librdkafka not bindable). The caller holds a reference
    /// (<see cref="SafeHandle.DangerousAddRef"/>) around each native call, so a disposed client fails cleanly.
    /// </summary>
    public static SafeHandle? TryGet(IClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!Environment.Is64BitProcess)
        {
            return null;
        }

        SafeHandle? handle;
        try
        {
            LibrdkafkaLibrary.EnsureBound();
            handle = LibrdkafkaHandle(client.Handle) as SafeHandle;
        }
        catch (Exception exception) when (exception is MissingMemberException or TypeLoadException or EmbeddedKafkaException)
        {
            return null;
        }

        if (handle is null || handle.IsInvalid || handle.IsClosed)
        {
            return null;
        }

        return NameOf(handle) == client.Name ? handle : null;
    }

    private static string? NameOf(SafeHandle handle)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Marshal.PtrToStringUTF8(ClientName(handle.DangerousGetHandle()));
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Returns a string owned by <paramref name="client"/>.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_name")]
    private static partial IntPtr ClientName(IntPtr client);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_LibrdkafkaHandle")]
    [return: UnsafeAccessorType("Confluent.Kafka.Impl.SafeKafkaHandle, Confluent.Kafka")]
    private static extern object LibrdkafkaHandle(Handle handle);
}
