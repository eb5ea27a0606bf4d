using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

internal static partial class JsonCodecEmitter
{
    /// <summary>
    /// Emits one writer and one reader per general union in the Avro JSON encoding: <c>null</c> for the <c>"null"</c>
    /// branch, otherwise an object with one property named after the branch (<c>{"string": "x"}</c>,
    /// <c>{"acme.Email": {...}}</c>). The name says which branch was written, which a bare value cannot do when two
    /// branches look alike in JSON (<c>int</c> and <c>long</c>, a record and a map, a string and a uuid).
    /// </summary>
    private static void EmitUnions(SourceWriter w, CodecPlan plan)
    {
        foreach (var union in plan.Unions)
        {
            w.Line();
            w.Line("private static readonly " + CodeNames.JsonEncodedText + "[] " + BranchNames(plan, union) + " = new " + CodeNames.JsonEncodedText + "[]");
            w.Open();
            foreach (var branch in union.Branches)
            {
                w.Line(CodeNames.JsonEncodedText + ".Encode(" + CSharpLiteral.String(branch.Kind == AvroKind.Null ? "null" : UnionNames.JsonBranchName(branch)) + "),");
            }

            w.Close(";");
            w.Line();
            EmitUnionWriter(w, plan, union);
            w.Line();
            EmitUnionReader(w, plan, union);
        }
    }

    private static string BranchNames(CodecPlan plan, AvroTypeModel union) => plan.Member("JsonBranchNamesOf", union);

    private static void EmitUnionWriter(SourceWriter w, CodecPlan plan, AvroTypeModel union)
    {
        var caseNames = UnionNames.CaseNames(union);
        w.Open("private static void " + plan.Member("JsonWrite", union) + "(" + CodeNames.Utf8JsonWriter + " writer, " + union.ClrTypeName + " value)");
        w.Open("switch (value)");
        for (var i = 0; i < union.Branches.Count; i++)
        {
            if (caseNames[i] is not { } caseName)
            {
                continue;
            }

            w.Line("case " + UnionNames.ClassName(union) + "." + caseName + " branch:");
            w.Open();
            w.Line("writer.WriteStartObject();");
            w.Line("writer.WritePropertyName(" + BranchNames(plan, union) + "[" + CSharpLiteral.Int(i) + "]);");
            WriteValue(w, plan, union.Branches[i], "branch.Value", new LocalNames());
            w.Line("writer.WriteEndObject();");
            w.Line("break;");
            w.Close();
        }

        w.Line("default:");
        w.Open();
        if (UnionNames.NullBranchIndex(union) >= 0)
        {
            w.Line("writer.WriteNullValue();");
            w.Line("break;");
        }
        else
        {
            w.Line("throw " + CodecSupportEmitter.NullValue + "(" + JsonFormat + ");");
        }

        w.Close();
        w.Close();
        w.Close();
    }

    private static void EmitUnionReader(SourceWriter w, CodecPlan plan, AvroTypeModel union)
    {
        var caseNames = UnionNames.CaseNames(union);
        var expected = string.Join(", ", union.Branches.Where(b => b.Kind != AvroKind.Null).Select(b => "\"" + UnionNames.JsonBranchName(b) + "\""));
        if (UnionNames.NullBranchIndex(union) >= 0)
        {
            expected += " or null";
        }

        w.Open("private static " + union.ClrTypeName + " " + plan.Member("JsonRead", union) + "(ref " + CodeNames.Utf8JsonReader + " reader)");
        if (UnionNames.NullBranchIndex(union) >= 0)
        {
            w.Open("if (reader.TokenType == " + CodeNames.JsonTokenType + ".Null)");
            w.Line("return null;");
            w.Close();
            w.Line();
        }

        w.Line(Fields + "ExpectUnionBranch(ref reader, " + CSharpLiteral.String(expected) + ");");
        w.Line(UnionNames.ClassName(union) + " value;");
        var first = true;
        for (var i = 0; i < union.Branches.Count; i++)
        {
            if (caseNames[i] is not { } caseName)
            {
                continue;
            }

            w.Open((first ? "if" : "else if") + " (reader.ValueTextEquals(" + CSharpLiteral.String(UnionNames.JsonBranchName(union.Branches[i])) + "u8))");
            w.Line(Fields + "MoveToValue(ref reader);");
            w.Line("value = new " + UnionNames.ClassName(union) + "." + caseName + "(" + ReadValue(plan, union.Branches[i]) + ");");
            w.Close();
            first = false;
        }

        w.Open("else");
        w.Line("throw " + Fields + "UnknownUnionBranch(ref reader, " + CSharpLiteral.String(expected) + ");");
        w.Close();
        w.Line();
        w.Line(Fields + "ExpectUnionEnd(ref reader);");
        w.Line("return value;");
        w.Close();
    }
}
