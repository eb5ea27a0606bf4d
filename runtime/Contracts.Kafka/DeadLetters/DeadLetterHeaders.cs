namespace Contracts.Kafka.DeadLetters;

/// <summary>
/// Headers a consumer adds to a message it forwards to <c>&lt;group&gt;.&lt;topic&gt;.dlt</c>; the original key, value and
/// headers are kept as they were.
/// </summary>
public static class DeadLetterHeaders
{
    /// <summary>Why: <c>undecodable</c>, <c>unknown-type</c>, <c>unknown-version</c>, <c>handler-failed</c> or <c>retries-exhausted</c>.</summary>
    public const string Reason = "dlt-reason";

    /// <summary>The topic the message was first consumed from.</summary>
    public const string OriginalTopic = "dlt-original-topic";

    /// <summary>Its partition there, decimal.</summary>
    public const string OriginalPartition = "dlt-original-partition";

    /// <summary>Its offset there, decimal.</summary>
    public const string OriginalOffset = "dlt-original-offset";

    /// <summary>The consumer group that gave up.</summary>
    public const string ConsumerGroup = "dlt-consumer-group";

    /// <summary>How many handler calls were made, decimal (0 when the message could not be decoded or routed).</summary>
    public const string Attempts = "dlt-attempts";

    /// <summary>The full name of the exception.</summary>
    public const string ExceptionType = "dlt-exception-type";

    /// <summary>The exception's message.</summary>
    public const string ExceptionMessage = "dlt-exception-message";

    /// <summary>For a decode error: the field path inside the message (empty for the root).</summary>
    public const string FieldPath = "dlt-field-path";

    /// <summary>For a decode error: the byte offset in the payload, decimal.</summary>
    public const string ByteOffset = "dlt-byte-offset";
}
