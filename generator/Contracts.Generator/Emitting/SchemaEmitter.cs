using System;
using System.Linq;
using Contracts.Generator.Model;
using Contracts.Schema;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Turns a contract model into its Avro schema and key schema texts: pure functions of the model, shared by the
/// source emitters and (later) the analyzers.
/// </summary>
internal static class SchemaEmitter
{
    /// <summary>The suffix of the key record's name (deimos' naming: <c>Person</c> has key record <c>Person_key</c>).</summary>
    public const string KeyRecordSuffix = "_key";

    /// <summary>The schema of the contract's root record.</summary>
    public static SchemaTexts Emit(ContractModel model)
    {
        var types = new SchemaNamedTypes(model);
        return Texts(types.Record(model.RootRecordFullName), types);
    }

    /// <summary>
    /// The key schema when the contract's key is an Avro record (<c>KeyFormat.Record</c>): a record named
    /// <c>{RootName}_key</c> in the root's namespace holding the key fields, in key order, with their types, docs and
    /// aliases but no defaults (a key is always present). Null for the other key formats.
    /// </summary>
    public static SchemaTexts? EmitKey(ContractModel model)
    {
        if (model.KeyFormat != 1)
        {
            return null;
        }

        var types = new SchemaNamedTypes(model);
        var root = types.Record(model.RootRecordFullName);
        var keyFields = model.KeyFields
            .Select(name => root.Fields.FirstOrDefault(f => string.Equals(f.AvroName, name, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Key field '{name}' is not a field of record '{root.AvroFullName}'."))
            .Select(field => field with { DefaultJson = null, DefaultExpression = null })
            .ToEquatableArray();
        if (keyFields.IsEmpty)
        {
            throw new InvalidOperationException($"Contract '{model.MessageType}' has a record key but no key fields.");
        }

        var keyRecord = new RecordModel(
            root.AvroFullName + KeyRecordSuffix,
            root.ClrTypeName,
            IsValueType: false,
            Doc: null,
            Aliases: EquatableArray<string>.Empty,
            keyFields,
            ConstructorParameterCount: 0);
        return Texts(keyRecord, types);
    }

    private static SchemaTexts Texts(RecordModel root, SchemaNamedTypes types)
    {
        var canonical = SchemaWriter.Write(root, types, SchemaForm.Canonical);
        return new SchemaTexts(SchemaWriter.Write(root, types, SchemaForm.Full), canonical, RabinFingerprint.Compute(canonical));
    }
}
