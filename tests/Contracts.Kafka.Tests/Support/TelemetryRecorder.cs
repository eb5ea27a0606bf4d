using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Contracts.Kafka.Diagnostics;

namespace Contracts.Kafka.Tests.Support;

/// <summary>
/// Listens to <see cref="KafkaTelemetry"/> for the spans and measurements of the given topics only: listeners are
/// process-wide and tests run in parallel, so each test samples and keeps what concerns its own topics.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly HashSet<string> _topics;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    public TelemetryRecorder(params string[] topics)
    {
        _topics = new HashSet<string>(topics, StringComparer.Ordinal);
        var spanNames = topics.SelectMany(t => new[] { "send " + t, "process " + t }).ToHashSet(StringComparer.Ordinal);
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == KafkaTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                spanNames.Contains(options.Name) ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            // Spans other listeners sampled reach this callback too.
            ActivityStopped = activity =>
            {
                if (spanNames.Contains(activity.OperationName))
                {
                    Spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == KafkaTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public ConcurrentQueue<Activity> Spans { get; } = new();

    public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    public void RecordObservableInstruments() => _meters.RecordObservableInstruments();

    public List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string instrument) =>
        Measurements.Where(m => m.Instrument == instrument).ToList();

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        if (map.GetValueOrDefault(MessagingAttributes.DestinationName) is string topic && _topics.Contains(topic))
        {
            Measurements.Enqueue((instrument.Name, value, map));
        }
    }
}
