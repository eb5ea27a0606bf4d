using System.Collections.Immutable;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Parsing;

internal sealed partial class ContractParser
{
    private const string AvroDecimalAttribute = "Contracts.AvroDecimalAttribute";
    private const string AvroFixedAttribute = "Contracts.AvroFixedAttribute";
    private const string AvroTimestampAttribute = "Contracts.AvroTimestampAttribute";
    private const int DefaultDecimalPrecision = 29;
    private const int DefaultDecimalScale = 10;

    private static readonly string[] TimestampLogicalTypes = ["timestamp-millis", "timestamp-micros", "local-timestamp-millis", "local-timestamp-micros"];

    /// <summary>
    /// The Avro schema node for a member type, or null after reporting why it has none. Nullable wrappers and collections
    /// recurse; <c>[AvroDecimal]</c>, <c>[AvroFixed]</c> and <c>[AvroTimestamp]</c> apply to the scalar inside them.
    /// </summary>
    private AvroTypeModel? MapType(ITypeSymbol type, MemberSite site)
    {
        if (type.TypeKind == TypeKind.Error)
        {
            // The compiler already reports the unresolved type; generating against it would only add noise.
            _hasErrors = true;
            return null;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableValue)
        {
            var inner = MapType(nullableValue.TypeArguments[0], site);
            return inner is null ? null : new AvroTypeModel(AvroKind.Nullable, ClrShape.NullableValueType, inner.ClrTypeName + "?", Items: inner);
        }

        if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            var inner = MapType(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), site);
            return inner is null ? null : new AvroTypeModel(AvroKind.Nullable, ClrShape.NullableReferenceType, inner.ClrTypeName + "?", Items: inner);
        }

        var clrName = type.ToDisplayString(TypeNameFormat);
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                return new AvroTypeModel(AvroKind.Boolean, ClrShape.Boolean, clrName);
            case SpecialType.System_Int32:
                return new AvroTypeModel(AvroKind.Int, ClrShape.Int32, clrName);
            case SpecialType.System_Int64:
                return new AvroTypeModel(AvroKind.Long, ClrShape.Int64, clrName);
            case SpecialType.System_Single:
                return new AvroTypeModel(AvroKind.Float, ClrShape.Single, clrName);
            case SpecialType.System_Double:
                return new AvroTypeModel(AvroKind.Double, ClrShape.Double, clrName);
            case SpecialType.System_String:
                return new AvroTypeModel(AvroKind.String, ClrShape.String, clrName);
            case SpecialType.System_Decimal:
                return MapDecimal(clrName, site);
            case SpecialType.System_DateTime:
                return MapTimestamp(ClrShape.DateTime, clrName, site);
            case SpecialType.System_Object:
                return Unsupported(site, type, "'object' carries no schema; use a concrete type");
            case SpecialType.System_Char:
                return Unsupported(site, type, "Avro has no character type; use string");
            case SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16:
                return Unsupported(site, type, "Avro has no 8- or 16-bit integers; use int (or byte[] for binary data)");
            case SpecialType.System_UInt32:
                return Unsupported(site, type, "Avro has no unsigned integers; use long");
            case SpecialType.System_UInt64:
                return Unsupported(site, type, "Avro has no unsigned integers; use long, or decimal for values above long.MaxValue");
            case SpecialType.System_IntPtr or SpecialType.System_UIntPtr:
                return Unsupported(site, type, "native-sized integers have no fixed wire size; use int or long");
        }

        switch (type)
        {
            case { TypeKind: TypeKind.Dynamic }:
                return Unsupported(site, type, "'dynamic' carries no schema; use a concrete type");
            case IArrayTypeSymbol array:
                return MapArrayType(array, clrName, site);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return Unsupported(site, type, "pointers cannot be serialized");
            case ITypeParameterSymbol:
                return Unsupported(site, type, "a type parameter has no fixed schema");
            case INamedTypeSymbol named:
                return MapNamedType(named, clrName, site);
            default:
                return Unsupported(site, type, "it has no Avro mapping");
        }
    }

    private AvroTypeModel? MapArrayType(IArrayTypeSymbol array, string clrName, MemberSite site)
    {
        if (array.Rank != 1)
        {
            return Unsupported(site, array, "multi-dimensional arrays are not supported; use an array of arrays");
        }

        if (array.ElementType.SpecialType == SpecialType.System_Byte)
        {
            return MapBytes(ClrShape.ByteArray, "byte[]", site);
        }

        return Collection(ClrShape.Array, array.ElementType, clrName, site);
    }

    private AvroTypeModel? MapNamedType(INamedTypeSymbol type, string clrName, MemberSite site)
    {
        if (KnownTypes.Is(type, _knownTypes.Guid))
        {
            return new AvroTypeModel(AvroKind.String, ClrShape.Guid, clrName, LogicalType: "uuid");
        }

        if (KnownTypes.Is(type, _knownTypes.DateTimeOffset))
        {
            return MapTimestamp(ClrShape.DateTimeOffset, clrName, site);
        }

        if (KnownTypes.Is(type, _knownTypes.DateOnly))
        {
            return new AvroTypeModel(AvroKind.Int, ClrShape.DateOnly, clrName, LogicalType: "date");
        }

        if (KnownTypes.Is(type, _knownTypes.TimeOnly))
        {
            return new AvroTypeModel(AvroKind.Long, ClrShape.TimeOnly, clrName, LogicalType: "time-micros");
        }

        if (KnownTypes.Is(type, _knownTypes.ReadOnlyMemory))
        {
            return type.TypeArguments[0].SpecialType == SpecialType.System_Byte
                ? MapBytes(ClrShape.ReadOnlyMemoryOfByte, clrName, site)
                : Unsupported(site, type, "only ReadOnlyMemory<byte> (Avro bytes) is supported; use an array or list for other items");
        }

        var arrayShape = ArrayShapeOf(type);
        if (arrayShape is { } shape)
        {
            return Collection(shape, type.TypeArguments[0], clrName, site);
        }

        var mapShape = MapShapeOf(type);
        if (mapShape is { } map)
        {
            if (type.TypeArguments[0].SpecialType != SpecialType.System_String)
            {
                return Unsupported(site, type, "Avro map keys are strings; use a string key (or a list of key/value records)");
            }

            var values = MapType(type.TypeArguments[1], site);
            return values is null ? null : new AvroTypeModel(AvroKind.Map, map, clrName, Items: values);
        }

        if ((type.TypeKind is TypeKind.Enum or TypeKind.Class or TypeKind.Struct) && GeneratedCodeReach.InaccessibleReason(type) is { } inaccessible)
        {
            return Unsupported(site, type, inaccessible + ", and the generated codecs can reach only public or internal types");
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            var enumName = EnsureEnum(type, site);
            return enumName is null ? null : new AvroTypeModel(AvroKind.Enum, ClrShape.Enum, clrName, NamedTypeFullName: enumName);
        }

        if (type.IsTupleType || KnownTypes.Is(type, _knownTypes.ValueTuple))
        {
            return Unsupported(site, type, "tuples have no field names on the wire; declare a record instead");
        }

        switch (type.TypeKind)
        {
            case TypeKind.Interface:
                return Unsupported(site, type, "interfaces cannot be created when reading; use a record, or IReadOnlyList<T> / IReadOnlyDictionary<string, T> for collections");
            case TypeKind.Delegate:
                return Unsupported(site, type, "delegates carry behaviour, not data");
            case TypeKind.Class or TypeKind.Struct:
                break;
            default:
                return Unsupported(site, type, "it has no Avro mapping");
        }

        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return Unsupported(site, type, "it is not declared in this compilation, so its shape cannot be turned into a schema; declare a record for it");
        }

        if (type.IsGenericType)
        {
            return Unsupported(site, type, "generic types are not supported as records; declare a non-generic record");
        }

        if (type.IsStatic || type.IsRefLikeType)
        {
            return Unsupported(site, type, "static classes and ref structs cannot hold message data");
        }

        if (type.IsAbstract)
        {
            return Unsupported(site, type, "abstract types cannot be created when reading; use a concrete record");
        }

        var recordName = EnsureRecord(type, null, site.Location);
        return new AvroTypeModel(AvroKind.Record, ClrShape.Record, clrName, NamedTypeFullName: recordName);
    }

    private ClrShape? ArrayShapeOf(INamedTypeSymbol type)
    {
        if (!type.IsGenericType || type.TypeArguments.Length != 1)
        {
            return null;
        }

        if (KnownTypes.Is(type, _knownTypes.List))
        {
            return ClrShape.List;
        }

        if (KnownTypes.Is(type, _knownTypes.ImmutableArray))
        {
            return ClrShape.ImmutableArray;
        }

        if (KnownTypes.Is(type, _knownTypes.ImmutableList))
        {
            return ClrShape.ImmutableList;
        }

        return type.OriginalDefinition.SpecialType switch
        {
            SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_IReadOnlyList_T or
                SpecialType.System_Collections_Generic_IReadOnlyCollection_T or SpecialType.System_Collections_Generic_IList_T or
                SpecialType.System_Collections_Generic_ICollection_T => ClrShape.ArrayInterface,
            _ => null,
        };
    }

    private ClrShape? MapShapeOf(INamedTypeSymbol type)
    {
        if (KnownTypes.Is(type, _knownTypes.Dictionary))
        {
            return ClrShape.Dictionary;
        }

        if (KnownTypes.Is(type, _knownTypes.IDictionary) || KnownTypes.Is(type, _knownTypes.IReadOnlyDictionary))
        {
            return ClrShape.DictionaryInterface;
        }

        return KnownTypes.Is(type, _knownTypes.ImmutableDictionary) ? ClrShape.ImmutableDictionary : null;
    }

    private AvroTypeModel? Collection(ClrShape shape, ITypeSymbol itemType, string clrName, MemberSite site)
    {
        var items = MapType(itemType, site);
        return items is null ? null : new AvroTypeModel(AvroKind.Array, shape, clrName, Items: items);
    }

    private AvroTypeModel? MapBytes(ClrShape shape, string clrName, MemberSite site)
    {
        if (site.Fixed is not { } attribute)
        {
            return new AvroTypeModel(AvroKind.Bytes, shape, clrName);
        }

        site.FixedUsed = true;
        var size = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int s ? s : 0;
        if (size <= 0)
        {
            Report(DiagnosticDescriptors.InvalidFixed, AttributeLocation(attribute) ?? site.Location, size.ToString(System.Globalization.CultureInfo.InvariantCulture),
                site.Description, "the size must be 1 or more bytes");
            return null;
        }

        var fullName = ClaimFixedName(attribute, site, "fixed(" + size.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
        return new AvroTypeModel(AvroKind.Fixed, shape, clrName, NamedTypeFullName: fullName, FixedSize: size);
    }

    /// <summary>The full name of the fixed an <c>[AvroFixed]</c> declares (its <c>Name</c>, else the member's name), claimed for <paramref name="shape"/>.</summary>
    private string ClaimFixedName(AttributeData attribute, MemberSite site, string shape)
    {
        var name = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string ?? site.MemberName;
        var fullName = AvroNaming.FullName(name, site.RecordNamespace);
        var description = "the fixed of '" + site.Description + "'";
        ValidateNamedTypeName(fullName, description, AttributeLocation(attribute) ?? site.Location);
        ClaimName(fullName, shape, description, AttributeLocation(attribute) ?? site.Location);
        return fullName;
    }

    /// <summary>
    /// <c>[AvroFixed(size)]</c> on a decimal stores it in a fixed of <paramref name="size"/> bytes, which must hold the
    /// precision (Avro: <c>precision &lt;= floor(log10(2^(8 * size - 1) - 1))</c>); null after reporting when it cannot.
    /// </summary>
    private AvroTypeModel? MapDecimalOnFixed(AttributeData attribute, int precision, int scale, string clrName, MemberSite site)
    {
        site.FixedUsed = true;
        var size = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int s ? s : 0;
        var sizeText = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = size <= 0 ? "the size must be 1 or more bytes"
            : precision > FixedDecimal.MaxPrecision(size)
                ? "a decimal of precision " + precision.ToString(System.Globalization.CultureInfo.InvariantCulture) + " needs more than " + sizeText +
                  " bytes (they hold at most " + FixedDecimal.MaxPrecision(size).ToString(System.Globalization.CultureInfo.InvariantCulture) +
                  " digits); enlarge the fixed or lower the precision with [AvroDecimal]"
            : null;
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidFixed, AttributeLocation(attribute) ?? site.Location, sizeText, site.Description, problem);
            return null;
        }

        var shape = "fixed(" + sizeText + ") decimal(" + precision.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," +
            scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        var fullName = ClaimFixedName(attribute, site, shape);
        return new AvroTypeModel(AvroKind.Fixed, ClrShape.Decimal, clrName, LogicalType: "decimal", NamedTypeFullName: fullName, Precision: precision, Scale: scale, FixedSize: size);
    }

    private AvroTypeModel? MapDecimal(string clrName, MemberSite site)
    {
        var precision = DefaultDecimalPrecision;
        var scale = DefaultDecimalScale;
        if (site.Decimal is { } attribute)
        {
            site.DecimalUsed = true;
            if (attribute.ConstructorArguments.Length != 2 || attribute.ConstructorArguments[0].Value is not int p || attribute.ConstructorArguments[1].Value is not int s)
            {
                _hasErrors = true;
                return null;
            }

            var problem = p is < 1 or > 38 ? "precision must be between 1 and 38"
                : s < 0 ? "scale must not be negative"
                : s > p ? "scale must not exceed precision"
                : s > 28 ? "scale must be at most 28, the most System.Decimal can hold"
                : null;
            if (problem is not null)
            {
                Report(DiagnosticDescriptors.InvalidDecimal, AttributeLocation(attribute) ?? site.Location,
                    p.ToString(System.Globalization.CultureInfo.InvariantCulture), s.ToString(System.Globalization.CultureInfo.InvariantCulture), site.Description, problem);
                return null;
            }

            precision = p;
            scale = s;
        }

        return site.Fixed is { } fixedAttribute
            ? MapDecimalOnFixed(fixedAttribute, precision, scale, clrName, site)
            : new AvroTypeModel(AvroKind.Bytes, ClrShape.Decimal, clrName, LogicalType: "decimal", Precision: precision, Scale: scale);
    }

    private AvroTypeModel MapTimestamp(ClrShape shape, string clrName, MemberSite site)
    {
        var kind = 0;
        if (site.Timestamp is { } attribute)
        {
            site.TimestampUsed = true;
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int k && k >= 0 && k < TimestampLogicalTypes.Length)
            {
                kind = k;
            }
        }

        return new AvroTypeModel(AvroKind.Long, shape, clrName, LogicalType: TimestampLogicalTypes[kind]);
    }

    private AvroTypeModel? Unsupported(MemberSite site, ITypeSymbol offending, string reason)
    {
        var declared = site.DeclaredType.ToDisplayString();
        var offendingName = offending.ToDisplayString();
        var text = SymbolEqualityComparer.Default.Equals(offending, site.DeclaredType) || offendingName == declared
            ? reason
            : "'" + offendingName + "': " + reason;
        Report(DiagnosticDescriptors.UnsupportedMemberType, site.Location, site.MemberName, declared, site.OwnerName, text);
        return null;
    }

    /// <summary>The member being mapped: names for diagnostics and the attributes that shape its scalar.</summary>
    private sealed class MemberSite
    {
        public MemberSite(string memberName, string ownerName, ITypeSymbol declaredType, Location? location, string recordNamespace, ImmutableArray<AttributeData> attributes)
        {
            MemberName = memberName;
            OwnerName = ownerName;
            DeclaredType = declaredType;
            Location = location;
            RecordNamespace = recordNamespace;
            Decimal = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AvroDecimalAttribute);
            Fixed = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AvroFixedAttribute);
            Timestamp = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AvroTimestampAttribute);
        }

        public string MemberName { get; }

        public string OwnerName { get; }

        public string Description => OwnerName + "." + MemberName;

        public ITypeSymbol DeclaredType { get; }

        public Location? Location { get; }

        public string RecordNamespace { get; }

        public AttributeData? Decimal { get; }

        public AttributeData? Fixed { get; }

        public AttributeData? Timestamp { get; }

        public bool DecimalUsed { get; set; }

        public bool FixedUsed { get; set; }

        public bool TimestampUsed { get; set; }

        public void ReportUnusedAttributes(ContractParser parser)
        {
            ReportIfUnused(parser, Decimal, DecimalUsed, "AvroDecimal");
            ReportIfUnused(parser, Fixed, FixedUsed, "AvroFixed");
            ReportIfUnused(parser, Timestamp, TimestampUsed, "AvroTimestamp");
        }

        private void ReportIfUnused(ContractParser parser, AttributeData? attribute, bool used, string name)
        {
            if (attribute is not null && !used)
            {
                parser.Report(DiagnosticDescriptors.AttributeNotApplicable, AttributeLocation(attribute) ?? Location, name, Description, DeclaredType.ToDisplayString());
            }
        }
    }
}
