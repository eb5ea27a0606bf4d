using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Contracts.Kafka.Diagnostics;

namespace Contracts.Kafka;

/// <summary>
/// The span and metrics of one send. When no activity listener and no meter listener is attached it is the default
/// value and costs two flag checks plus an <see cref="Activity.Current"/> read: the unobserved hot path stays raw.
/// </summary>
internal readonly struct SendTelemetry
{
    private static readonly DistributedContextPropagator.PropagatorSetterCallback AddHeader = static (carrier, name, value) =>
        ((Headers)carrier!).Add(name, Encoding.UTF8.GetBytes(value));

    private readonly Activity? _activity;
    private readonly long _startedAt;
    private readonly string? _topic;
    private readonly string? _messageType;

    private SendTelemetry(Activity? activity, long startedAt, string topic, string messageType)
    {
        _activity = activity;
        _startedAt = startedAt;
        _topic = topic;
        _messageType = messageType;
    }

    /// <summary>Whether a meter listener records sends (their count and duration).</summary>
    public static bool IsMeasured => KafkaTelemetry.SentMessages.Enabled || KafkaTelemetry.OperationDuration.Enabled;

    /// <summary>Whether anyone listens: the send then needs a delivery report to end the span and record the metrics.</summary>
    public bool IsObserved => _topic is not null;

    /// <summary>
    /// Starts the <c>send</c> span when <paramref name="listened"/> (the caller's reading of
    /// <see cref="KafkaTelemetry.ActivitySource"/>'s <c>HasListeners()</c>), and writes the trace context
    /// (<see cref="TraceHeaders"/>) into <paramref name="headers"/>: this send's span, or else the caller's current
    /// activity, so a trace continues through Kafka even when this library's spans are not collected. With neither, the
    /// headers are left as they are.
    /// </summary>
    public static SendTelemetry Start(string topic, IMessageDescriptor contract, Guid messageId, Headers headers, bool listened)
    {
        Activity? activity = null;
        if (listened)
        {
            activity = KafkaTelemetry.ActivitySource.StartActivity("send " + topic, ActivityKind.Producer);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(MessagingAttributes.System, MessagingAttributes.KafkaSystem);
                activity.SetTag(MessagingAttributes.OperationName, "send");
                activity.SetTag(MessagingAttributes.OperationType, "send");
                activity.SetTag(MessagingAttributes.DestinationName, topic);
                activity.SetTag(MessagingAttributes.ContractMessageType, contract.MessageType);
                activity.SetTag(MessagingAttributes.ContractMessageVersion, contract.Version);
                activity.SetTag(MessagingAttributes.MessageId, messageId.ToString());
            }
        }

        if ((activity ?? Activity.Current) is { } context)
        {
            DistributedContextPropagator.Current.Inject(context, headers, AddHeader);
        }

        var measured = IsMeasured;
        return activity is null && !measured
            ? default
            : new SendTelemetry(activity, measured ? Stopwatch.GetTimestamp() : 0, topic, contract.MessageType);
    }

    /// <summary>
    /// Stops the span being the caller's current activity while it stays open for the delivery report (fire-and-forget
    /// sends): what the caller does next is not part of the send.
    /// </summary>
    public void Detach(Activity? callersActivity)
    {
        if (_activity is not null)
        {
            Activity.Current = callersActivity;
        }
    }

    /// <summary>Ends the send as <paramref name="error"/> says: delivered to <paramref name="partition"/> at <paramref name="offset"/>, or failed.</summary>
    public void Complete(Error error, int partition, long offset)
    {
        if (error.IsError)
        {
            Fail(error.Code.ToString(), error.Reason);
        }
        else
        {
            Succeed(partition, offset);
        }
    }

    /// <summary>Ends the send as acknowledged by the broker.</summary>
    public void Succeed(int partition, long offset)
    {
        if (!IsObserved)
        {
            return;
        }

        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(MessagingAttributes.PartitionId, partition.ToString(CultureInfo.InvariantCulture));
            _activity.SetTag(MessagingAttributes.KafkaOffset, offset);
        }

        End(errorType: null);
    }

    /// <summary>Ends the send as failed with <paramref name="errorType"/> (a Kafka error code name, or <c>cancelled</c>).</summary>
    public void Fail(string errorType, string description)
    {
        if (!IsObserved)
        {
            return;
        }

        if (_activity is not null)
        {
            _activity.SetStatus(ActivityStatusCode.Error, description);
            _activity.SetTag(MessagingAttributes.ErrorType, errorType);
        }

        End(errorType);
    }

    private void End(string? errorType)
    {
        if (_activity is not null)
        {
            // Delivery reports arrive on librdkafka's thread, where Stop would make the span's parent current: undo that.
            var current = Activity.Current;
            _activity.Stop();
            if (!ReferenceEquals(current, _activity))
            {
                Activity.Current = current;
            }
        }

        if (_startedAt == 0)
        {
            return;
        }

        var tags = new TagList
        {
            { MessagingAttributes.System, MessagingAttributes.KafkaSystem },
            { MessagingAttributes.OperationName, "send" },
            { MessagingAttributes.OperationType, "send" },
            { MessagingAttributes.DestinationName, _topic },
            { MessagingAttributes.ContractMessageType, _messageType },
        };
        if (errorType is not null)
        {
            tags.Add(MessagingAttributes.ErrorType, errorType);
        }

        KafkaTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(_startedAt).TotalSeconds, tags);
        KafkaTelemetry.SentMessages.Add(1, tags);
    }
}
