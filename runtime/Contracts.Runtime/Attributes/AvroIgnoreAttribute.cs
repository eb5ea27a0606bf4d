using System;

namespace Contracts;

/// <summary>Leaves a settable member out of the schema. The member must not be a required constructor parameter.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class AvroIgnoreAttribute : Attribute
{
}
