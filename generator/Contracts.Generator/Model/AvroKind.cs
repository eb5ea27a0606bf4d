namespace Contracts.Generator.Model;

/// <summary>
/// The Avro type of a schema node. The primitives come first, in <see cref="Parsing.AvroPrimitiveNames"/> order: their
/// names convert by index.
/// </summary>
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

    /// <summary>
    /// Any other union: more than one non-null branch (or a single branch), with or without <c>"null"</c> at any position.
    /// <see cref="AvroTypeModel.Branches"/> lists every branch in schema order (a <c>"null"</c> branch as a
    /// <see cref="Null"/> node); the .NET type is a generated closed union class (see <see cref="ClrShape.Union"/>).
    /// </summary>
    Union,
}
