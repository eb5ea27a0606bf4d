using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;

namespace Contracts.Generator.Parsing.Avsc;

internal sealed partial class AvscResolver
{
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList<";
    private const string ReadOnlyDictionary = "global::System.Collections.Generic.IReadOnlyDictionary<string, ";

    /// <summary>The record named <paramref name="fullName"/> with its fields' types and defaults, or null when it is broken.</summary>
    private RecordModel? Record(string fullName)
    {
        if (_records.TryGetValue(fullName, out var done))
        {
            return done;
        }

        var typed = TypedRecord(fullName);
        if (typed is null || !_recordsInProgress.Add(fullName))
        {
            // A record default that contains the record itself reads the fields without their defaults.
            return typed;
        }

        var definition = _index.Find(fullName)!;
        var fields = new List<FieldModel>(typed.Fields.Count);
        for (var i = 0; i < typed.Fields.Count; i++)
        {
            fields.Add(WithDefault(typed.Fields[i], definition.Fields[i], definition));
        }

        _recordsInProgress.Remove(fullName);
        var record = typed with { Fields = fields.ToEquatableArray() };
        _records[fullName] = record;
        return record;
    }

    /// <summary>The record with its fields' types only (defaults need other records' types first).</summary>
    private RecordModel? TypedRecord(string fullName)
    {
        if (_typedRecords.TryGetValue(fullName, out var done))
        {
            return done;
        }

        var definition = _index.Find(fullName);
        RecordModel? record = null;
        if (definition is { Kind: AvscNamedKind.Record })
        {
            var report = IsOwnFile(definition);
            var fields = new List<FieldModel>();
            var takenNames = new HashSet<string>(definition.Fields.Select(f => f.MemberName.TrimStart('@')), StringComparer.Ordinal) { definition.ClrName.TrimStart('@') };
            foreach (var field in definition.Fields)
            {
                var type = ResolveType(field.Type, report, new UnionSite(definition.ClrTypeName, field.MemberName, takenNames));
                if (type is not null)
                {
                    fields.Add(new FieldModel(field.MemberName, field.AvroName, type, field.Doc, field.Aliases, field.DefaultJson, null, -1, IsKey: false));
                }
            }

            record = fields.Count == definition.Fields.Count
                ? new RecordModel(fullName, definition.ClrTypeName, IsValueType: false, definition.Doc, definition.Aliases, fields.ToEquatableArray(), 0)
                : null;
        }

        _typedRecords[fullName] = record;
        return record;
    }

    private FieldModel WithDefault(FieldModel field, AvscField written, AvscNamedType owner)
    {
        if (field.DefaultJson is null)
        {
            return field;
        }

        var node = JsonNode.TryParse(field.DefaultJson, out _)!;
        var expression = DefaultValues.ToExpression(node, field.Type, Enum, Record, out var error);
        if (expression is null)
        {
            if (IsOwnFile(owner))
            {
                var site = written.DefaultSite ?? written.Site;
                Report(DiagnosticDescriptors.AvscInvalidDefault, site, site.JsonPath, AvscFileParser.Describe(written.Type), error!);
            }

            return field with { DefaultJson = null };
        }

        return field with { DefaultExpression = expression };
    }

    private EnumModel? Enum(string fullName)
    {
        if (_enums.TryGetValue(fullName, out var done))
        {
            return done;
        }

        var definition = _index.Find(fullName);
        EnumModel? model = null;
        if (definition is { Kind: AvscNamedKind.Enum })
        {
            model = new EnumModel(
                fullName,
                definition.ClrTypeName,
                definition.Doc,
                definition.Aliases,
                definition.Symbols.Select(s => new EnumSymbolModel(s, AvscNames.ToPascalCase(s))).ToEquatableArray(),
                definition.EnumDefault);
        }

        _enums[fullName] = model;
        return model;
    }

