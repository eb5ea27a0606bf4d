using System.Collections.Generic;
using Contracts.Generator.Parsing;

namespace Contracts.Generator.Compatibility;

/// <summary>
/// The Avro type of a node in a resolved schema tree. The primitives come first, in <see cref="AvroPrimitiveNames"/>
/// order: their names convert by index.
/// </summary>
internal enum AvroSchemaType
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
    Union,
}

/// <summary>
/// A node of a resolved Avro schema: every name reference already points at its definition, so a recursive record is
/// a cycle of objects, and two references to one named type are the same object. Docs and unknown properties are
/// dropped; they never affect how data is read. Built by <see cref="AvroSchemaParser"/>; immutable once parsed.
/// </summary>
internal abstract class AvroSchema
{
    private protected AvroSchema(AvroSchemaType type, string? logicalType)
    {
        Type = type;
        LogicalType = logicalType;
    }

    public AvroSchemaType Type { get; }

    /// <summary>
    /// A logical type the spec defines and whose attributes are valid for this underlying type (<c>decimal</c>,
    /// <c>uuid</c>, <c>date</c>, <c>time-millis</c>, ...), or null. Invalid or unknown logical types are ignored as the
    /// spec requires, so they are null here.
    /// </summary>
    public string? LogicalType { get; }

    /// <summary>A short human description: the primitive name, or the full name of a named type, or <c>array&lt;T&gt;</c>.</summary>
    public abstract string Describe();

    public override string ToString() => Describe();

    /// <summary>The lower-case Avro spelling of a type (<c>int</c>, <c>record</c>, ...).</summary>
    public static string TypeName(AvroSchemaType type) => type switch
    {
        <= AvroSchemaType.String => AvroPrimitiveNames.All[(int)type],
        AvroSchemaType.Record => "record",
        AvroSchemaType.Enum => "enum",
        AvroSchemaType.Array => "array",
        AvroSchemaType.Map => "map",
        AvroSchemaType.Fixed => "fixed",
        _ => "union",
    };
}

/// <summary>null, boolean, int, long, float, double, bytes or string, possibly with a logical type.</summary>
internal sealed class PrimitiveSchema : AvroSchema
{
    public PrimitiveSchema(AvroSchemaType type, string? logicalType = null, int precision = 0, int scale = 0)
        : base(type, logicalType)
    {
        Precision = precision;
        Scale = scale;
    }

    /// <summary>Decimal precision (only with the <c>decimal</c> logical type).</summary>
    public int Precision { get; }

    /// <summary>Decimal scale (only with the <c>decimal</c> logical type).</summary>
    public int Scale { get; }

    public override string Describe() => LogicalType is null ? TypeName(Type) : TypeName(Type) + "(" + LogicalType + ")";
}

/// <summary>A record, enum or fixed: named, namespaced, possibly aliased.</summary>
internal abstract class NamedSchema : AvroSchema
{
    private protected NamedSchema(AvroSchemaType type, string fullName, IReadOnlyList<string> aliases, string? logicalType)
        : base(type, logicalType)
    {
        FullName = fullName;
        Aliases = aliases;
    }

    /// <summary>Namespace-qualified name, no leading dot (<c>Acme.Person</c>, or <c>Person</c> in the null namespace).</summary>
    public string FullName { get; }

    /// <summary>The unqualified name.</summary>
    public string Name => FullName.Substring(FullName.LastIndexOf('.') + 1);

    /// <summary>The namespace, empty for the null namespace.</summary>
    public string Namespace => FullName.LastIndexOf('.') < 0 ? string.Empty : FullName.Substring(0, FullName.LastIndexOf('.'));

    /// <summary>Aliases as full names (relative aliases are qualified with this type's namespace, as the spec says).</summary>
    public IReadOnlyList<string> Aliases { get; }

    public override string Describe() => FullName;
}

