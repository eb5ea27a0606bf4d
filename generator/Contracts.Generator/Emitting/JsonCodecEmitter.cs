using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>Emits the JSON codec methods (the object under the envelope's <c>"message"</c>).</summary>
internal static class JsonCodecEmitter
{
    public static string Writer(CodecPlan plan, RecordModel record) => plan.Member("JsonWrite", record);

    public static string Reader(CodecPlan plan, RecordModel record) => plan.Member("JsonRead", record);

    public static void Emit(SourceWriter w, CodecPlan plan)
    {
        // Interim: the JSON codec lands with the runtime JSON helpers; until then the entry points fail loudly.
        w.Line();
        w.Line("internal static void " + Writer(plan, plan.Root) + "(" + CodeNames.Utf8JsonWriter + " writer, " + plan.Root.ClrTypeName + " value) =>");
        w.Line("    throw new global::System.NotSupportedException(\"The JSON codec is not generated yet.\");");
        w.Line();
        w.Line("internal static " + plan.Root.ClrTypeName + " " + Reader(plan, plan.Root) + "(ref " + CodeNames.Utf8JsonReader + " reader) =>");
        w.Line("    throw new global::System.NotSupportedException(\"The JSON codec is not generated yet.\");");
    }
}
