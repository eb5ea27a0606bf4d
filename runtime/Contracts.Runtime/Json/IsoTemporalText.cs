using System;

namespace Contracts.Json;

/// <summary>
/// ISO 8601 text for dates and times as Python's <c>isoformat()</c> writes it and Django REST Framework sends it:
/// <c>2024-01-02</c>, <c>03:04:05</c> or <c>03:04:05.123456</c> (microseconds only when not zero), and date-times
/// joined by <c>T</c> with <c>Z</c> for UTC. Parsing also accepts what other producers commonly write: a space or lower
/// case <c>t</c> as separator, 1 to 9 fraction digits (beyond 100 ns truncated), <c>z</c>, <c>±hh:mm</c>, <c>±hhmm</c>
/// or <c>±hh</c> offsets, and times without seconds.
/// </summary>
internal static class IsoTemporalText
{
    /// <summary>Longest output: <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>.</summary>
    public const int MaxLength = 27;

    public static int FormatDate(DateOnly date, Span<byte> destination)
    {
        WriteDigits(destination, 0, date.Year, 4);
        destination[4] = (byte)'-';
        WriteDigits(destination, 5, date.Month, 2);
        destination[7] = (byte)'-';
        WriteDigits(destination, 8, date.Day, 2);
        return 10;
    }

    /// <summary>Writes <c>HH:mm:ss[.ffffff]</c> at <paramref name="position"/>; sub-microsecond ticks must already be gone.</summary>
    public static int FormatTime(long ticksOfDay, Span<byte> destination, int position = 0)
    {
        var seconds = ticksOfDay / TimeSpan.TicksPerSecond;
        var micros = (int)(ticksOfDay % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond);
        WriteDigits(destination, position, (int)(seconds / 3600), 2);
        destination[position + 2] = (byte)':';
        WriteDigits(destination, position + 3, (int)(seconds / 60 % 60), 2);
        destination[position + 5] = (byte)':';
        WriteDigits(destination, position + 6, (int)(seconds % 60), 2);
        position += 8;
        if (micros != 0)
        {
            destination[position] = (byte)'.';
            WriteDigits(destination, position + 1, micros, 6);
            position += 7;
        }

        return position;
    }

    /// <summary>Writes a date-time of <paramref name="ticks"/> (already truncated to its unit), with <c>Z</c> when <paramref name="utc"/>.</summary>
    public static int FormatDateTime(long ticks, bool utc, Span<byte> destination)
    {
        var value = new DateTime(ticks);
        var position = FormatDate(DateOnly.FromDateTime(value), destination);
        destination[position++] = (byte)'T';
        position = FormatTime(ticks % TimeSpan.TicksPerDay, destination, position);
        if (utc)
        {
            destination[position++] = (byte)'Z';
        }

        return position;
    }

