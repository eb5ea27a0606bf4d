namespace Contracts.Messaging;

/// <summary>Implemented by the build for every <see cref="TopicAttribute"/> class, so hosting code can reach its descriptor through generics.</summary>
public interface IMessageTopic
{
    /// <summary>The topic's name, wire format and contracts.</summary>
    static abstract TopicDescriptor Descriptor { get; }
}
