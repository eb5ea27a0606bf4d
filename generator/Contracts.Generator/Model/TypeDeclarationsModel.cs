namespace Contracts.Generator.Model;

/// <summary>
/// A C# type the generator declares from a schema file (an .avsc record or enum, not a user's <c>[Message]</c> type):
/// a <c>partial record</c> with one property per field, or an enum. Users extend the partial records in their own files.
/// </summary>
/// <param name="Namespace">The C# namespace (keywords escaped), empty for the global namespace.</param>
/// <param name="Name">The type's simple C# name (escaped).</param>
/// <param name="Record">The record to declare, or null for an enum.</param>
/// <param name="Enum">The enum to declare, or null for a record.</param>
/// <param name="HintName">A file-name-safe, unique, deterministic name for the generated file.</param>
internal sealed record TypeDeclarationsModel(string Namespace, string Name, RecordModel? Record, EnumModel? Enum, string HintName);
