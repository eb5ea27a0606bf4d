using System;

namespace Contracts;

/// <summary>Chooses the Avro logical type of a <see cref="DateTimeOffset"/> or <see cref="DateTime"/> field.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class AvroTimestampAttribute(AvroTimestampKind kind) : Attribute
{
    /// <summary>The logical type.</summary>
    public AvroTimestampKind Kind { get; } = kind;
}

/// <summary>Avro timestamp logical types.</summary>
public enum AvroTimestampKind
{
    /// <summary><c>timestamp-millis</c>: an instant, milliseconds since the Unix epoch (the default).</summary>
    Millis = 0,

    /// <summary><c>timestamp-micros</c>: an instant, microseconds since the Unix epoch.</summary>
    Micros = 1,

    /// <summary><c>local-timestamp-millis</c>: a wall-clock date and time with no time zone, milliseconds.</summary>
    LocalMillis = 2,

    /// <summary><c>local-timestamp-micros</c>: a wall-clock date and time with no time zone, microseconds.</summary>
    LocalMicros = 3,
}
