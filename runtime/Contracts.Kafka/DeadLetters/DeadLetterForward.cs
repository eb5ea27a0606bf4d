using System;
using System.Collections.Generic;
using System.Globalization;
using Confluent.Kafka;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.Retries;

namespace Contracts.Kafka.DeadLetters;

/// <summary>A message on its way to its group's dead-letter topic, <c>&lt;group&gt;.&lt;topic&gt;.dlt</c>.</summary>
internal static class DeadLetterForward
{
    /// <summary>
    /// The forward of <paramref name="result"/> with the <c>dlt-*</c> headers: why, where the message was first consumed,
    /// by which group, after how many attempts, and the error with its field path and byte offset when it has them.
    /// </summary>
    public static ForwardedMessage For(string group, SourceTopic source, ConsumedRecord result, DeadLetterReason reason, Exception? error, int attempts)
    {
        var (topic, partition, offset) = source.Origin(result);
        var headers = new List<KeyValuePair<string, string>>
        {
            new(DeadLetterHeaders.Reason, ReasonText(reason)),
            new(DeadLetterHeaders.OriginalTopic, topic),
            new(DeadLetterHeaders.OriginalPartition, partition.ToString(CultureInfo.InvariantCulture)),
            new(DeadLetterHeaders.OriginalOffset, offset.ToString(CultureInfo.InvariantCulture)),
            new(DeadLetterHeaders.ConsumerGroup, group),
            new(DeadLetterHeaders.Attempts, attempts.ToString(CultureInfo.InvariantCulture)),
        };
        if (error is not null)
        {
            headers.Add(new(DeadLetterHeaders.ExceptionType, error.GetType().FullName ?? error.GetType().Name));
            headers.Add(new(DeadLetterHeaders.ExceptionMessage, error.Message));
            if (error is ContractException contractError)
            {
                headers.Add(new(DeadLetterHeaders.FieldPath, contractError.FieldPath));
            }

            if (error is ContractDecodeException decodeError)
            {
                headers.Add(new(DeadLetterHeaders.ByteOffset, decodeError.Offset.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return new ForwardedMessage(RetryTopics.DeadLetter(group, source.OriginalTopic), result, headers);
    }

    /// <summary>The <c>dlt-reason</c> header's value.</summary>
    public static string ReasonText(DeadLetterReason reason) => reason switch
    {
        DeadLetterReason.Undecodable => "undecodable",
        DeadLetterReason.UnknownType => "unknown-type",
        DeadLetterReason.UnknownVersion => "unknown-version",
        DeadLetterReason.HandlerFailed => "handler-failed",
        _ => "retries-exhausted",
    };
}
