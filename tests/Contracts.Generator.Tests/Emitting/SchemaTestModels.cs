using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Tests.Emitting;

/// <summary>Builds contract models by hand, as the parser would, so the schema emitter is tested on its own.</summary>
internal static class SchemaTestModels
{
    public static AvroTypeModel BooleanType { get; } = new(AvroKind.Boolean, ClrShape.Boolean, "bool");

    public static AvroTypeModel IntType { get; } = new(AvroKind.Int, ClrShape.Int32, "int");

    public static AvroTypeModel LongType { get; } = new(AvroKind.Long, ClrShape.Int64, "long");

    public static AvroTypeModel FloatType { get; } = new(AvroKind.Float, ClrShape.Single, "float");

    public static AvroTypeModel DoubleType { get; } = new(AvroKind.Double, ClrShape.Double, "double");

    public static AvroTypeModel StringType { get; } = new(AvroKind.String, ClrShape.String, "string");

    public static AvroTypeModel BytesType { get; } = new(AvroKind.Bytes, ClrShape.ByteArray, "byte[]");

    public static AvroTypeModel UuidType { get; } = new(AvroKind.String, ClrShape.Guid, "global::System.Guid", LogicalType: "uuid");

    public static AvroTypeModel DateType { get; } = new(AvroKind.Int, ClrShape.DateOnly, "global::System.DateOnly", LogicalType: "date");

    public static AvroTypeModel TimeMicrosType { get; } = new(AvroKind.Long, ClrShape.TimeOnly, "global::System.TimeOnly", LogicalType: "time-micros");

    public static AvroTypeModel TimestampMillisType { get; } = new(AvroKind.Long, ClrShape.DateTimeOffset, "global::System.DateTimeOffset", LogicalType: "timestamp-millis");

    public static AvroTypeModel Decimal(int precision, int scale) =>
        new(AvroKind.Bytes, ClrShape.Decimal, "decimal", LogicalType: "decimal", Precision: precision, Scale: scale);

    public static AvroTypeModel Fixed(string fullName, int size) =>
        new(AvroKind.Fixed, ClrShape.ByteArray, "byte[]", NamedTypeFullName: fullName, FixedSize: size);

    public static AvroTypeModel RecordRef(string fullName, string clrTypeName = "global::Test.Nested") =>
        new(AvroKind.Record, ClrShape.Record, clrTypeName, NamedTypeFullName: fullName);

    public static AvroTypeModel EnumRef(string fullName) =>
        new(AvroKind.Enum, ClrShape.Enum, "global::Test.Color", NamedTypeFullName: fullName);

    public static AvroTypeModel Nullable(AvroTypeModel inner) =>
        new(AvroKind.Nullable, ClrShape.NullableReferenceType, inner.ClrTypeName + "?", Items: inner);

    public static AvroTypeModel ArrayOf(AvroTypeModel items) =>
        new(AvroKind.Array, ClrShape.ArrayInterface, "global::System.Collections.Generic.IReadOnlyList<" + items.ClrTypeName + ">", Items: items);

    public static AvroTypeModel MapOf(AvroTypeModel values) =>
        new(AvroKind.Map, ClrShape.Dictionary, "global::System.Collections.Generic.Dictionary<string, " + values.ClrTypeName + ">", Items: values);

    public static FieldModel Field(string name, AvroTypeModel type, string? doc = null, string? defaultJson = null, bool isKey = false, params string[] aliases) =>
        new(char.ToUpperInvariant(name[0]) + name.Substring(1), name, type, doc, aliases.ToEquatableArray(), defaultJson, null, -1, isKey);

    public static RecordModel Record(string fullName, string? doc, params FieldModel[] fields) =>
        new(fullName, "global::" + fullName, false, doc, EquatableArray<string>.Empty, fields.ToEquatableArray(), 0);

    public static EnumModel Enum(string fullName, string? defaultSymbol, params string[] symbols) =>
        new(fullName, "global::" + fullName, null, EquatableArray<string>.Empty, symbols.Select(s => new EnumSymbolModel(s, s)).ToEquatableArray(), defaultSymbol);

    public static ContractModel Contract(RecordModel root, RecordModel[]? records = null, EnumModel[]? enums = null, int keyFormat = 0, params string[] keyFields) =>
        new(
            new TypeDeclarationModel("Test", "Root", "record", EquatableArray<string>.Empty, "Test.Root"),
            "test",
            1,
            keyFormat,
            keyFields.ToEquatableArray(),
            root.AvroFullName,
            new[] { root }.Concat(records ?? []).OrderBy(r => r.AvroFullName, System.StringComparer.Ordinal).ToEquatableArray(),
            (enums ?? []).ToEquatableArray());
}
