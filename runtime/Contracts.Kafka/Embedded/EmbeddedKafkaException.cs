using System;
using Confluent.Kafka;

namespace Contracts.Kafka;

/// <summary>The embedded broker could not start, or refused an operation; <see cref="ErrorCode"/> says what the mock cluster answered.</summary>
public sealed class EmbeddedKafkaException : Exception
{
    /// <summary>Creates the exception for a failure that has no Kafka error code.</summary>
    public EmbeddedKafkaException(string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorCode = ErrorCode.Unknown;
    }

    /// <summary>Creates the exception for an operation the mock cluster answered with <paramref name="errorCode"/>.</summary>
    public EmbeddedKafkaException(string operation, ErrorCode errorCode)
        : base($"{operation} failed: {errorCode} ({new Error(errorCode).Reason})")
    {
        ErrorCode = errorCode;
    }

    /// <summary>The mock cluster's answer; <see cref="ErrorCode.Unknown"/> when it gave none.</summary>
    public ErrorCode ErrorCode { get; }
}
