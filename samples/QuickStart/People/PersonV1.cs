using System;
using Contracts;

namespace QuickStart.People;

/// <summary>A person as first published: one name and an optional e-mail address.</summary>
/// <param name="Id">Identifies the person; also the message key.</param>
/// <param name="Name">The full name.</param>
/// <param name="Email">The e-mail address, when known.</param>
[Message("person", 1, Key = nameof(Id))]
public partial record PersonV1(Guid Id, string Name, string? Email = null);
