using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using Contracts.Generator.Model;

namespace Contracts.Generator.Compatibility;

/// <summary>
/// Decides whether data written with one Avro schema can be read with another, following the specification's
/// "Schema Resolution" rules with the verdicts of Apache Avro's reference checker (Java <c>SchemaCompatibility</c>,
/// Python <c>avro.compatibility</c>): promotions int→long→float→double and string↔bytes, records by unqualified name
/// or reader alias, fields by name or reader alias, defaults for reader-only fields, enum symbols or an enum default,
/// fixed names and sizes, every writer union branch readable, arrays and maps recursively.
/// Logical types never change the verdict (the reference checker ignores them); a changed logical type or decimal
/// precision/scale is reported as a warning.
/// </summary>
internal static class SchemaCompatibility
{
    /// <summary>Can a reader using <paramref name="reader"/> read every datum written with <paramref name="writer"/>?</summary>
    public static CompatibilityResult CanRead(AvroSchema reader, AvroSchema writer)
    {
        var findings = new Checker().Check(reader, writer);
        return new CompatibilityResult(findings.ToEquatableArray());
    }

    /// <summary><see cref="CanRead(AvroSchema, AvroSchema)"/> on schema JSON; throws <see cref="AvroSchemaParseException"/> for invalid schemas.</summary>
    public static CompatibilityResult CanRead(string readerSchemaJson, string writerSchemaJson) =>
        CanRead(AvroSchemaParser.Parse(readerSchemaJson), AvroSchemaParser.Parse(writerSchemaJson));

    /// <summary>The writer field a reader field reads: the one with its name, else the first matching one of its aliases.</summary>
    public static RecordField? FindWriterField(RecordSchema writer, string readerFieldName, IReadOnlyList<string> readerFieldAliases)
    {
        var direct = writer.FindField(readerFieldName);
        if (direct is not null)
        {
            return direct;
        }

        foreach (var alias in readerFieldAliases)
        {
            var aliased = writer.FindField(alias);
            if (aliased is not null)
            {
                return aliased;
            }
        }

        return null;
    }

    /// <summary>
    /// One check walks each (reader node, writer node) pair once: results are kept per pair with paths relative to
    /// that pair, so a named type reached along many paths costs one walk, and a recursive pair met again while it is
    /// still being checked counts as compatible (its findings are reported where it was first entered).
    /// </summary>
    private sealed class Checker
    {
        private static readonly List<Incompatibility> None = new();

        private readonly Dictionary<Pair, List<Incompatibility>?> memo = new();

        public List<Incompatibility> Check(AvroSchema reader, AvroSchema writer)
        {
            var pair = new Pair(reader, writer);
            if (memo.TryGetValue(pair, out var known))
            {
                return known ?? None;
            }

            memo[pair] = null;
            var result = Calculate(reader, writer);
            memo[pair] = result;
            return result;
        }

        private List<Incompatibility> Calculate(AvroSchema reader, AvroSchema writer)
        {
            var findings = new List<Incompatibility>();
            if (reader.Type == writer.Type)
            {
                switch (reader)
                {
                    case ArraySchema readerArray:
                        AddNested(findings, Check(readerArray.Items, ((ArraySchema)writer).Items), "[]", "[]");
                        return findings;
                    case MapSchema readerMap:
                        AddNested(findings, Check(readerMap.Values, ((MapSchema)writer).Values), "{}", "{}");
                        return findings;
                    case FixedSchema readerFixed:
                        var writerFixed = (FixedSchema)writer;
                        CheckName(findings, readerFixed, writerFixed);
                        if (readerFixed.Size != writerFixed.Size)
                        {
                            findings.Add(Error(IncompatibilityKind.FixedSizeMismatch, SchemaSide.Reader,
                                "fixed " + readerFixed.FullName + " has size " + Text(readerFixed.Size) + " but the writer's " +
                                writerFixed.FullName + " has size " + Text(writerFixed.Size)));
                        }

                        CheckLogicalTypes(findings, reader, writer);
                        return findings;
                    case EnumSchema readerEnum:
                        CheckName(findings, readerEnum, (EnumSchema)writer);
                        CheckSymbols(findings, readerEnum, (EnumSchema)writer);
                        return findings;
                    case RecordSchema readerRecord:
                        CheckName(findings, readerRecord, (RecordSchema)writer);
                        CheckFields(findings, readerRecord, (RecordSchema)writer);
                        return findings;
                    case UnionSchema readerUnion:
                        foreach (var branch in ((UnionSchema)writer).Branches)
                        {
                            CheckReaderUnion(findings, readerUnion, branch);
                        }

                        return findings;
                    default:
                        CheckLogicalTypes(findings, reader, writer);
                        return findings;
                }
            }

            if (writer is UnionSchema writerUnion)
            {
                // Every branch the writer may have chosen must be readable by the (non-union) reader.
                foreach (var branch in writerUnion.Branches)
                {
                    findings.AddRange(Check(reader, branch));
                }

                return findings;
            }

            if (reader is UnionSchema union)
            {
                CheckReaderUnion(findings, union, writer);
                return findings;
            }

            if (IsPromotion(writer.Type, reader.Type))
            {
                CheckLogicalTypes(findings, reader, writer);
                return findings;
            }

            findings.Add(Error(IncompatibilityKind.TypeMismatch, SchemaSide.Reader,
                "the reader's " + reader.Describe() + " cannot read the writer's " + writer.Describe()));
            return findings;
        }

