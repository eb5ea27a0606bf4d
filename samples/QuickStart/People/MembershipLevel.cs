namespace QuickStart.People;

/// <summary>How much a person pays; an Avro enum.</summary>
public enum MembershipLevel
{
    /// <summary>No fee.</summary>
    Free,

    /// <summary>Monthly fee.</summary>
    Standard,

    /// <summary>Yearly fee with extras.</summary>
    Premium,
}
