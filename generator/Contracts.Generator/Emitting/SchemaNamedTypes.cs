using System;
using System.Collections.Generic;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>The records and enums of one contract, looked up by Avro full name while a schema is written.</summary>
internal sealed class SchemaNamedTypes
{
    private readonly Dictionary<string, RecordModel> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumModel> _enums = new(StringComparer.Ordinal);

    public SchemaNamedTypes(ContractModel model)
    {
        foreach (var record in model.Records)
        {
            _records[record.AvroFullName] = record;
        }

        foreach (var enumModel in model.Enums)
        {
            _enums[enumModel.AvroFullName] = enumModel;
        }
    }

    public RecordModel Record(string fullName) =>
        _records.TryGetValue(fullName, out var record)
            ? record
            : throw new InvalidOperationException($"The contract model references record '{fullName}' but does not define it.");

    public EnumModel Enum(string fullName) =>
        _enums.TryGetValue(fullName, out var enumModel)
            ? enumModel
            : throw new InvalidOperationException($"The contract model references enum '{fullName}' but does not define it.");

    /// <summary>The full name of a record, enum or fixed node; the model guarantees it is set for those kinds.</summary>
    public static string NameOf(AvroTypeModel type) =>
        type.NamedTypeFullName ?? throw new InvalidOperationException($"A {type.Kind} schema node has no name.");
}
