using System.Globalization;
using Microsoft.CodeAnalysis.Testing;

namespace Contracts.Analyzers.Tests.Infrastructure;

/// <summary>Expected diagnostics, built from the parts each message is made of so tests read as the rule they check.</summary>
internal static class Expected
{
    public const string AdviceMissingDefaultNew =
        "Give the field a default ([AvroDefault(\"…\")], a parameter default, or make it nullable with '= null'), or [AvroAliases] naming the field it replaces";

    public const string AdviceMissingDefaultOld =
        "Keep the field (nullable with a default if it is optional now); an older version without a default for it cannot read data that lacks it";

    public const string AdviceType =
        "Keep the type (a nullable field stays nullable), change it only along a promotion the reader allows (int→long→float→double, string↔bytes), or add a new field instead";

    public const string AdviceNameNew = "Keep the Avro name ([AvroName]/SchemaName) or add the earlier full name as an alias ([AvroAliases])";

    public const string AdviceFixed = "Keep the fixed size ([AvroFixed]) or add a new field instead";

    public const string AdviceEnumNew = "Keep the enum's symbols, or give the enum a default symbol ([AvroEnumDefault]) that unknown symbols read as";

    public const string AdviceEnumOld = "Do not add symbols an older reader without an enum default cannot read; ship a default symbol ([AvroEnumDefault]) first";

    public const string AdviceUnion = "Keep a union branch for every type the other side writes (a nullable field stays nullable, a field made nullable keeps its type as a branch)";

    public const string AdviceDecimal = "Keep the decimal's precision and scale ([AvroDecimal]) or add a new field instead";

    public static DiagnosticResult NotShipped(int markup, string typeName, string messageType, int version)
    {
        var v = Text(version);
        return Verify.Diagnostic("CTR1004").WithLocation(markup).WithMessage(
            $"'{typeName}' (message '{messageType}' v{v}) is not in the shipped baseline; when it is released, add 'schemas/shipped/{messageType}/v{v}.avsc' (code fix 'Ship schema', or dotnet build -t:ContractsShipSchemas)");
    }

    /// <summary>CTR1001: <paramref name="subject"/>: <paramref name="finding"/>; v<paramref name="writer"/> data cannot be read by v<paramref name="reader"/> (mode). advice.</summary>
    public static DiagnosticResult Break(int markup, string subject, string finding, int writer, int reader, string mode, string advice) =>
        Verify.Diagnostic("CTR1001").WithLocation(markup).WithMessage(
            $"{subject}: {finding}; v{Text(writer)} data cannot be read by v{Text(reader)} ({mode}). {advice}.");

    public static DiagnosticResult Stricter(int markup, string subject, string finding, int writer, int reader, string mode, string advice) =>
        Verify.Diagnostic("CTR1005").WithLocation(markup).WithMessage(
            $"{subject}: {finding}; reading v{Text(writer)} data as v{Text(reader)} ({mode}) may fail or change values although many schema registries accept it. {advice}.");

    public static string MissingField(string field, string record = "Acme.Person") =>
        $"field '{field}' of {record} is not in the writer's {record} (by name or alias) and has no default";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