    /// <summary>Parses <c>yyyy-MM-dd</c>; returns null or why the text is not a date.</summary>
    public static string? ParseDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        var position = 0;
        var error = ReadDate(text, ref position, out date);
        return error ?? (position == text.Length ? null : "unexpected text after the date; expected yyyy-MM-dd.");
    }

    /// <summary>Parses <c>HH:mm[:ss[.fffffffff]]</c> into ticks since midnight.</summary>
    public static string? ParseTime(ReadOnlySpan<byte> text, out long ticksOfDay)
    {
        var position = 0;
        var error = ReadTime(text, ref position, out ticksOfDay);
        if (error is null && position != text.Length)
        {
            return position < text.Length && (text[position] == 'Z' || text[position] == 'z' || text[position] == '+' || text[position] == '-')
                ? "a time of day cannot carry a UTC offset (Python's time.isoformat() of a naive time has none)."
                : "unexpected text after the time; expected HH:mm:ss[.ffffff].";
        }

        return error;
    }

    /// <summary>Parses a date and time with an optional offset; <paramref name="offset"/> is null when there is none.</summary>
    public static string? ParseDateTime(ReadOnlySpan<byte> text, out long wallTicks, out TimeSpan? offset)
    {
        wallTicks = 0;
        offset = null;
        var position = 0;
        var error = ReadDate(text, ref position, out var date);
        if (error is not null)
        {
            return error;
        }

        if (position >= text.Length || (text[position] != 'T' && text[position] != 't' && text[position] != ' '))
        {
            return "expected 'T' between the date and the time, as in 2024-01-02T03:04:05Z.";
        }

        position++;
        error = ReadTime(text, ref position, out var ticksOfDay);
        if (error is not null)
        {
            return error;
        }

        wallTicks = date.DayNumber * TimeSpan.TicksPerDay + ticksOfDay;
        if (position == text.Length)
        {
            return null;
        }

        error = ReadOffset(text, ref position, out var parsedOffset);
        if (error is not null)
        {
            return error;
        }

        offset = parsedOffset;
        return position == text.Length ? null : "unexpected text after the UTC offset.";
    }

    private static string? ReadDate(ReadOnlySpan<byte> text, ref int position, out DateOnly date)
    {
        date = default;
        if (text.Length - position < 10 || text[position + 4] != '-' || text[position + 7] != '-'
            || !TryDigits(text, position, 4, out var year) || !TryDigits(text, position + 5, 2, out var month) || !TryDigits(text, position + 8, 2, out var day))
        {
            return "expected a date as yyyy-MM-dd.";
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return "the date does not exist (year 1 to 9999, month 1 to 12, day within the month).";
        }

        date = new DateOnly(year, month, day);
        position += 10;
        return null;
    }

    private static string? ReadTime(ReadOnlySpan<byte> text, ref int position, out long ticksOfDay)
    {
        ticksOfDay = 0;
        if (text.Length - position < 5 || text[position + 2] != ':' || !TryDigits(text, position, 2, out var hour) || !TryDigits(text, position + 3, 2, out var minute))
        {
            return "expected a time as HH:mm:ss[.ffffff].";
        }

        position += 5;
        var second = 0;
        long fractionTicks = 0;
        if (position < text.Length && text[position] == ':')
        {
            if (!TryDigits(text, position + 1, 2, out second))
            {
                return "expected two digits of seconds after HH:mm:.";
            }

            position += 3;
            if (position < text.Length && (text[position] == '.' || text[position] == ','))
            {
                position++;
                var digits = 0;
                while (position < text.Length && (uint)(text[position] - '0') <= 9)
                {
                    // 100 ns is the finest a DateTime holds; further digits are dropped, as the unit truncation does anyway.
                    if (digits < 7)
                    {
                        fractionTicks = fractionTicks * 10 + (text[position] - '0');
                    }

                    digits++;
                    position++;
                }

                if (digits == 0 || digits > 9)
                {
                    return "expected 1 to 9 digits of fraction after the seconds' point.";
                }

                for (var i = digits; i < 7; i++)
                {
                    fractionTicks *= 10;
                }
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return "the time does not exist (hours 0 to 23, minutes and seconds 0 to 59).";
        }

        ticksOfDay = (((hour * 60L) + minute) * 60 + second) * TimeSpan.TicksPerSecond + fractionTicks;
        return null;
    }

    private static string? ReadOffset(ReadOnlySpan<byte> text, ref int position, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var sign = text[position];
        if (sign == 'Z' || sign == 'z')
        {
            position++;
            return null;
        }

        if ((sign != '+' && sign != '-') || !TryDigits(text, position + 1, 2, out var hours))
        {
            return "expected a UTC offset: Z, ±hh:mm, ±hhmm or ±hh.";
        }

        position += 3;
        var minutes = 0;
        if (position < text.Length && text[position] == ':')
        {
            if (!TryDigits(text, position + 1, 2, out minutes))
            {
                return "expected two digits of offset minutes after ±hh:.";
            }

            position += 3;
        }
        else if (TryDigits(text, position, 2, out minutes))
        {
            position += 2;
        }

        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        {
            return "the UTC offset is outside ±14:00.";
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (sign == '-')
        {
            offset = -offset;
        }

        return null;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int position, int count, out int value)
    {
        value = 0;
        if (position < 0 || text.Length - position < count)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var digit = (uint)(text[position + i] - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }

    private static void WriteDigits(Span<byte> destination, int position, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[position + i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
