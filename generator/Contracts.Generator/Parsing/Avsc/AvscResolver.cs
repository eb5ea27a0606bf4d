using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>
/// Joins one parsed .avsc with the index of every file's named types: checks that names defined in several files agree,
/// builds the records and enums the file declares, and the <see cref="ContractModel"/> of its top-level record (every
/// record and enum it reaches, wherever defined). A file reports problems only in what it defines itself, so each
/// problem is reported once, at the file that has it.
/// </summary>
internal sealed partial class AvscResolver
{
    private readonly AvscFile _file;
    private readonly AvscSchemaIndex _index;
    private readonly IEnumerable<string> _knownNames;
    private readonly bool _rootReferencedElsewhere;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly Dictionary<string, RecordModel?> _typedRecords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordModel?> _records = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recordsInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumModel?> _enums = new(StringComparer.Ordinal);

    private AvscResolver(AvscFile file, AvscSchemaIndex index, IEnumerable<string> knownNames, bool rootReferencedElsewhere, CancellationToken cancellationToken)
    {
        _file = file;
        _index = index;
        _knownNames = knownNames;
        _rootReferencedElsewhere = rootReferencedElsewhere;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The pipeline's per-file transform: the file with just the definitions it reaches.</summary>
    public static AvscResolution Resolve(AvscResolveInput input, CancellationToken cancellationToken) =>
        Resolve(input.File, new AvscSchemaIndex(input.Reached), input.KnownNames, input.RootReferencedElsewhere, cancellationToken);

    /// <summary>One file against the index of every file (as the compatibility analyzers use it).</summary>
    public static AvscResolution Resolve(AvscFile file, AvscSchemaIndex index, CancellationToken cancellationToken) =>
        Resolve(file, index, index.FullNames, file.Contract is { } settings && index.IsReferencedOutside(settings.RootFullName, file.Path), cancellationToken);

    private static AvscResolution Resolve(AvscFile file, AvscSchemaIndex index, IEnumerable<string> knownNames, bool rootReferencedElsewhere, CancellationToken cancellationToken)
    {
        var resolver = new AvscResolver(file, index, knownNames, rootReferencedElsewhere, cancellationToken);
        var declarations = resolver.ResolveDeclarations();
        var contract = resolver.ResolveContract();
        var generatedTypes = declarations
            .Select(d => (Declaration: d, Definition: index.Find(d.Record?.AvroFullName ?? d.Enum!.AvroFullName)!))
            .Select(pair => new AvscGeneratedType(MetadataName(pair.Declaration), pair.Definition.FullName, pair.Declaration.Record is not null, pair.Definition.NameSite));
        return new AvscResolution(file.Path, contract, declarations.ToEquatableArray(), resolver._diagnostics.Distinct().ToEquatableArray(), generatedTypes.ToEquatableArray());
    }

    private List<TypeDeclarationsModel> ResolveDeclarations()
    {
        var declarations = new List<TypeDeclarationsModel>();
        foreach (var definition in _file.Definitions)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!OwnsDefinition(definition))
            {
                continue;
            }

            switch (definition.Kind)
            {
                case AvscNamedKind.Record when Record(definition.FullName) is { } record:
                    declarations.Add(new TypeDeclarationsModel(definition.ClrNamespace, definition.ClrName, record, null, HintName(definition)));
                    break;
                case AvscNamedKind.Enum when Enum(definition.FullName) is { } enumModel:
                    declarations.Add(new TypeDeclarationsModel(definition.ClrNamespace, definition.ClrName, null, enumModel, HintName(definition)));
                    break;
            }
        }

