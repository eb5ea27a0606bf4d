using System;
using System.Collections.Generic;
using System.Globalization;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.DeadLetters;

namespace Contracts.Kafka.Retries;

/// <summary>A message whose handler call failed, on its way to the retry topic of the attempt it failed on.</summary>
internal static class RetryForward
{
    /// <summary>
    /// The forward of <paramref name="context"/>'s message after failing attempt <see cref="MessageContext.Attempt"/>:
    /// to <c>&lt;group&gt;.&lt;topic&gt;.retry.&lt;attempt&gt;</c>, with the next attempt, when it may run, where the
    /// message was first consumed, and the error.
    /// </summary>
    public static ForwardedMessage For(string group, SourceTopic source, MessageContext context, DateTimeOffset notBefore, Exception error)
    {
        var attempt = context.Attempt;
        var (topic, partition, offset) = source.Origin(context.Record);
        return new ForwardedMessage(
            RetryTopics.Retry(group, source.OriginalTopic, attempt),
            context.Record,
            [
                new(RetryHeaders.Attempt, (attempt + 1).ToString(CultureInfo.InvariantCulture)),
                new(RetryHeaders.NotBefore, notBefore.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                new(RetryHeaders.OriginalTopic, topic),
                new(RetryHeaders.OriginalPartition, partition.ToString(CultureInfo.InvariantCulture)),
                new(RetryHeaders.OriginalOffset, offset.ToString(CultureInfo.InvariantCulture)),
                new(RetryHeaders.ExceptionType, error.GetType().FullName ?? error.GetType().Name),
                new(RetryHeaders.ExceptionMessage, error.Message),
            ]);
    }
}
