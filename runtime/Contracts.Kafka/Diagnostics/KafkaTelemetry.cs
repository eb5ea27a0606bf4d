using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Contracts.Kafka.Diagnostics;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> of Contracts' Kafka clients, both named
/// <see cref="Name"/>: subscribe to it with OpenTelemetry's <c>AddSource</c>/<c>AddMeter</c>.
/// </summary>
public static class KafkaTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Contracts.Kafka";

    /// <summary><c>messaging.client.consumed.messages</c>: messages handed to the application.</summary>
    public const string ConsumedMessagesMetric = "messaging.client.consumed.messages";

    /// <summary>
    /// <c>messaging.client.sent.messages</c>: messages produced (retry and dead-letter forwards included), counted when
    /// the send completes; failed sends carry <c>error.type</c>.
    /// </summary>
    public const string SentMessagesMetric = "messaging.client.sent.messages";

    /// <summary>
    /// <c>messaging.client.operation.duration</c>: seconds from handing a message to the producer until the broker
    /// acknowledged it (or the send failed, with <c>error.type</c>).
    /// </summary>
    public const string OperationDurationMetric = "messaging.client.operation.duration";

    /// <summary><c>messaging.process.duration</c>: handler duration in seconds, with <c>error.type</c> when it threw.</summary>
    public const string ProcessDurationMetric = "messaging.process.duration";

    /// <summary><c>contracts.messaging.failed.messages</c>: messages that were not handled, by <c>contracts.outcome</c>.</summary>
    public const string FailedMessagesMetric = "contracts.messaging.failed.messages";

    /// <summary><c>messaging.kafka.consumer.lag</c>: messages between a partition's high watermark and the group's position.</summary>
    public const string ConsumerLagMetric = "messaging.kafka.consumer.lag";

    /// <summary>Starts consumer and producer spans.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Holds the counters and histograms below.</summary>
    public static Meter Meter { get; } = new(Name);

    internal static Counter<long> ConsumedMessages { get; } =
        Meter.CreateCounter<long>(ConsumedMessagesMetric, "{message}", "Messages consumed and dispatched to a handler.");

    internal static Counter<long> SentMessages { get; } =
        Meter.CreateCounter<long>(SentMessagesMetric, "{message}", "Messages produced.");

    internal static Histogram<double> OperationDuration { get; } =
        Meter.CreateHistogram<double>(OperationDurationMetric, "s", "Duration of send operations, until the broker acknowledged.", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
        });

    internal static Histogram<double> ProcessDuration { get; } =
        Meter.CreateHistogram<double>(ProcessDurationMetric, "s", "Duration of handler calls.", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        });

    internal static Counter<long> FailedMessages { get; } =
        Meter.CreateCounter<long>(FailedMessagesMetric, "{message}", "Messages not handled: retried, dead-lettered, skipped or failed.");

    private static readonly List<ILagSource> LagSources = [];

    private static readonly ObservableGauge<long> ConsumerLag =
        Meter.CreateObservableGauge(ConsumerLagMetric, ObserveLag, "{message}", "Messages a consumer group has yet to read from a partition.");

    /// <summary>Adds a consumer whose lag the gauge reports until the returned handle is disposed.</summary>
    internal static System.IDisposable RegisterLagSource(ILagSource source)
    {
        _ = ConsumerLag;
        lock (LagSources)
        {
            LagSources.Add(source);
        }

        return new LagRegistration(source);
    }

    private static IEnumerable<Measurement<long>> ObserveLag()
    {
        ILagSource[] sources;
        lock (LagSources)
        {
            sources = [.. LagSources];
        }

        var measurements = new List<Measurement<long>>();
        foreach (var source in sources)
        {
            source.AddLag(measurements);
        }

        return measurements;
    }

    private sealed class LagRegistration(ILagSource source) : System.IDisposable
    {
        public void Dispose()
        {
            lock (LagSources)
            {
                LagSources.Remove(source);
            }
        }
    }
}
