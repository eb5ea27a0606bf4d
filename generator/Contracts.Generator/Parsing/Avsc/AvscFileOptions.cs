using Contracts.Generator.Diagnostics;

namespace Contracts.Generator.Parsing.Avsc;

/// <summary>
/// The per-file settings MSBuild passes for one .avsc (item metadata on the <c>AdditionalFiles</c> item, read as
/// <c>build_metadata.AdditionalFiles.&lt;Name&gt;</c>) and the project's <c>RootNamespace</c>. Null means "not set".
/// </summary>
/// <param name="Path">The file path.</param>
/// <param name="RootNamespace">The project's root namespace: the C# namespace of types in the null Avro namespace.</param>
/// <param name="Namespace"><c>ContractsNamespace</c>: the C# namespace of every type the file defines.</param>
/// <param name="MessageType"><c>ContractsMessageType</c>: the wire type name of the file's contract.</param>
/// <param name="Version"><c>ContractsVersion</c>: the wire version.</param>
/// <param name="Key"><c>ContractsKey</c>: key field names, comma separated.</param>
/// <param name="KeyFormat"><c>ContractsKeyFormat</c>: <c>Record</c> (default) or <c>Plain</c>.</param>
/// <param name="TypeName"><c>ContractsTypeName</c>: the C# name of the file's top-level record.</param>
/// <param name="Message"><c>ContractsMessage</c>: <c>true</c> or <c>false</c>, whether the top-level record is a message contract.</param>
/// <param name="IsShippedBaseline"><c>ContractsShippedSchema=true</c>: a shipped-schema baseline, not a contract.</param>
internal sealed record AvscFileOptions(
    string Path,
    string? RootNamespace,
    string? Namespace,
    string? MessageType,
    string? Version,
    string? Key,
    string? KeyFormat,
    string? TypeName,
    string? Message,
    bool IsShippedBaseline);

/// <summary>What parsing one .avsc yields: the named types it defines, the contract settings and the diagnostics.</summary>
/// <param name="Path">The file path.</param>
/// <param name="Definitions">Every record, enum and fixed defined in the file, in definition order.</param>
/// <param name="Contract">The file's contract (its top-level record), or null when the file only defines types.</param>
/// <param name="Diagnostics">Problems found in the file itself.</param>
internal sealed record AvscFile(
    string Path,
    Model.EquatableArray<AvscNamedType> Definitions,
    AvscContractSettings? Contract,
    Model.EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The message settings of a file's top-level record, after schema properties and item metadata are merged.</summary>
/// <param name="RootFullName">The top-level record's Avro full name.</param>
/// <param name="MessageType">The wire type name.</param>
/// <param name="Version">The wire version.</param>
/// <param name="KeyFormat">0 none, 1 record, 2 plain.</param>
/// <param name="KeyFields">Avro names of the key fields.</param>
/// <param name="KeySite">Where the key is set, for key diagnostics.</param>
/// <param name="IsMessage"><c>contracts.message</c> / <c>ContractsMessage</c>, or null when neither says.</param>
/// <param name="HasMessageSettings">Whether a message type, version, key or key format is set (in the schema or item metadata).</param>
internal sealed record AvscContractSettings(
    string RootFullName,
    string MessageType,
    int Version,
    int KeyFormat,
    Model.EquatableArray<string> KeyFields,
    AvscSite KeySite,
    bool? IsMessage,
    bool HasMessageSettings)
{
    /// <summary>
    /// Whether the top-level record becomes a message contract: as <see cref="IsMessage"/> says; otherwise yes, unless a
    /// record in another file refers to it and nothing sets its message settings (a shared type, used nested only).
    /// </summary>
    public bool IsContract(bool referencedElsewhere) => IsMessage ?? (HasMessageSettings || !referencedElsewhere);
}
