using System;
using Microsoft.Extensions.Logging;

namespace Contracts.Kafka.Consuming;

/// <summary>The consumer's log messages (source-generated, no formatting cost when the level is off).</summary>
internal static partial class ConsumerLog
{
    [LoggerMessage(1001, LogLevel.Information, "Consumer group '{Group}' subscribed to {Topics}")]
    public static partial void Subscribed(ILogger logger, string group, string topics);

    [LoggerMessage(1002, LogLevel.Warning, "Consumer group '{Group}' skipped {Topic}[{Partition}]@{Offset}: no handler for message type '{MessageType}' version {Version}")]
    public static partial void SkippedUnknown(ILogger logger, string group, string topic, int partition, long offset, string messageType, int version);

    [LoggerMessage(1003, LogLevel.Warning, "Consumer group '{Group}' sent {Topic}[{Partition}]@{Offset} to dead-letter topic {DeadLetterTopic} ({Reason})")]
    public static partial void DeadLettered(ILogger logger, Exception? error, string group, string topic, int partition, long offset, string deadLetterTopic, string reason);

    [LoggerMessage(1004, LogLevel.Warning, "Consumer group '{Group}': attempt {Attempt} failed for {Topic}[{Partition}]@{Offset}; partition paused, retrying in {Delay}")]
    public static partial void BlockingRetry(ILogger logger, Exception error, string group, int attempt, string topic, int partition, long offset, TimeSpan delay);

    [LoggerMessage(1005, LogLevel.Warning, "Consumer group '{Group}': attempt {Attempt} failed for {Topic}[{Partition}]@{Offset}; forwarded to {RetryTopic}")]
    public static partial void NonBlockingRetry(ILogger logger, Exception error, string group, int attempt, string topic, int partition, long offset, string retryTopic);

    [LoggerMessage(1006, LogLevel.Warning, "Consumer group '{Group}': {Reason}")]
    public static partial void ConsumeError(ILogger logger, string group, string reason);

    [LoggerMessage(1007, LogLevel.Information, "Consumer group '{Group}' stopped; offsets of handled messages committed")]
    public static partial void Stopped(ILogger logger, string group);

    [LoggerMessage(1008, LogLevel.Warning, "Consumer group '{Group}' aborted: shutdown timed out, in-flight work abandoned and uncommitted offsets left for redelivery")]
    public static partial void Aborted(ILogger logger, string group);

    [LoggerMessage(1009, LogLevel.Error, "Consumer group '{Group}' stopped on an error")]
    public static partial void Failed(ILogger logger, Exception error, string group);

    [LoggerMessage(1010, LogLevel.Information, "Consumer group '{Group}': partitions revoked {Partitions}")]
    public static partial void Revoked(ILogger logger, string group, string partitions);

    [LoggerMessage(1011, LogLevel.Information, "Consumer group '{Group}': partitions assigned {Partitions}")]
    public static partial void Assigned(ILogger logger, string group, string partitions);

    [LoggerMessage(1012, LogLevel.Warning, "Consumer group '{Group}': committing offsets failed ({Error}); messages handled since the last commit will be delivered again")]
    public static partial void CommitFailed(ILogger logger, string group, string error);
}