        // A writer value of a non-union type is read by the first reader branch that can read it. When none can, the
        // branch of the same type (or name) explains best why not, so its findings are reported with the missing branch.
        private void CheckReaderUnion(List<Incompatibility> findings, UnionSchema reader, AvroSchema writer)
        {
            AvroSchema? sameKind = null;
            foreach (var branch in reader.Branches)
            {
                if (IsCompatible(Check(branch, writer)))
                {
                    return;
                }

                if (sameKind is null && branch.Type == writer.Type &&
                    (branch is not NamedSchema named || named.FullName == ((NamedSchema)writer).FullName))
                {
                    sameKind = branch;
                }
            }

            findings.Add(Error(IncompatibilityKind.MissingUnionBranch, SchemaSide.Reader,
                "the reader's union " + reader.Describe() + " has no branch that can read the writer's " + writer.Describe()));
            if (sameKind is not null)
            {
                findings.AddRange(Check(sameKind, writer));
            }
        }

        private void CheckFields(List<Incompatibility> findings, RecordSchema reader, RecordSchema writer)
        {
            foreach (var readerField in reader.Fields)
            {
                var writerField = FindWriterField(writer, readerField.Name, readerField.Aliases);
                if (writerField is null)
                {
                    if (!readerField.HasDefault)
                    {
                        findings.Add(new Incompatibility(IncompatibilityKind.ReaderFieldMissingDefault, CompatibilitySeverity.Error,
                            readerField.Name, string.Empty, SchemaSide.Reader,
                            "field '" + readerField.Name + "' of " + reader.FullName + " is not in the writer's " + writer.FullName +
                            " (by name or alias) and has no default"));
                    }

                    continue;
                }

                AddNested(findings, Check(readerField.Schema, writerField.Schema), readerField.Name, writerField.Name);
            }
        }

        private static void CheckName(List<Incompatibility> findings, NamedSchema reader, NamedSchema writer)
        {
            if (reader.Name == writer.Name)
            {
                return;
            }

            foreach (var alias in reader.Aliases)
            {
                if (alias == writer.FullName)
                {
                    return;
                }
            }

            findings.Add(Error(IncompatibilityKind.NameMismatch, SchemaSide.Reader,
                "the reader's " + AvroSchema.TypeName(reader.Type) + " " + reader.FullName + " has neither the writer's name " +
                writer.Name + " nor an alias " + writer.FullName));
        }

        private static void CheckSymbols(List<Incompatibility> findings, EnumSchema reader, EnumSchema writer)
        {
            var missing = new List<string>();
            foreach (var symbol in writer.Symbols)
            {
                if (reader.IndexOf(symbol) < 0)
                {
                    missing.Add(symbol);
                }
            }

            if (missing.Count > 0 && reader.DefaultSymbol is null)
            {
                findings.Add(Error(IncompatibilityKind.MissingEnumSymbols, SchemaSide.Reader,
                    "enum " + reader.FullName + " lacks the writer's symbol" + (missing.Count == 1 ? " " : "s ") + string.Join(", ", missing) +
                    " and has no default symbol to read them as"));
            }
        }