    /// <summary>The model of a written type; null (reported when <paramref name="report"/>) when it cannot be generated.</summary>
    private AvroTypeModel? ResolveType(AvscTypeRef type, bool report, UnionSite site)
    {
        switch (type.Kind)
        {
            case AvscTypeKind.Primitive:
                return ResolvePrimitive(type, report);
            case AvscTypeKind.Named:
                return ResolveNamed(type, report);
            case AvscTypeKind.Array:
                var items = ResolveType(type.Items!, report, site);
                return items is null ? null : new AvroTypeModel(AvroKind.Array, ClrShape.ArrayInterface, ReadOnlyList + items.ClrTypeName + ">", Items: items);
            case AvscTypeKind.Map:
                var values = ResolveType(type.Items!, report, site);
                return values is null ? null : new AvroTypeModel(AvroKind.Map, ClrShape.DictionaryInterface, ReadOnlyDictionary + values.ClrTypeName + ">", Items: values);
            default:
                return ResolveUnion(type, report, site);
        }
    }

    /// <summary>
    /// <c>["null", T]</c> is a nullable <c>T?</c>; every other union (several non-null branches, or <c>"null"</c> not first)
    /// is a generated closed union class nested in the record that declares the field (<c>{Member}Union</c>).
    /// </summary>
    private AvroTypeModel? ResolveUnion(AvscTypeRef union, bool report, UnionSite site)
    {
        var branches = union.Branches;
        if (branches.Count == 2 && branches[0] is { Kind: AvscTypeKind.Primitive, Primitive: AvroKind.Null })
        {
            var inner = ResolveType(branches[1], report, site);
            if (inner is null)
            {
                return null;
            }

            var shape = IsValueType(inner) ? ClrShape.NullableValueType : ClrShape.NullableReferenceType;
            return new AvroTypeModel(AvroKind.Nullable, shape, inner.ClrTypeName + "?", Items: inner);
        }

        var className = site.OwnerClrTypeName + "." + Emitting.UnionNames.ForMember(site.MemberName.TrimStart('@'), ++site.Ordinal, site.TakenNames);
        var resolved = new List<AvroTypeModel>(branches.Count);
        var hasNull = false;
        foreach (var branch in branches)
        {
            if (branch is { Kind: AvscTypeKind.Primitive, Primitive: AvroKind.Null })
            {
                hasNull = true;
                resolved.Add(AvroTypeModel.NullBranch);
                continue;
            }

            var type = ResolveType(branch, report, site);
            if (type is null)
            {
                return null;
            }

            resolved.Add(type);
        }

        return new AvroTypeModel(AvroKind.Union, ClrShape.Union, className + (hasNull ? "?" : string.Empty), Branches: resolved.ToEquatableArray());
    }

    private AvroTypeModel? ResolvePrimitive(AvscTypeRef type, bool report)
    {
        switch (type.Primitive, type.LogicalType)
        {
            case (AvroKind.Null, _):
                if (report)
                {
                    Report(DiagnosticDescriptors.AvscUnsupportedType, type.Site, type.Site.JsonPath, "a value of type \"null\" carries no data; use a [\"null\", T] union");
                }

                return null;
            case (AvroKind.Boolean, _):
                return new AvroTypeModel(AvroKind.Boolean, ClrShape.Boolean, "bool");
            case (AvroKind.Int, "date"):
                return new AvroTypeModel(AvroKind.Int, ClrShape.DateOnly, "global::System.DateOnly", LogicalType: "date");
            case (AvroKind.Int, "time-millis"):
                return new AvroTypeModel(AvroKind.Int, ClrShape.TimeOnly, "global::System.TimeOnly", LogicalType: "time-millis");
            case (AvroKind.Int, _):
                return new AvroTypeModel(AvroKind.Int, ClrShape.Int32, "int");
            case (AvroKind.Long, "time-micros"):
                return new AvroTypeModel(AvroKind.Long, ClrShape.TimeOnly, "global::System.TimeOnly", LogicalType: "time-micros");
            case (AvroKind.Long, "timestamp-millis" or "timestamp-micros"):
                return new AvroTypeModel(AvroKind.Long, ClrShape.DateTimeOffset, "global::System.DateTimeOffset", LogicalType: type.LogicalType);
            case (AvroKind.Long, "local-timestamp-millis" or "local-timestamp-micros"):
                return new AvroTypeModel(AvroKind.Long, ClrShape.DateTime, "global::System.DateTime", LogicalType: type.LogicalType);
            case (AvroKind.Long, _):
                return new AvroTypeModel(AvroKind.Long, ClrShape.Int64, "long");
            case (AvroKind.Float, _):
                return new AvroTypeModel(AvroKind.Float, ClrShape.Single, "float");
            case (AvroKind.Double, _):
                return new AvroTypeModel(AvroKind.Double, ClrShape.Double, "double");
            case (AvroKind.Bytes, "decimal"):
                return new AvroTypeModel(AvroKind.Bytes, ClrShape.Decimal, "decimal", LogicalType: "decimal", Precision: type.Precision, Scale: type.Scale);
            case (AvroKind.Bytes, _):
                return new AvroTypeModel(AvroKind.Bytes, ClrShape.ByteArray, "byte[]");
            case (_, "uuid"):
                return new AvroTypeModel(AvroKind.String, ClrShape.Guid, "global::System.Guid", LogicalType: "uuid");
            default:
                return new AvroTypeModel(AvroKind.String, ClrShape.String, "string");
        }
    }

