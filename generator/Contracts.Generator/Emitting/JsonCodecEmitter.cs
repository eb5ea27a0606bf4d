using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Emits the JSON codec methods: the object under the envelope's <c>"message"</c>, written with pre-encoded property
/// names and read in any property order (unknown skipped, missing defaulted or refused, duplicates refused).
/// </summary>
internal static partial class JsonCodecEmitter
{
    private const string JsonFormat = CodeNames.ContractFormat + ".Json";
    private const string Fields = "global::Contracts.Json.JsonFields.";

    public static string Writer(CodecPlan plan, RecordModel record) => plan.Member("JsonWrite", record);

    public static string Reader(CodecPlan plan, RecordModel record) => plan.Member("JsonRead", record);

    public static void Emit(SourceWriter w, CodecPlan plan)
    {
        foreach (var record in plan.Model.Records)
        {
            if (!record.Fields.IsEmpty)
            {
                w.Line();
                w.Line("private static readonly " + CodeNames.JsonEncodedText + "[] " + PropertyNames(plan, record) + " = new " + CodeNames.JsonEncodedText + "[]");
                w.Open();
                foreach (var field in record.Fields)
                {
                    w.Line(CodeNames.JsonEncodedText + ".Encode(" + CSharpLiteral.String(field.AvroName) + "),");
                }

                w.Close(";");
            }

            w.Line();
            EmitRecordWriter(w, plan, record);
            w.Line();
            EmitRecordReader(w, plan, record);
        }

        foreach (var enumModel in plan.Model.Enums)
        {
            w.Line();
            EmitEnum(w, plan, enumModel);
        }

        foreach (var collection in plan.Collections)
        {
            w.Line();
            if (collection.Kind == AvroKind.Array)
            {
                EmitArrayWriter(w, plan, collection);
                w.Line();
                EmitArrayReader(w, plan, collection);
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

    /// <summary>The static table of a record's pre-encoded JSON property names, indexed like its fields.</summary>
    private static string PropertyNames(CodecPlan plan, RecordModel record) => plan.Member("JsonPropertyNamesOf", record);

    private static string EncodedSymbols(CodecPlan plan, EnumModel enumModel) => plan.Member("JsonSymbolsOf", enumModel);

    private static void EmitEnum(SourceWriter w, CodecPlan plan, EnumModel enumModel)
    {
        w.Line("private static readonly " + CodeNames.JsonEncodedText + "[] " + EncodedSymbols(plan, enumModel) + " = new " + CodeNames.JsonEncodedText + "[]");
        w.Open();
        foreach (var symbol in enumModel.Symbols)
        {
            w.Line(CodeNames.JsonEncodedText + ".Encode(" + CSharpLiteral.String(symbol.Symbol) + "),");
        }

        w.Close(";");
        w.Line();
        w.Line("private static void " + plan.Member("JsonWrite", enumModel) + "(" + CodeNames.Utf8JsonWriter + " writer, " + enumModel.ClrTypeName + " value) =>");
        w.Line("    writer.WriteStringValue(" + EncodedSymbols(plan, enumModel) + "[" + CodecSupportEmitter.SymbolIndex(plan, enumModel) + "(value, " + JsonFormat + ")]);");
        w.Line();
        w.Open("private static " + enumModel.ClrTypeName + " " + plan.Member("JsonRead", enumModel) + "(ref " + CodeNames.Utf8JsonReader + " reader)");
        w.Open("if (reader.TokenType != " + CodeNames.JsonTokenType + ".String)");
        w.Line("throw " + Fields + "UnexpectedToken(ref reader, \"an enum symbol string\");");
        w.Close();
        w.Line();
        for (var i = 0; i < enumModel.Symbols.Count; i++)
        {
            var symbol = enumModel.Symbols[i];
            w.Open("if (reader.ValueTextEquals(" + CSharpLiteral.String(symbol.Symbol) + "u8))");
            w.Line("return " + enumModel.ClrTypeName + "." + CodeNames.Member(symbol.MemberName) + ";");
            w.Close();
            w.Line();
        }

        w.Line("throw " + Fields + "UnknownSymbol(ref reader, " + CSharpLiteral.String(enumModel.AvroFullName) + ");");
        w.Close();
    }
}
