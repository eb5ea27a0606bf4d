namespace Contracts.Messaging;

/// <summary>How a topic's message values are encoded on the wire; chosen per topic (see <see cref="TopicAttribute.WireFormat"/>).</summary>
public enum WireFormat
{
    /// <summary>
    /// Avro binary of the contract's schema, no framing; the <see cref="MessageHeaders.MessageType"/> and
    /// <see cref="MessageHeaders.MessageVersion"/> headers say which schema wrote it.
    /// </summary>
    Avro = 0,

    /// <summary>logpipe's JSON envelope, <c>json:{"type":…,"version":…,"message":{…}}</c>, with the same headers.</summary>
    JsonEnvelope = 1,
}
