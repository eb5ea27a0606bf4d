namespace Contracts.Kafka.Consuming;

/// <summary>How a consumer tells the wire format of a topic's messages.</summary>
public enum PayloadDetection
{
    /// <summary>
    /// A value starting with <c>json:</c> is a JSON envelope; anything else is Avro binary named by the
    /// <c>message-type</c>/<c>message-version</c> headers. The default; set the format explicitly when an Avro payload
    /// could begin with those five bytes.
    /// </summary>
    Auto,

    /// <summary>Every message is Avro binary with <c>message-type</c>/<c>message-version</c> headers.</summary>
    Avro,

    /// <summary>Every message is a django-logpipe JSON envelope; type and version come from the envelope.</summary>
    JsonEnvelope,
}
