namespace Contracts.Generator.Model;

/// <summary>
/// Everything the emitters need about one <c>[Message]</c> contract, free of symbols, syntax and locations so the
/// incremental pipeline can compare it by value.
/// </summary>
/// <param name="Declaration">Where and how the partial type is declared (namespace, containing types, keyword).</param>
/// <param name="MessageType">The wire type name.</param>
/// <param name="Version">The wire version.</param>
/// <param name="KeyFormat">0 none, 1 Avro key record, 2 plain text (mirrors <c>Contracts.KeyFormat</c>).</param>
/// <param name="KeyFields">Avro names of the key fields, in key order (empty with no key).</param>
/// <param name="RootRecordFullName">Avro full name of the contract's own record in <see cref="Records"/>.</param>
/// <param name="Records">Every record reachable from the contract, the root included, sorted by Avro full name.</param>
/// <param name="Enums">Every enum reachable from the contract, sorted by Avro full name.</param>
internal sealed record ContractModel(
    TypeDeclarationModel Declaration,
    string MessageType,
    int Version,
    int KeyFormat,
    EquatableArray<string> KeyFields,
    string RootRecordFullName,
    EquatableArray<RecordModel> Records,
    EquatableArray<EnumModel> Enums);

/// <summary>How to reopen the user's partial type in generated code.</summary>
/// <param name="Namespace">The C# namespace, empty for the global namespace.</param>
/// <param name="Name">The type's own name (with type parameters, if any, as written).</param>
/// <param name="Keyword">The declaration keyword(s): <c>record</c>, <c>record struct</c>, <c>class</c> or <c>struct</c>.</param>
/// <param name="ContainingTypes">Enclosing types, outermost first, each as "keyword name", for nested declarations.</param>
/// <param name="HintName">A file-name-safe, unique, deterministic name for the generated file.</param>
internal sealed record TypeDeclarationModel(
    string Namespace,
    string Name,
    string Keyword,
    EquatableArray<string> ContainingTypes,
    string HintName);