    private AvroTypeModel? ResolveNamed(AvscTypeRef type, bool report)
    {
        var definition = _index.Find(type.FullName!);
        switch (definition?.Kind)
        {
            case AvscNamedKind.Record:
                return new AvroTypeModel(AvroKind.Record, ClrShape.Record, definition.ClrTypeName, NamedTypeFullName: definition.FullName);
            case AvscNamedKind.Enum:
                return new AvroTypeModel(AvroKind.Enum, ClrShape.Enum, definition.ClrTypeName, NamedTypeFullName: definition.FullName);
            case AvscNamedKind.Fixed when definition.FixedDecimal is { } fixedDecimal:
                return new AvroTypeModel(AvroKind.Fixed, ClrShape.Decimal, "decimal", LogicalType: "decimal", NamedTypeFullName: definition.FullName,
                    Precision: fixedDecimal.Precision, Scale: fixedDecimal.Scale, FixedSize: definition.FixedSize, Aliases: definition.Aliases);
            case AvscNamedKind.Fixed:
                return new AvroTypeModel(AvroKind.Fixed, ClrShape.ByteArray, "byte[]", NamedTypeFullName: definition.FullName, FixedSize: definition.FixedSize, Aliases: definition.Aliases);
        }

        if (report)
        {
            Report(DiagnosticDescriptors.AvscUndefinedName, type.Site, type.FullName!, type.Site.JsonPath, Suggestion(type.FullName!));
        }

        return null;
    }

    /// <summary>"; did you mean 'X'?" for a close primitive or defined name, or nothing.</summary>
    private string Suggestion(string fullName)
    {
        var shortName = AvroNaming.ShortNameOf(fullName);
        var candidates = AvroPrimitiveNames.All
            .Select(p => (Name: p, Distance: Distance(shortName, p)))
            .Concat(_knownNames.Select(n => (Name: n, Distance: Math.Min(Distance(fullName, n), Distance(shortName, AvroNaming.ShortNameOf(n))))))
            .Where(c => c.Distance <= Math.Max(1, shortName.Length / 4))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
        return candidates is null ? string.Empty : "; did you mean '" + candidates + "'?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static bool IsValueType(AvroTypeModel type) => type.Clr switch
    {
        ClrShape.Boolean or ClrShape.Int32 or ClrShape.Int64 or ClrShape.Single or ClrShape.Double or ClrShape.Guid or ClrShape.DateTime or
            ClrShape.DateTimeOffset or ClrShape.DateOnly or ClrShape.TimeOnly or ClrShape.Decimal or ClrShape.Enum => true,
        _ => false,
    };

    /// <summary>Where a union is declared: the record and member its class is nested in and named after.</summary>
    private sealed class UnionSite(string ownerClrTypeName, string memberName, HashSet<string> takenNames)
    {
        public string OwnerClrTypeName { get; } = ownerClrTypeName;

        public string MemberName { get; } = memberName;

        /// <summary>The record's property names, its own name and the union classes named so far: what a union class may not be called.</summary>
        public HashSet<string> TakenNames { get; } = takenNames;

        /// <summary>How many unions of this member have been named so far.</summary>
        public int Ordinal { get; set; }
    }
}
