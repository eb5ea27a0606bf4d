namespace Contracts.Kafka.Consuming;

/// <summary>What a consumer does with a message whose (type, version) no registered handler accepts.</summary>
public enum UnknownMessagePolicy
{
    /// <summary>
    /// Stop consuming with <see cref="UnknownMessageException"/> (django-logpipe's <c>UnknownMessageVersionError</c>);
    /// the message's offset is not committed, so it is read again after a fix is deployed. The default.
    /// </summary>
    Fail,

    /// <summary>Log a warning, commit the offset and go on.</summary>
    Skip,

    /// <summary>Forward the message, unchanged, to <c>&lt;group&gt;.&lt;topic&gt;.dlt</c> with the reason in headers and go on.</summary>
    DeadLetter,
}
