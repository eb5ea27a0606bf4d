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

    /// <summary>The settings librdkafka receives: everything but the <c>contracts.*</c> keys.</summary>
    public IEnumerable<KeyValuePair<string, string>> ClientSettings() =>
        this.Where(static setting => !setting.Key.StartsWith(PropertyNames.Prefix, System.StringComparison.Ordinal));
}
