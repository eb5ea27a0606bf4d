using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Contracts.Kafka.Diagnostics;

/// <summary>A consumer that reports its lag per partition to the <see cref="KafkaTelemetry.ConsumerLagMetric"/> gauge.</summary>
internal interface ILagSource
{
    /// <summary>Adds the last lag seen on each assigned partition; called on the metrics collection thread.</summary>
    void AddLag(List<Measurement<long>> measurements);
}
