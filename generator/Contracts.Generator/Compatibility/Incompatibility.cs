using Contracts.Generator.Model;

namespace Contracts.Generator.Compatibility;

/// <summary>Which rule of Avro schema resolution a finding is about.</summary>
internal enum IncompatibilityKind
{
    /// <summary>The reader's type cannot read the writer's type (and no promotion applies).</summary>
    TypeMismatch,

    /// <summary>Two records, enums or fixed types differ in name and the reader has no alias for the writer's full name.</summary>
    NameMismatch,

    /// <summary>Two fixed types differ in size.</summary>
    FixedSizeMismatch,

    /// <summary>The writer's enum has symbols the reader's lacks, and the reader's enum has no default symbol.</summary>
    MissingEnumSymbols,

    /// <summary>A reader field matches no writer field (by name or reader alias) and has no default.</summary>
    ReaderFieldMissingDefault,

    /// <summary>A writer union branch (or a non-union writer type) matches no branch of the reader's union.</summary>
    MissingUnionBranch,

    /// <summary>Warning: both sides are decimals with different precision or scale. Data still decodes, but the
    /// specification says such decimals do not match, and values are reinterpreted with the reader's scale.</summary>
    DecimalPrecisionScaleChanged,

    /// <summary>Warning: the logical type differs (e.g. <c>timestamp-millis</c> read as <c>timestamp-micros</c>, or a
    /// plain <c>long</c> read as a timestamp). Data still decodes, but its meaning changes.</summary>
    LogicalTypeChanged,
}

/// <summary>Errors make schemas incompatible; warnings flag reads the spec allows but that change meaning.</summary>
internal enum CompatibilitySeverity
{
    Error,
    Warning,
}

/// <summary>The schema whose member a finding points at: the one a fix most likely belongs in.</summary>
internal enum SchemaSide
{
    Reader,
    Writer,
}

/// <summary>
/// One finding of <see cref="SchemaCompatibility.CanRead"/>. Paths name fields from the root record: <c>Email</c>,
/// <c>Address.Zip</c>, <c>Addresses[].Zip</c> (array items), <c>Scores{}</c> (map values); empty for the root itself.
/// Reader and writer paths differ when a field is matched through a reader alias.
/// </summary>
internal sealed record Incompatibility(
    IncompatibilityKind Kind,
    CompatibilitySeverity Severity,
    string ReaderPath,
    string WriterPath,
    SchemaSide Side,
    string Message)
{
    /// <summary>The path on <see cref="Side"/>.</summary>
    public string Path => Side == SchemaSide.Reader ? ReaderPath : WriterPath;

    public override string ToString() =>
        (Severity == CompatibilitySeverity.Error ? "error " : "warning ") + Kind + " at " + (Path.Length == 0 ? "<root>" : Path) + ": " + Message;
}

/// <summary>The verdict for one reader/writer pair: compatible when there is no error (warnings do not count).</summary>
internal sealed record CompatibilityResult(EquatableArray<Incompatibility> Findings)
{
    public bool IsCompatible
    {
        get
        {
            foreach (var finding in Findings)
            {
                if (finding.Severity == CompatibilitySeverity.Error)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public EquatableArray<Incompatibility> Errors => Filter(CompatibilitySeverity.Error);

    public EquatableArray<Incompatibility> Warnings => Filter(CompatibilitySeverity.Warning);

    private EquatableArray<Incompatibility> Filter(CompatibilitySeverity severity)
    {
        var list = new System.Collections.Generic.List<Incompatibility>();
        foreach (var finding in Findings)
        {
            if (finding.Severity == severity)
            {
                list.Add(finding);
            }
        }

        return list.ToEquatableArray();
    }
}
