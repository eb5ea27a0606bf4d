using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Contracts.Avro;

/// <summary>
/// Fresh strings to be filled in place by the decoders, allocated without a delegate. <c>string.Create</c> hands the
/// new string to a <c>SpanAction</c>, and the JIT inlines that delegate only when dynamic PGO's guarded
/// devirtualisation happens to have profiled it before the reader was recompiled, which varies from process to process
/// (a call and an indirect call per string when it has not). The runtime's own allocation behind <c>string.Create</c>
/// is bound here by <see cref="UnsafeAccessorAttribute"/> (no reflection; resolved by the JIT and inlined) and checked
/// once: a runtime without it gets <c>new string('\0', n)</c>, the same object by a public constructor that is a call.
/// </summary>
internal static class StringAllocator
{
    /// <summary>Whether this runtime has <c>string.FastAllocateString(nint)</c>; folded to a constant by the optimising JIT.</summary>
    private static readonly bool HasFastAllocate = ProbeFastAllocate();

    /// <summary>
    /// A new string of <paramref name="length"/> characters (1 or more) whose content the caller must write in full
    /// through <see cref="FirstChar"/> before it is seen by anyone else; an empty string is <see cref="string.Empty"/> (never to be written),
    /// as with <c>string.Create</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string Allocate(int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        return HasFastAllocate ? FastAllocateString(null, length) : new string('\0', length);
    }

    /// <summary>
    /// The first character of a string from <see cref="Allocate"/>, writable: a reference, not a span, so there is no
    /// null test (<c>AsSpan</c> branches on null) and no length to load; the caller knows the length it allocated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref char FirstChar(string text) => ref Unsafe.AsRef(in text.GetPinnableReference());

    /// <summary>The runtime's uninitialised string allocation (the first parameter only names the type).</summary>
    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "FastAllocateString")]
    private static extern string FastAllocateString(string? type, nint length);

    private static bool ProbeFastAllocate()
    {
        try
        {
            return FastAllocateString(null, 1).Length == 1;
        }
        catch (MissingMethodException)
        {
            return false;
        }
    }
}
