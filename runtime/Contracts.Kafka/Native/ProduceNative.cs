using System;
using System.Runtime.InteropServices;

namespace Contracts.Kafka.Native;

/// <summary>
/// librdkafka's produce API (rdkafka.h of librdkafka 2.16.0): <c>rd_kafka_produceva</c>, the array form of
/// <c>rd_kafka_producev</c> (a variadic function, which P/Invoke cannot call portably), and its error object.
/// Call <see cref="LibrdkafkaLibrary.EnsureBound"/> first.
/// </summary>
internal static unsafe partial class ProduceNative
{
    /// <summary><c>RD_KAFKA_MSG_F_COPY</c>: librdkafka copies key, value and headers before the call returns.</summary>
    public const int CopyPayload = 0x2;

    /// <summary>Returns null on success; otherwise an error the caller must destroy.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_produceva")]
    public static partial IntPtr ProduceVa(IntPtr client, ProduceArgument* arguments, nuint count);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_error_code")]
    public static partial int ErrorCode(IntPtr error);

    /// <summary>Returns a string owned by <paramref name="error"/>.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_error_string")]
    public static partial IntPtr ErrorString(IntPtr error);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_error_destroy")]
    public static partial void ErrorDestroy(IntPtr error);
}

/// <summary><c>rd_kafka_vtype_t</c>: what a <see cref="ProduceArgument"/> carries.</summary>
internal enum ProduceArgumentType
{
    Topic = 1,
    Partition = 3,
    Value = 4,
    Key = 5,
    MessageFlags = 7,
    Header = 9,
}

/// <summary>
/// <c>rd_kafka_vu_t</c>: a type tag, then a union padded to 64 bytes at pointer alignment (72 bytes on 64-bit
/// platforms). The three pointer-sized slots hold a C string (topic), an int (partition, flags), a pointer and size
/// (key, value) or a name, value and size (header).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 72)]
internal unsafe struct ProduceArgument
{
    [FieldOffset(0)]
    public ProduceArgumentType Type;

    [FieldOffset(8)]
    public void* First;

    [FieldOffset(8)]
    public int Number;

    [FieldOffset(16)]
    public nint Second;

    [FieldOffset(24)]
    public nint Third;

    public static ProduceArgument Text(ProduceArgumentType type, byte* nullTerminated) =>
        new() { Type = type, First = nullTerminated };

    public static ProduceArgument Integer(ProduceArgumentType type, int value) =>
        new() { Type = type, Number = value };

    public static ProduceArgument Bytes(ProduceArgumentType type, byte* bytes, int length) =>
        new() { Type = type, First = bytes, Second = length };

    public static ProduceArgument Header(byte* nullTerminatedName, byte* value, int length) =>
        new() { Type = ProduceArgumentType.Header, First = nullTerminatedName, Second = (nint)value, Third = length };
}
