using System;
using System.Runtime.CompilerServices;

namespace Contracts.Avro;

/// <summary>Conversions between .NET ticks and the Avro time units, shared by reader and writer.</summary>
internal static class AvroTime
{
    internal static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    // Inlined so the unit is a constant at each call site and the division becomes a multiplication.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long ToUnit(long ticks, long ticksPerUnit)
    {
        // The epoch is a whole number of units (milliseconds, microseconds) and .NET ticks are never negative, so
        // the floor of (ticks - epoch) / unit is ticks / unit - epoch / unit: an unsigned division, without the
        // sign corrections of a signed one and the floor's remainder test.
        if (DateTime.UnixEpoch.Ticks % ticksPerUnit == 0 && ticks >= 0)
        {
            return (long)((ulong)ticks / (ulong)ticksPerUnit) - (DateTime.UnixEpoch.Ticks / ticksPerUnit);
        }

        return Math.DivRem(ticks - DateTime.UnixEpoch.Ticks, ticksPerUnit, out var remainder) - (remainder < 0 ? 1 : 0);
    }

    internal static long UtcTicks(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryFromUnit(long units, long ticksPerUnit, out long ticks)
    {
        var maxUnits = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / ticksPerUnit;
        var minUnits = -(DateTime.UnixEpoch.Ticks / ticksPerUnit);
        if (units > maxUnits || units < minUnits)
        {
            ticks = 0;
            return false;
        }

        ticks = DateTime.UnixEpoch.Ticks + (units * ticksPerUnit);
        return true;
    }
}
