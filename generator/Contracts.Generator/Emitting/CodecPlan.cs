using System;
using System.Collections.Generic;
using System.Text;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The method names of one contract's file-local codec class: one per record, enum and distinct collection type
/// reachable from the contract, assigned in model order so the output is deterministic.
/// </summary>
internal sealed class CodecPlan
{
    private readonly Dictionary<string, RecordModel> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumModel> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _namedTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<AvroTypeModel, string> _collectionNames = new();
    private readonly List<AvroTypeModel> _collections = new();
    private readonly List<AvroTypeModel> _unions = new();
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _minimumRecordSizes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _recursive = new(StringComparer.Ordinal);

    public CodecPlan(ContractModel model)
    {
        Model = model;
        ClassName = "__" + Identifier(model.Declaration.Name) + "Codec";
        foreach (var record in model.Records)
        {
            _records[record.AvroFullName] = record;
            _namedTypeNames[record.AvroFullName] = Unique(Identifier(record.AvroName));
        }

        foreach (var enumModel in model.Enums)
        {
            _enums[enumModel.AvroFullName] = enumModel;
            _namedTypeNames[enumModel.AvroFullName] = Unique(Identifier(enumModel.AvroName));
        }

        Root = Record(model.RootRecordFullName);
        foreach (var record in model.Records)
        {
            foreach (var field in record.Fields)
            {
                CollectCollections(field.Type);
            }
        }
    }

    public ContractModel Model { get; }

    /// <summary>The file-local static class holding every codec method of the contract.</summary>
    public string ClassName { get; }

    public RecordModel Root { get; }

    /// <summary>Arrays and maps by distinct type (shape, item type), each getting its own helper methods.</summary>
    public IReadOnlyList<AvroTypeModel> Collections => _collections;

    /// <summary>General unions by distinct type, each getting its own helper methods (see <c>AvroCodecEmitter.Union</c>).</summary>
    public IReadOnlyList<AvroTypeModel> Unions => _unions;

    public RecordModel Record(string avroFullName) =>
        _records.TryGetValue(avroFullName, out var record)
            ? record
            : throw new InvalidOperationException("The contract model references record '" + avroFullName + "' but does not define it.");

    public EnumModel Enum(string avroFullName) =>
        _enums.TryGetValue(avroFullName, out var enumModel)
            ? enumModel
            : throw new InvalidOperationException("The contract model references enum '" + avroFullName + "' but does not define it.");

    /// <summary>The name part shared by the Avro and JSON methods of a record or enum, e.g. <c>Person</c>.</summary>
    public string NameOf(RecordModel record) => _namedTypeNames[record.AvroFullName];

    public string NameOf(EnumModel enumModel) => _namedTypeNames[enumModel.AvroFullName];

    /// <summary>The name part of a record, enum, array or map type's methods.</summary>
    public string NameOf(AvroTypeModel type) => type.Kind switch
    {
        AvroKind.Record or AvroKind.Enum => _namedTypeNames[type.NamedTypeFullName ?? throw new InvalidOperationException("A named type has no name.")],
        AvroKind.Array or AvroKind.Map or AvroKind.Union => _collectionNames[type],
        _ => throw new InvalidOperationException("Only records, enums, arrays, maps and unions have codec methods; got " + type.Kind + "."),
    };

    /// <summary>
    /// The name of a codec class member: <paramref name="purpose"/> (e.g. <c>AvroWrite</c>) followed by the type's name
    /// part, made unique so that no two (purpose, type) pairs share a member name.
    /// </summary>
    public string Member(string purpose, string namePart)
    {
        var key = purpose + "\0" + namePart;
        if (!_members.TryGetValue(key, out var member))
        {
            member = Unique(purpose + namePart);
            _members[key] = member;
        }

        return member;
    }

    public string Member(string purpose, AvroTypeModel type) => Member(purpose, NameOf(type));

    public string Member(string purpose, RecordModel record) => Member(purpose, NameOf(record));

    public string Member(string purpose, EnumModel enumModel) => Member(purpose, NameOf(enumModel));

