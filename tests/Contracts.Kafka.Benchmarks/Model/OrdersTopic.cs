using Contracts.Benchmarks.Model;
using Contracts.Messaging;

namespace Contracts.Kafka.Benchmarks.Model;

[Topic("orders", typeof(OrderPlacedV1))]
internal sealed partial class OrdersTopic;
