namespace Contracts.Kafka.Diagnostics;

/// <summary>
/// The W3C Trace Context headers a producer writes and a consumer continues the trace from
/// (<see href="https://www.w3.org/TR/trace-context/"/>).
/// </summary>
public static class TraceHeaders
{
    /// <summary><c>traceparent</c>: version, trace id, parent span id and flags of the span that sent the message.</summary>
    public const string TraceParent = "traceparent";

    /// <summary><c>tracestate</c>: vendor-specific trace state, when the sending span had any.</summary>
    public const string TraceState = "tracestate";
}