    /// <summary>
    /// Whether a value of <paramref name="record"/> can contain another value of the same record (directly or through
    /// other records, nullables and collections): only such records need a depth guard when written.
    /// </summary>
    public bool IsRecursive(RecordModel record)
    {
        if (!_recursive.TryGetValue(record.AvroFullName, out var recursive))
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<AvroTypeModel>();
            foreach (var field in record.Fields)
            {
                pending.Push(field.Type);
            }

            while (pending.Count > 0 && !recursive)
            {
                var type = pending.Pop();
                if (type.Items is { } items)
                {
                    pending.Push(items);
                }

                foreach (var branch in type.Branches)
                {
                    pending.Push(branch);
                }

                if (type.Kind == AvroKind.Record && visited.Add(type.NamedTypeFullName!))
                {
                    recursive = type.NamedTypeFullName == record.AvroFullName;
                    foreach (var field in Record(type.NamedTypeFullName!).Fields)
                    {
                        pending.Push(field.Type);
                    }
                }
            }

            _recursive[record.AvroFullName] = recursive;
        }

        return recursive;
    }

    /// <summary>The fewest bytes one Avro value of <paramref name="type"/> can take, for <c>ReadBlockCount</c>.</summary>
    public int MinimumSize(AvroTypeModel type) => MinimumSize(type, new HashSet<string>(StringComparer.Ordinal));

    private int MinimumSize(AvroTypeModel type, HashSet<string> recordsInProgress)
    {
        switch (type.Kind)
        {
            case AvroKind.Null:
                return 0;
            case AvroKind.Float:
                return 4;
            case AvroKind.Double:
                return 8;
            case AvroKind.Fixed:
                return type.FixedSize;
            case AvroKind.String when type.LogicalType == "uuid":
                return 37;
            case AvroKind.Record:
                var name = type.NamedTypeFullName!;
                if (_minimumRecordSizes.TryGetValue(name, out var known))
                {
                    return known;
                }

                // A record reached again while being sized is a recursive reference; counting it as empty keeps
                // the bound a true lower bound without looping forever.
                if (!recordsInProgress.Add(name))
                {
                    return 0;
                }

                var size = 0;
                foreach (var field in Record(name).Fields)
                {
                    size += MinimumSize(field.Type, recordsInProgress);
                }

                recordsInProgress.Remove(name);
                if (recordsInProgress.Count == 0)
                {
                    _minimumRecordSizes[name] = size;
                }

                return size;
            default:
                // Booleans, varints, enum indexes, union indexes, lengths and the block count ending a collection.
                return 1;
        }
    }

    private void CollectCollections(AvroTypeModel type)
    {
        if (type.Items is { } items)
        {
            CollectCollections(items);
        }

        foreach (var branch in type.Branches)
        {
            CollectCollections(branch);
        }

        if (type.Kind is AvroKind.Array or AvroKind.Map or AvroKind.Union && !_collectionNames.ContainsKey(type))
        {
            _collectionNames[type] = Unique(Describe(type));
            (type.Kind == AvroKind.Union ? _unions : _collections).Add(type);
        }
    }

    private string Describe(AvroTypeModel type)
    {
        switch (type.Kind)
        {
            case AvroKind.Record:
            case AvroKind.Enum:
                return _namedTypeNames[type.NamedTypeFullName!];
            case AvroKind.Nullable:
                return "Nullable" + Describe(type.Items!);
            case AvroKind.Union:
                return Identifier(UnionNames.SimpleName(type));
            case AvroKind.Array:
            case AvroKind.Map:
                return type.Clr + "Of" + Describe(type.Items!);
            case AvroKind.Fixed:
                return "Fixed" + type.FixedSize.ToString(System.Globalization.CultureInfo.InvariantCulture) + type.Clr;
            default:
                return type.Clr.ToString();
        }
    }

    private string Unique(string name)
    {
        var candidate = name;
        for (var suffix = 2; !_usedNames.Add(candidate); suffix++)
        {
            candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>Turns any name into a C# identifier by replacing what an identifier cannot hold with '_'.</summary>
    public static string Identifier(string name)
    {
        var text = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            text.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (text.Length == 0 || char.IsDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }
}
