namespace Contracts.Generator.Model;

/// <summary>The Avro type of a schema node.</summary>
internal enum AvroKind
{
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Record,
    Enum,
    Array,
    Map,
    Fixed,

    /// <summary>A <c>["null", T]</c> union; <see cref="AvroTypeModel.Items"/> is T.</summary>
    Nullable,
}