        return declarations;
    }

    /// <summary>
    /// Whether this file's definition is the one that generates the type. An equal definition in an earlier file is the same
    /// type (nothing to declare twice); a different one is a duplicate-name error reported here.
    /// </summary>
    private bool OwnsDefinition(AvscNamedType definition)
    {
        var owner = _index.Find(definition.FullName);
        if (owner is null || owner.Equals(definition))
        {
            return owner is not null;
        }

        if (owner.Shape != definition.Shape)
        {
            Report(DiagnosticDescriptors.AvscDuplicateName, definition.NameSite, "'" + definition.FullName + "'", definition.NameSite.JsonPath,
                (owner.Site.Location?.FilePath ?? "another file") + " defines it differently (at " + owner.Site.JsonPath +
                "); give one of them another name or namespace, or make the definitions identical");
        }

        return false;
    }

    private ContractModel? ResolveContract()
    {
        var settings = _file.Contract;
        if (settings is null || _index.Find(settings.RootFullName) is not { } rootDefinition || !_file.Definitions.Contains(rootDefinition) ||
            !settings.IsContract(_rootReferencedElsewhere))
        {
            // No top-level record, an equal definition in an earlier file already generates this contract, or the record is
            // a shared type (opted out, or referenced from another file without message settings).
            return null;
        }

        var root = Record(settings.RootFullName);
        if (root is null)
        {
            return null;
        }

        var keyOk = true;
        foreach (var keyField in settings.KeyFields)
        {
            var field = root.Fields.FirstOrDefault(f => f.AvroName == keyField);
            if (field is null)
            {
                Report(DiagnosticDescriptors.AvscInvalidContractSetting, settings.KeySite, "key", "'" + keyField + "' is not a field of " + root.AvroFullName);
                keyOk = false;
            }
            else if (!IsKeyScalar(field.Type))
            {
                Report(DiagnosticDescriptors.AvscInvalidContractSetting, settings.KeySite, "key",
                    "field '" + keyField + "' has type " + field.Type.ClrTypeName.Replace("global::", string.Empty) +
                    "; key fields must be non-null scalars (string, int, long, boolean, uuid, enum, decimal, date and time types)");
                keyOk = false;
            }
        }

        if (!keyOk)
        {
            return null;
        }

        var records = new Dictionary<string, RecordModel>(StringComparer.Ordinal);
        var enums = new Dictionary<string, EnumModel>(StringComparer.Ordinal);
        if (!Reach(root, records, enums))
        {
            return null;
        }

        var keys = new HashSet<string>(settings.KeyFields, StringComparer.Ordinal);
        records[root.AvroFullName] = root with
        {
            Fields = root.Fields.Select(f => keys.Contains(f.AvroName) ? f with { IsKey = true } : f).ToEquatableArray(),
        };
        var definition = _index.Find(root.AvroFullName)!;
        var declaration = new TypeDeclarationModel(definition.ClrNamespace, definition.ClrName, "record", EquatableArray<string>.Empty,
            root.ClrTypeName.Substring("global::".Length).Replace("@", string.Empty));
        return new ContractModel(
            declaration,
            settings.MessageType,
            settings.Version,
            settings.KeyFormat,
            settings.KeyFields,
            root.AvroFullName,
            records.Values.OrderBy(r => r.AvroFullName, StringComparer.Ordinal).ToEquatableArray(),
            enums.Values.OrderBy(e => e.AvroFullName, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>Collects every record and enum reachable from <paramref name="record"/>; false when one of them is broken.</summary>
    private bool Reach(RecordModel record, Dictionary<string, RecordModel> records, Dictionary<string, EnumModel> enums)
    {
        if (records.ContainsKey(record.AvroFullName))
        {
            return true;
        }

        records.Add(record.AvroFullName, record);
        foreach (var field in record.Fields)
        {
            if (!ReachType(field.Type, records, enums))
            {
                return false;
            }
        }

        return true;
    }

    private bool ReachType(AvroTypeModel type, Dictionary<string, RecordModel> records, Dictionary<string, EnumModel> enums)
    {
        switch (type.Kind)
        {
            case AvroKind.Record:
                return Record(type.NamedTypeFullName!) is { } record && Reach(record, records, enums);
            case AvroKind.Enum:
                if (Enum(type.NamedTypeFullName!) is not { } enumModel)
                {
                    return false;
                }

                enums[enumModel.AvroFullName] = enumModel;
                return true;
            case AvroKind.Array or AvroKind.Map or AvroKind.Nullable:
                return ReachType(type.Items!, records, enums);
            case AvroKind.Union:
                return type.Branches.All(branch => ReachType(branch, records, enums));
            default:
                return true;
        }
    }

    private static bool IsKeyScalar(AvroTypeModel type) => type.Kind != AvroKind.Nullable && type.Clr switch
    {
        ClrShape.Boolean or ClrShape.Int32 or ClrShape.Int64 or ClrShape.String or ClrShape.Guid or ClrShape.DateTime or
            ClrShape.DateTimeOffset or ClrShape.DateOnly or ClrShape.TimeOnly or ClrShape.Decimal or ClrShape.Enum => true,
        _ => false,
    };

    /// <summary>The metadata name of a declared type (<c>Acme.People.Person</c>), as <c>Compilation.GetTypeByMetadataName</c> takes it.</summary>
    internal static string MetadataName(TypeDeclarationsModel declaration) =>
        (declaration.Namespace.Length == 0 ? declaration.Name : declaration.Namespace + "." + declaration.Name).Replace("@", string.Empty);

    /// <summary>The metadata name of a contract's type.</summary>
    internal static string MetadataName(ContractModel contract) =>
        (contract.Declaration.Namespace.Length == 0 ? contract.Declaration.Name : contract.Declaration.Namespace + "." + contract.Declaration.Name).Replace("@", string.Empty);

    private static string HintName(AvscNamedType definition) =>
        "Avsc." + definition.ClrTypeName.Substring("global::".Length).Replace("@", string.Empty);

    /// <summary>Whether problems in <paramref name="definition"/> are this file's to report.</summary>
    private bool IsOwnFile(AvscNamedType definition) => definition.Site.Location?.FilePath == _file.Path;

    private void Report(DiagnosticDescriptor descriptor, AvscSite site, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor, site.Location, args.ToEquatableArray()));
}
