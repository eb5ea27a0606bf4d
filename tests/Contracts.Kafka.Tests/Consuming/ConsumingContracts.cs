using System;

namespace Contracts.Kafka.Tests.Consuming;

[Message("order-placed", 1, Key = nameof(OrderId))]
public partial record OrderPlacedV1(Guid OrderId, string Customer, int Quantity);

[Message("order-placed", 2, Key = nameof(OrderId))]
public partial record OrderPlacedV2(Guid OrderId, string Customer, int Quantity, string Currency);

[Message("order-placed", 3, Key = nameof(OrderId))]
public partial record OrderPlacedV3(Guid OrderId, string Customer, int Quantity, string Currency, string Channel);

[Message("shipment", 1, Key = nameof(OrderId))]
public partial record ShipmentV1(Guid OrderId, int Sequence);

[Message("audit-entry", 1)]
public partial record AuditEntryV1(string Text);

[Message("customer-note", 1, Key = nameof(Id))]
public partial record CustomerNoteV1(Guid Id, string Text);

// Compatible with v1 (new fields have defaults): the build generates a resolving reader for v1 data.
[Message("customer-note", 2, Key = nameof(Id))]
public partial record CustomerNoteV2(Guid Id, string Text, string? Author = null, int Priority = 3);
