using System;
using System.Collections.Generic;
using Contracts;

namespace QuickStart.People;

/// <summary>A person, second version: split name, membership, balance and postal addresses.</summary>
/// <param name="Id">Identifies the person; also the message key.</param>
/// <param name="FirstName">The given name.</param>
/// <param name="LastName">The family name.</param>
/// <param name="Level">The membership level.</param>
/// <param name="Balance">The account balance, exact to the cent.</param>
/// <param name="RegisteredAt">When the person signed up.</param>
/// <param name="Addresses">Postal addresses, preferred first.</param>
/// <param name="Email">The e-mail address, when known.</param>
/// <param name="Born">The date of birth, when known.</param>
[Message("person", 2, Key = nameof(Id))]
public partial record PersonV2(
    Guid Id,
    string FirstName,
    string LastName,
    MembershipLevel Level,
    [AvroDecimal(9, 2)] decimal Balance,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<Address> Addresses,
    string? Email = null,
    DateOnly? Born = null);
