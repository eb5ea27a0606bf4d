using System;

namespace Contracts.Messaging;

/// <summary>
/// Declares a partial class as a topic carrying the listed contracts. The build adds a <see cref="TopicDescriptor"/>,
/// a constructor taking an <see cref="IMessageProducer"/>, and per contract a typed <c>ProduceAsync</c> and a
/// fire-and-forget <c>Produce</c> with a delivery callback.
/// </summary>
/// <example><code>[Topic("people", typeof(PersonV1), typeof(PersonV2))] public partial class PeopleTopic;</code></example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class TopicAttribute : Attribute
{
    /// <param name="name">The topic name on the broker.</param>
    /// <param name="contracts">The <see cref="MessageAttribute"/> types the topic carries; each (type, version) once.</param>
    public TopicAttribute(string name, params Type[] contracts)
    {
        Name = name;
        Contracts = contracts;
    }

    /// <summary>The topic name on the broker.</summary>
    public string Name { get; }

    /// <summary>The contracts the topic carries.</summary>
    public Type[] Contracts { get; }

    /// <summary>How values are encoded; <see cref="WireFormat.Avro"/> unless set.</summary>
    public WireFormat WireFormat { get; set; } = WireFormat.Avro;
}