        private static void CheckLogicalTypes(List<Incompatibility> findings, AvroSchema reader, AvroSchema writer)
        {
            if (reader.LogicalType != writer.LogicalType)
            {
                findings.Add(Warning(IncompatibilityKind.LogicalTypeChanged,
                    "the writer's " + writer.Describe() + " is read as " + reader.Describe() + "; the value keeps its encoding but changes meaning"));
                return;
            }

            if (reader.LogicalType == "decimal")
            {
                DecimalShape(reader, out var readerPrecision, out var readerScale);
                DecimalShape(writer, out var writerPrecision, out var writerScale);
                if (readerPrecision != writerPrecision || readerScale != writerScale)
                {
                    findings.Add(Warning(IncompatibilityKind.DecimalPrecisionScaleChanged,
                        "decimal(" + Text(writerPrecision) + "," + Text(writerScale) + ") is read as decimal(" + Text(readerPrecision) + "," +
                        Text(readerScale) + "); the specification says such decimals do not match" +
                        (readerScale != writerScale ? ", and the unscaled value is reinterpreted with the reader's scale" : string.Empty)));
                }
            }
        }

        private static void DecimalShape(AvroSchema schema, out int precision, out int scale)
        {
            switch (schema)
            {
                case PrimitiveSchema primitive:
                    precision = primitive.Precision;
                    scale = primitive.Scale;
                    break;
                case FixedSchema fixedSchema:
                    precision = fixedSchema.Precision;
                    scale = fixedSchema.Scale;
                    break;
                default:
                    precision = 0;
                    scale = 0;
                    break;
            }
        }

        private static bool IsPromotion(AvroSchemaType writer, AvroSchemaType reader) => reader switch
        {
            AvroSchemaType.Long => writer == AvroSchemaType.Int,
            AvroSchemaType.Float => writer is AvroSchemaType.Int or AvroSchemaType.Long,
            AvroSchemaType.Double => writer is AvroSchemaType.Int or AvroSchemaType.Long or AvroSchemaType.Float,
            AvroSchemaType.String => writer == AvroSchemaType.Bytes,
            AvroSchemaType.Bytes => writer == AvroSchemaType.String,
            _ => false,
        };

        private static bool IsCompatible(List<Incompatibility> findings)
        {
            foreach (var finding in findings)
            {
                if (finding.Severity == CompatibilitySeverity.Error)
                {
                    return false;
                }
            }

            return true;
        }

        private static void AddNested(List<Incompatibility> findings, List<Incompatibility> nested, string readerSegment, string writerSegment)
        {
            foreach (var finding in nested)
            {
                findings.Add(finding with
                {
                    ReaderPath = Prefix(readerSegment, finding.ReaderPath),
                    WriterPath = Prefix(writerSegment, finding.WriterPath),
                });
            }
        }

        private static string Prefix(string segment, string path)
        {
            if (path.Length == 0)
            {
                return segment;
            }

            return path[0] == '[' || path[0] == '{' ? segment + path : segment + "." + path;
        }

        private static Incompatibility Error(IncompatibilityKind kind, SchemaSide side, string message) =>
            new(kind, CompatibilitySeverity.Error, string.Empty, string.Empty, side, message);

        private static Incompatibility Warning(IncompatibilityKind kind, string message) =>
            new(kind, CompatibilitySeverity.Warning, string.Empty, string.Empty, SchemaSide.Reader, message);

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    private readonly struct Pair(AvroSchema reader, AvroSchema writer) : System.IEquatable<Pair>
    {
        public bool Equals(Pair other) => ReferenceEquals(reader, other.Reader) && ReferenceEquals(writer, other.Writer);

        public override bool Equals(object? obj) => obj is Pair other && Equals(other);

        public override int GetHashCode() => unchecked((RuntimeHelpers.GetHashCode(reader) * 397) ^ RuntimeHelpers.GetHashCode(writer));

        private AvroSchema Reader => reader;

        private AvroSchema Writer => writer;
    }
}
