namespace Contracts.Kafka.DeadLetters;

/// <summary>Why a message went to the dead-letter topic; written as the <see cref="DeadLetterHeaders.Reason"/> header.</summary>
public enum DeadLetterReason
{
    /// <summary>The payload or its headers could not be decoded (<c>undecodable</c>).</summary>
    Undecodable,

    /// <summary>No handler for the message type (<c>unknown-type</c>).</summary>
    UnknownType,

    /// <summary>A handled type in a version no handler accepts (<c>unknown-version</c>).</summary>
    UnknownVersion,

    /// <summary>The handler threw an exception the retry policy does not retry (<c>handler-failed</c>).</summary>
    HandlerFailed,

    /// <summary>The handler failed on every allowed attempt (<c>retries-exhausted</c>).</summary>
    RetriesExhausted,
}
