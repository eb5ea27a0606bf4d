using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Emits the Avro binary codec methods of a contract: per record, enum and collection type one writer and one reader,
/// straight-line per field, with no allocation on the write path.
/// </summary>
internal static partial class AvroCodecEmitter
{
    private const string AvroFormat = CodeNames.ContractFormat + ".Avro";

    public static void Emit(SourceWriter w, CodecPlan plan)
    {
        foreach (var record in plan.Model.Records)
        {
            w.Line();
            EmitRecordWriter(w, plan, record);
            w.Line();
            EmitRecordReader(w, plan, record);
            w.Line();
            EmitFastRecordReader(w, plan, record);
        }

        w.Line();
        EmitEntryReader(w, plan);

        foreach (var enumModel in plan.Model.Enums)
        {
            w.Line();
            EmitEnumWriter(w, plan, enumModel);
            w.Line();
            EmitEnumReader(w, plan, enumModel);
        }

        foreach (var collection in plan.Collections)
        {
            w.Line();
            if (collection.Kind == AvroKind.Array)
            {
                EmitArrayWriter(w, plan, collection);
                w.Line();
                EmitArrayReader(w, plan, collection);
                w.Line();
                EmitFastArrayReader(w, plan, collection);
            }
            else
            {
                EmitMapWriter(w, plan, collection);
                w.Line();
                EmitMapReader(w, plan, collection);
            }
        }

        EmitUnions(w, plan);
    }

    public static string Writer(CodecPlan plan, RecordModel record) => plan.Member("AvroWrite", record);

    public static string Reader(CodecPlan plan, RecordModel record) => plan.Member("AvroRead", record);

    private static bool IsReference(AvroTypeModel type, CodecPlan plan) => type.Clr switch
    {
        ClrShape.String or ClrShape.ByteArray or ClrShape.Array or ClrShape.List or ClrShape.ArrayInterface or
            ClrShape.ImmutableList or ClrShape.Dictionary or ClrShape.DictionaryInterface or ClrShape.ImmutableDictionary => true,
        ClrShape.Record => !plan.Record(type.NamedTypeFullName!).IsValueType,
        _ => false,
    };

    /// <summary>Emits a parameter null check for reference types; the caller's catch adds the field name.</summary>
    internal static void NullGuard(SourceWriter w, string expression, string format)
    {
        w.Open("if (" + expression + " is null)");
        w.Line("throw " + CodecSupportEmitter.NullValue + "(" + format + ");");
        w.Close();
        w.Line();
    }

    /// <summary>
    /// Opens the <c>try</c> around a record's fields; <see cref="FieldCatch"/> closes it so faults name the field they
    /// happened in.
    /// </summary>
    internal static void FieldTry(SourceWriter w)
    {
        w.Open("try");
    }

    internal static void FieldCatch(SourceWriter w, string fieldNamesTable, string? condition = null)
    {
        w.Close();
        PathCatch(w, (condition is null ? string.Empty : condition + " && ") + CodecSupportEmitter.InField + "(e, " + fieldNamesTable + "[field])");
    }

    /// <summary>
    /// Emits a catch whose filter adds a path segment and returns false. Filters run while the exception is first
    /// dispatched, innermost frame first, so the path builds up with no catch-and-rethrow per level: deep recursive
    /// values cannot exhaust the stack with nested rethrows, and the original stack trace is kept.
    /// </summary>
    internal static void PathCatch(SourceWriter w, string filter)
    {
        w.Open("catch (" + CodeNames.ContractException + " e) when (" + filter + ")");
        w.Line("throw;");
        w.Close();
    }
}
