namespace Contracts.Messaging;

/// <summary>What became of a produced message.</summary>
public enum ProduceStatus
{
    /// <summary>The broker acknowledged the message.</summary>
    Persisted = 0,

    /// <summary>The message was sent but no acknowledgement arrived (e.g. a timeout): it may or may not be stored.</summary>
    PossiblyPersisted = 1,

    /// <summary>The message was not stored.</summary>
    NotPersisted = 2,

    /// <summary>Producing was suppressed for the scope (<see cref="ProducerSuppression"/>); nothing was sent.</summary>
    Suppressed = 3,
}
