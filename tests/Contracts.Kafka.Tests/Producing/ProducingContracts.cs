using System;
using System.Collections.Generic;

namespace Contracts.Kafka.Tests.Producing;

[Message("person", 1, Key = nameof(Id))]
public partial record PersonV1(Guid Id, string Name);

[Message("person", 2, Key = nameof(Id))]
public partial record PersonV2(Guid Id, string Name, string? Email, IReadOnlyList<string> Tags);

[Message("account-event", 1, Key = nameof(AccountId), KeyFormat = KeyFormat.Plain)]
public partial record AccountEventV1(string AccountId, long Sequence);

[Message("heartbeat", 1)]
public partial record HeartbeatV1(DateTimeOffset At);

[Messaging.Topic("people", typeof(PersonV1), typeof(PersonV2))]
public partial class PeopleTopic;

[Messaging.Topic("people-json", typeof(PersonV1), typeof(PersonV2), WireFormat = Messaging.WireFormat.JsonEnvelope)]
public partial class PeopleJsonTopic;

[Messaging.Topic("accounts", typeof(AccountEventV1))]
public partial class AccountsTopic;
