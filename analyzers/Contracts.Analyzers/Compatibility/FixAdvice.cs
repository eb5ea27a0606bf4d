using Contracts.Generator.Compatibility;

namespace Contracts.Analyzers.Compatibility;

/// <summary>What to do about a finding, worded for the version being checked (the newer one of the pair).</summary>
internal static class FixAdvice
{
    /// <param name="kind">The broken rule.</param>
    /// <param name="newVersionReads">True when the newer version is the reader (BACKWARD direction), false when an older version reads it (FORWARD).</param>
    public static string For(IncompatibilityKind kind, bool newVersionReads) => (kind, newVersionReads) switch
    {
        (IncompatibilityKind.ReaderFieldMissingDefault, true) =>
            "Give the field a default ([AvroDefault(\"…\")], a parameter default, or make it nullable with '= null'), or [AvroAliases] naming the field it replaces",
        (IncompatibilityKind.ReaderFieldMissingDefault, false) =>
            "Keep the field (nullable with a default if it is optional now); an older version without a default for it cannot read data that lacks it",
        (IncompatibilityKind.TypeMismatch, _) =>
            "Keep the type (a nullable field stays nullable), change it only along a promotion the reader allows (int→long→float→double, string↔bytes), or add a new field instead",
        (IncompatibilityKind.NameMismatch, true) =>
            "Keep the Avro name ([AvroName]/SchemaName) or add the earlier full name as an alias ([AvroAliases])",
        (IncompatibilityKind.NameMismatch, false) =>
            "Keep the Avro name ([AvroName]/SchemaName): an older reader knows only its own name and aliases",
        (IncompatibilityKind.FixedSizeMismatch, _) =>
            "Keep the fixed size ([AvroFixed]) or add a new field instead",
        (IncompatibilityKind.MissingEnumSymbols, true) =>
            "Keep the enum's symbols, or give the enum a default symbol ([AvroEnumDefault]) that unknown symbols read as",
        (IncompatibilityKind.MissingEnumSymbols, false) =>
            "Do not add symbols an older reader without an enum default cannot read; ship a default symbol ([AvroEnumDefault]) first",
        (IncompatibilityKind.MissingUnionBranch, _) =>
            "Keep a union branch for every type the other side writes (a nullable field stays nullable, a field made nullable keeps its type as a branch)",
        (IncompatibilityKind.DecimalPrecisionScaleChanged, _) =>
            "Keep the decimal's precision and scale ([AvroDecimal]) or add a new field instead",
        (IncompatibilityKind.LogicalTypeChanged, _) =>
            "Keep the logical type, or add a new field instead",
        _ => "Make the change in a way Avro schema resolution allows, or set a compatibility mode that does not require it",
    };
}