/// <summary>A record with its fields in schema order.</summary>
internal sealed class RecordSchema : NamedSchema
{
    private readonly List<RecordField> fields = new();

    public RecordSchema(string fullName, IReadOnlyList<string> aliases)
        : base(AvroSchemaType.Record, fullName, aliases, logicalType: null)
    {
    }

    public IReadOnlyList<RecordField> Fields => fields;

    /// <summary>The field named <paramref name="name"/> (by its own name, not an alias), or null.</summary>
    public RecordField? FindField(string name)
    {
        foreach (var field in fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }

    // Fields are attached after the record is registered by name, so a field can refer to its own record.
    internal void AddField(RecordField field) => fields.Add(field);
}

/// <summary>One field of a record.</summary>
internal sealed class RecordField
{
    public RecordField(string name, int position, AvroSchema schema, IReadOnlyList<string> aliases, JsonNode? defaultValue)
    {
        Name = name;
        Position = position;
        Schema = schema;
        Aliases = aliases;
        Default = defaultValue;
    }

    public string Name { get; }

    /// <summary>Zero-based position in the record (the order fields are written in).</summary>
    public int Position { get; }

    public AvroSchema Schema { get; }

    /// <summary>Other names this field had in schemas it may read (field aliases are plain names).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The default as parsed JSON (a JSON <c>null</c> is a default too), or null when the field has none.</summary>
    public JsonNode? Default { get; }

    public bool HasDefault => Default is not null;
}

/// <summary>An enum: symbols in order and an optional default symbol used for unknown writer symbols.</summary>
internal sealed class EnumSchema : NamedSchema
{
    public EnumSchema(string fullName, IReadOnlyList<string> aliases, IReadOnlyList<string> symbols, string? defaultSymbol)
        : base(AvroSchemaType.Enum, fullName, aliases, logicalType: null)
    {
        Symbols = symbols;
        DefaultSymbol = defaultSymbol;
    }

    public IReadOnlyList<string> Symbols { get; }

    public string? DefaultSymbol { get; }

    public int IndexOf(string symbol)
    {
        for (var i = 0; i < Symbols.Count; i++)
        {
            if (Symbols[i] == symbol)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A fixed-size byte sequence, possibly a <c>decimal</c> or <c>duration</c>.</summary>
internal sealed class FixedSchema : NamedSchema
{
    public FixedSchema(string fullName, IReadOnlyList<string> aliases, int size, string? logicalType = null, int precision = 0, int scale = 0)
        : base(AvroSchemaType.Fixed, fullName, aliases, logicalType)
    {
        Size = size;
        Precision = precision;
        Scale = scale;
    }

    public int Size { get; }

    public int Precision { get; }

    public int Scale { get; }
}

/// <summary>An array of <see cref="Items"/>.</summary>
internal sealed class ArraySchema : AvroSchema
{
    public ArraySchema(AvroSchema items)
        : base(AvroSchemaType.Array, logicalType: null)
    {
        Items = items;
    }

    public AvroSchema Items { get; }

    public override string Describe() => "array<" + Items.Describe() + ">";
}

/// <summary>A map from strings to <see cref="Values"/>.</summary>
internal sealed class MapSchema : AvroSchema
{
    public MapSchema(AvroSchema values)
        : base(AvroSchemaType.Map, logicalType: null)
    {
        Values = values;
    }

    public AvroSchema Values { get; }

    public override string Describe() => "map<" + Values.Describe() + ">";
}

/// <summary>A union; branches in order (the order decides the branch index written on the wire).</summary>
internal sealed class UnionSchema : AvroSchema
{
    public UnionSchema(IReadOnlyList<AvroSchema> branches)
        : base(AvroSchemaType.Union, logicalType: null)
    {
        Branches = branches;
    }

    public IReadOnlyList<AvroSchema> Branches { get; }

    public override string Describe()
    {
        var parts = new string[Branches.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Branches[i].Describe();
        }

        return "[" + string.Join(", ", parts) + "]";
    }
}
