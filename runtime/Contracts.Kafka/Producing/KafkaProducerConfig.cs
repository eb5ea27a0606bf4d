using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;

namespace Contracts.Kafka;

/// <summary>
/// Confluent.Kafka's <see cref="ProducerConfig"/> plus the settings of <see cref="KafkaMessageProducer"/> (keys under
/// <c>contracts.</c>, never passed to librdkafka). Idempotence is on unless set otherwise: retries after a broker
/// failure then neither duplicate nor reorder messages.
/// </summary>
public sealed class KafkaProducerConfig : ProducerConfig
{
    /// <summary>Creates a configuration with idempotence enabled.</summary>
    public KafkaProducerConfig()
    {
        EnableIdempotence = true;
    }

    /// <summary>Creates a configuration from key/value pairs (e.g. bound from <c>appsettings.json</c>); idempotence is enabled unless they set it.</summary>
    public KafkaProducerConfig(IDictionary<string, string> config)
        : base(config)
    {
        if (!config.ContainsKey("enable.idempotence"))
        {
            EnableIdempotence = true;
        }
    }

    /// <summary>The <c>contracts.*</c> property names, for configuration dictionaries.</summary>
    public static class PropertyNames
    {
        /// <summary>The prefix of every setting that belongs to Contracts rather than librdkafka.</summary>
        public const string Prefix = "contracts.";

        /// <summary>logpipe's <c>"producer"</c> field of JSON envelopes; see <see cref="ProducerName"/>.</summary>
        public const string ProducerName = "contracts.producer.name";

        /// <summary>Whether unobserved fire-and-forget sends call librdkafka directly; see <see cref="DirectProduce"/>.</summary>
        public const string DirectProduce = "contracts.producer.direct";
    }

    /// <summary>
    /// Written as the <c>"producer"</c> field of JSON envelopes (logpipe names the sending service there); omitted when
    /// null. Avro topics carry no such field.
    /// </summary>
    public string? ProducerName
    {
        get => Get(PropertyNames.ProducerName);
        set
        {
            if (value is null)
            {
                properties.Remove(PropertyNames.ProducerName);
            }
            else
            {
                Set(PropertyNames.ProducerName, value);
            }
        }
    }

    /// <summary>
    /// Whether fire-and-forget sends with no delivery callback, no span, no metric listener and no caller's activity
    /// hand key, value and headers to librdkafka's <c>rd_kafka_produceva</c> directly, from this thread's serialization
    /// buffer, instead of through Confluent.Kafka's per-message marshalling (the same librdkafka call, the same bytes,
    /// partitioner and error handling; about half the producing thread's CPU per message). Default true; false keeps
    /// every send on Confluent.Kafka's <c>Produce</c>. Where the librdkafka client cannot be reached safely (a 32-bit
    /// process, another Confluent.Kafka build) sends take Confluent.Kafka's path either way.
    /// </summary>
    public bool DirectProduce
    {
        get => GetBool(PropertyNames.DirectProduce) ?? true;
        set => SetObject(PropertyNames.DirectProduce, value);
    }

    /// <summary>The settings librdkafka receives: everything but the <c>contracts.*</c> keys.</summary>
    public IEnumerable<KeyValuePair<string, string>> ClientSettings() =>
        this.Where(static setting => !setting.Key.StartsWith(PropertyNames.Prefix, System.StringComparison.Ordinal));
}
