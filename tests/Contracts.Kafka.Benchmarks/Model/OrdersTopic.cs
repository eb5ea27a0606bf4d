using Contracts.Benchmarks.Model;
using Contracts.Messaging;

namespace Contracts.Kafka.Benchmarks.Model;

[Topic("orders", typeof(OrderPlacedV1))]
internal sealed partial class OrdersTopic;

/// <summary>The consume harness's fetching-regime topic: larger than librdkafka's prefetch queue, so it streams.</summary>
[Topic("orders-stream", typeof(OrderPlacedV1))]
internal sealed partial class OrderStreamTopic;
