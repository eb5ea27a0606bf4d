using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

internal static partial class AvroCodecEmitter
{
    /// <summary>
    /// Emits one writer and one reader per general union: the branch index (the case's position in the schema's union)
    /// followed by the case's value; C# null is the <c>"null"</c> branch.
    /// </summary>
    private static void EmitUnions(SourceWriter w, CodecPlan plan)
    {
        foreach (var union in plan.Unions)
        {
            w.Line();
            EmitUnionWriter(w, plan, union);
            w.Line();
            EmitUnionReader(w, plan, union);
        }
    }

    private static void EmitUnionWriter(SourceWriter w, CodecPlan plan, AvroTypeModel union)
    {
        var caseNames = UnionNames.CaseNames(union);
        var nullIndex = UnionNames.NullBranchIndex(union);
        w.Open("private static void " + plan.Member("AvroWrite", union) + "(ref " + CodeNames.AvroWriter + " writer, " + union.ClrTypeName + " value)");
        w.Open("switch (value)");
        for (var i = 0; i < union.Branches.Count; i++)
        {
            if (caseNames[i] is not { } caseName)
            {
                continue;
            }

            // Type patterns on the sealed case classes, not a stored tag, so a case always writes its own branch.
            w.Line("case " + UnionNames.ClassName(union) + "." + caseName + " branch:");
            w.Open();
            w.Line("writer.WriteUnionIndex(" + CSharpLiteral.Int(i) + ");");
            WriteValue(w, plan, union.Branches[i], "branch.Value", new LocalNames());
            w.Line("break;");
            w.Close();
        }

        w.Line("default:");
        w.Open();
        if (nullIndex >= 0)
        {
            // The case classes are sealed and the union's constructor is private, so only null is left.
            w.Line("writer.WriteUnionIndex(" + CSharpLiteral.Int(nullIndex) + ");");
            w.Line("break;");
        }
        else
        {
            w.Line("throw " + CodecSupportEmitter.NullValue + "(" + AvroFormat + ");");
        }

        w.Close();
        w.Close();
        w.Close();
    }

    private static void EmitUnionReader(SourceWriter w, CodecPlan plan, AvroTypeModel union)
    {
        var caseNames = UnionNames.CaseNames(union);
        w.Open("private static " + union.ClrTypeName + " " + plan.Member("AvroRead", union) + "(ref " + CodeNames.AvroReader + " reader)");
        w.Open("switch (reader.ReadUnionIndex(" + CSharpLiteral.Int(union.Branches.Count) + "))");
        for (var i = 0; i < union.Branches.Count; i++)
        {
            // ReadUnionIndex has checked the range, so the last branch needs no test of its own.
            w.Line(i == union.Branches.Count - 1 ? "default:" : "case " + CSharpLiteral.Int(i) + ":");
            w.Indent();
            w.Line(caseNames[i] is { } caseName
                ? "return new " + UnionNames.ClassName(union) + "." + caseName + "(" + ReadValue(plan, union.Branches[i]) + ");"
                : "return null;");
            w.Outdent();
        }

        w.Close();
        w.Close();
    }
}
