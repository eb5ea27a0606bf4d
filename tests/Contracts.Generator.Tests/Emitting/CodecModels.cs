using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Tests.Emitting;

/// <summary>Builders for hand-made contract models, spelled the way the parser produces them.</summary>
internal static class CodecModels
{
    public static AvroTypeModel Bool { get; } = new(AvroKind.Boolean, ClrShape.Boolean, "bool");
    public static AvroTypeModel Int { get; } = new(AvroKind.Int, ClrShape.Int32, "int");
    public static AvroTypeModel Long { get; } = new(AvroKind.Long, ClrShape.Int64, "long");
    public static AvroTypeModel Float { get; } = new(AvroKind.Float, ClrShape.Single, "float");
    public static AvroTypeModel Real { get; } = new(AvroKind.Double, ClrShape.Double, "double");
    public static AvroTypeModel Text { get; } = new(AvroKind.String, ClrShape.String, "string");
    public static AvroTypeModel Bytes { get; } = new(AvroKind.Bytes, ClrShape.ByteArray, "byte[]");
    public static AvroTypeModel Memory { get; } = new(AvroKind.Bytes, ClrShape.ReadOnlyMemoryOfByte, "global::System.ReadOnlyMemory<byte>");
    public static AvroTypeModel Uuid { get; } = new(AvroKind.String, ClrShape.Guid, "global::System.Guid", "uuid");
    public static AvroTypeModel Date { get; } = new(AvroKind.Int, ClrShape.DateOnly, "global::System.DateOnly", "date");
    public static AvroTypeModel TimeMicros { get; } = new(AvroKind.Long, ClrShape.TimeOnly, "global::System.TimeOnly", "time-micros");
    public static AvroTypeModel TimeMillis { get; } = new(AvroKind.Int, ClrShape.TimeOnly, "global::System.TimeOnly", "time-millis");

    public static AvroTypeModel Timestamp(string logicalType, bool offset) => offset
        ? new(AvroKind.Long, ClrShape.DateTimeOffset, "global::System.DateTimeOffset", logicalType)
        : new(AvroKind.Long, ClrShape.DateTime, "global::System.DateTime", logicalType);

    public static AvroTypeModel DecimalOf(int precision, int scale) =>
        new(AvroKind.Bytes, ClrShape.Decimal, "decimal", "decimal", Precision: precision, Scale: scale);

    public static AvroTypeModel DecimalFixedOf(string fullName, int precision, int scale, int size) =>
        new(AvroKind.Fixed, ClrShape.Decimal, "decimal", "decimal", NamedTypeFullName: fullName, Precision: precision, Scale: scale, FixedSize: size);

    public static AvroTypeModel FixedOf(string fullName, int size) =>
        new(AvroKind.Fixed, ClrShape.ByteArray, "byte[]", NamedTypeFullName: fullName, FixedSize: size);

    public static AvroTypeModel EnumRef(string fullName, string clrTypeName) =>
        new(AvroKind.Enum, ClrShape.Enum, clrTypeName, NamedTypeFullName: fullName);

    public static AvroTypeModel RecordRef(string fullName, string clrTypeName) =>
        new(AvroKind.Record, ClrShape.Record, clrTypeName, NamedTypeFullName: fullName);

    public static AvroTypeModel NullableOf(AvroTypeModel inner, bool valueType) =>
        new(AvroKind.Nullable, valueType ? ClrShape.NullableValueType : ClrShape.NullableReferenceType, inner.ClrTypeName + "?", Items: inner);

    public static AvroTypeModel ArrayOf(ClrShape shape, AvroTypeModel item) => new(AvroKind.Array, shape, shape switch
    {
        ClrShape.Array => item.ClrTypeName + "[]",
        ClrShape.List => "global::System.Collections.Generic.List<" + item.ClrTypeName + ">",
        ClrShape.ArrayInterface => "global::System.Collections.Generic.IReadOnlyList<" + item.ClrTypeName + ">",
        ClrShape.ImmutableArray => "global::System.Collections.Immutable.ImmutableArray<" + item.ClrTypeName + ">",
        ClrShape.ImmutableList => "global::System.Collections.Immutable.ImmutableList<" + item.ClrTypeName + ">",
        _ => throw new System.ArgumentOutOfRangeException(nameof(shape)),
    }, Items: item);

    public static AvroTypeModel MapOf(ClrShape shape, AvroTypeModel value) => new(AvroKind.Map, shape, shape switch
    {
        ClrShape.Dictionary => "global::System.Collections.Generic.Dictionary<string, " + value.ClrTypeName + ">",
        ClrShape.DictionaryInterface => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + value.ClrTypeName + ">",
        ClrShape.ImmutableDictionary => "global::System.Collections.Immutable.ImmutableDictionary<string, " + value.ClrTypeName + ">",
        _ => throw new System.ArgumentOutOfRangeException(nameof(shape)),
    }, Items: value);

    /// <summary>A field set through constructor parameter <paramref name="constructorIndex"/> (-1: object initializer).</summary>
    public static FieldModel Field(string member, AvroTypeModel type, int constructorIndex, bool isKey = false, string? defaultJson = null, string? defaultExpression = null) =>
        new(member, char.ToLowerInvariant(member[0]) + member.Substring(1), type, null, EquatableArray<string>.Empty, defaultJson, defaultExpression, constructorIndex, isKey);

    public static RecordModel RecordModel(string fullName, string clrTypeName, bool isValueType, params FieldModel[] fields) =>
        new(fullName, clrTypeName, isValueType, null, EquatableArray<string>.Empty, fields.ToEquatableArray(), fields.Count(f => f.ConstructorParameterIndex >= 0));

    public static EnumModel EnumModel(string fullName, string clrTypeName, params string[] members) =>
        new(fullName, clrTypeName, null, EquatableArray<string>.Empty,
            members.Select(m => new EnumSymbolModel(m.ToUpperInvariant(), m)).ToEquatableArray(), null);

    public static ContractModel Contract(string @namespace, string name, string messageType, int version, RecordModel root,
        RecordModel[]? others = null, EnumModel[]? enums = null, int keyFormat = 0, string[]? keyFields = null, string keyword = "record", string[]? containingTypes = null) =>
        new(new TypeDeclarationModel(@namespace, name, keyword, (containingTypes ?? []).ToEquatableArray(),
                (@namespace.Length == 0 ? string.Empty : @namespace + ".") + string.Concat((containingTypes ?? []).Select(c => c.Split(' ').Last() + ".")) + name),
            messageType, version, keyFormat, (keyFields ?? []).ToEquatableArray(), root.AvroFullName,
            new[] { root }.Concat(others ?? []).OrderBy(r => r.AvroFullName, System.StringComparer.Ordinal).ToEquatableArray(),
            (enums ?? []).OrderBy(e => e.AvroFullName, System.StringComparer.Ordinal).ToEquatableArray());
}
