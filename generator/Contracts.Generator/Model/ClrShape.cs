namespace Contracts.Generator.Model;

/// <summary>
/// The .NET representation of a schema node: which CLR type the generated code reads into and writes from.
/// Together with <see cref="AvroKind"/> and the logical type it decides which reader/writer calls the emitter uses.
/// </summary>
internal enum ClrShape
{
    Boolean,
    Int32,
    Int64,
    Single,
    Double,
    String,
    ByteArray,
    ReadOnlyMemoryOfByte,
    Guid,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    Decimal,

    /// <summary>A C# enum; <see cref="AvroTypeModel.NamedTypeFullName"/> names its <see cref="EnumModel"/>.</summary>
    Enum,

    /// <summary>A class, record or struct; <see cref="AvroTypeModel.NamedTypeFullName"/> names its <see cref="RecordModel"/>.</summary>
    Record,

    /// <summary><c>T?</c> where T is a value type (<c>System.Nullable&lt;T&gt;</c>).</summary>
    NullableValueType,

    /// <summary><c>T?</c> where T is a reference type.</summary>
    NullableReferenceType,

    /// <summary><c>T[]</c> (not byte[]).</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c>.</summary>
    List,

    /// <summary>
    /// An interface a <c>T[]</c> implements: <c>IReadOnlyList</c>, <c>IReadOnlyCollection</c>, <c>IEnumerable</c>,
    /// <c>IList</c>, <c>ICollection</c>. Read into a <c>T[]</c>.
    /// </summary>
    ArrayInterface,

    /// <summary><c>ImmutableArray&lt;T&gt;</c>.</summary>
    ImmutableArray,

    /// <summary><c>ImmutableList&lt;T&gt;</c>.</summary>
    ImmutableList,

    /// <summary><c>Dictionary&lt;string, T&gt;</c>.</summary>
    Dictionary,

    /// <summary><c>IDictionary&lt;string, T&gt;</c> or <c>IReadOnlyDictionary&lt;string, T&gt;</c>. Read into a <c>Dictionary</c>.</summary>
    DictionaryInterface,

    /// <summary><c>ImmutableDictionary&lt;string, T&gt;</c>.</summary>
    ImmutableDictionary,

    /// <summary>
    /// A generated closed union class (<see cref="AvroKind.Union"/>): an abstract class with one sealed nested case
    /// class per non-null branch. <see cref="AvroTypeModel.ClrTypeName"/> is the class (ending in <c>?</c> when the
    /// union has a <c>"null"</c> branch, which C# null represents); <see cref="Emitting.UnionNames"/> derives the case names.
    /// </summary>
    Union,
}
