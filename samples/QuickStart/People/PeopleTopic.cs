using Contracts.Messaging;

namespace QuickStart.People;

/// <summary>The "people" topic: every version of the person contract, Avro with type and version headers.</summary>
[Topic("people", typeof(PersonV1), typeof(PersonV2))]
public partial class PeopleTopic;
