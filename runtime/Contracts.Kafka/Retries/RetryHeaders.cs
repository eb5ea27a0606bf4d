namespace Contracts.Kafka.Retries;

/// <summary>Headers a consumer adds when it forwards a message to a retry topic.</summary>
public static class RetryHeaders
{
    /// <summary>The attempt the retry consumer makes (2 for the first retry), decimal.</summary>
    public const string Attempt = "retry-attempt";

    /// <summary>Unix milliseconds before which the message is not handled again, decimal.</summary>
    public const string NotBefore = "retry-not-before";

    /// <summary>The topic the message was first consumed from.</summary>
    public const string OriginalTopic = "retry-original-topic";

    /// <summary>Its partition there, decimal.</summary>
    public const string OriginalPartition = "retry-original-partition";

    /// <summary>Its offset there, decimal.</summary>
    public const string OriginalOffset = "retry-original-offset";

    /// <summary>The full name of the exception the last attempt threw.</summary>
    public const string ExceptionType = "retry-exception-type";

    /// <summary>Its message.</summary>
    public const string ExceptionMessage = "retry-exception-message";
}
