namespace Contracts.Kafka.Retries;

/// <summary>How a consumer retries a handler that threw.</summary>
public enum RetryMode
{
    /// <summary>No retry: a failed message goes straight to the dead-letter topic.</summary>
    None,

    /// <summary>
    /// Pause the message's partition, wait the backoff and deliver the same message again; later messages of that
    /// partition wait (order is kept), other partitions go on.
    /// </summary>
    Blocking,

    /// <summary>
    /// Forward the message to <c>&lt;group&gt;.&lt;topic&gt;.retry.&lt;n&gt;</c> and go on; the same consumer reads the retry
    /// topics once each message's delay has passed (django-kafka's non-blocking retries). Order is not kept.
    /// </summary>
    NonBlocking,
}
