using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Members of the codec class that the Avro, JSON and key codecs share: field-name tables for error paths, enum
/// symbol mappings and the null-value error.
/// </summary>
internal static class CodecSupportEmitter
{
    public const string NullValue = "NullValue";
    public const string UndefinedEnumValue = "UndefinedEnumValue";
    public const string InField = "InField";
    public const string AtIndex = "AtIndex";
    public const string AtKey = "AtKey";

    public static void Emit(SourceWriter w, CodecPlan plan)
    {
        w.Line("private static " + CodeNames.ContractEncodeException + " " + NullValue + "(" + CodeNames.ContractFormat + " format) =>");
        w.Line("    new(format, \"null is not allowed here; the field is not nullable.\");");
        // Exception filters that extend the field path and never catch (see AvroCodecEmitter.PathCatch).
        w.Line();
        w.Line("private static bool " + InField + "(" + CodeNames.ContractException + " e, string field)");
        w.Open();
        w.Line("e.PrependField(field);");
        w.Line("return false;");
        w.Close();
        if (plan.Collections.Count > 0)
        {
            w.Line();
            w.Line("private static bool " + AtIndex + "(" + CodeNames.ContractException + " e, int index)");
            w.Open();
            w.Line("e.PrependIndex(index);");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("private static bool " + AtKey + "(" + CodeNames.ContractException + " e, string? key)");
            w.Open();
            w.Open("if (key is not null)");
            w.Line("e.PrependMapKey(key);");
            w.Close();
            w.Line();
            w.Line("return false;");
            w.Close();
        }

        if (!plan.Model.Enums.IsEmpty)
        {
            w.Line();
            w.Line("private static " + CodeNames.ContractEncodeException + " " + UndefinedEnumValue + "(" + CodeNames.ContractFormat + " format, string enumName, string value) =>");
            w.Line("    new(format, \"the value \" + value + \" is not a member of enum \" + enumName + \", so it has no symbol.\");");
        }

        foreach (var record in plan.Model.Records)
        {
            if (record.Fields.IsEmpty)
            {
                continue;
            }

            w.Line();
            w.Line("private static readonly string[] " + FieldNames(plan, record) + " = new string[] { " +
                   string.Join(", ", record.Fields.Select(f => CSharpLiteral.String(f.AvroName))) + " };");
        }

        foreach (var enumModel in plan.Model.Enums)
        {
            EmitEnum(w, plan, enumModel);
        }
    }

    /// <summary>The static table of a record's Avro field names, indexed like <see cref="RecordModel.Fields"/>.</summary>
    public static string FieldNames(CodecPlan plan, RecordModel record) => plan.Member("FieldNamesOf", record);

    /// <summary>Maps a C# enum value to its symbol index; undefined values throw the format's encode exception.</summary>
    public static string SymbolIndex(CodecPlan plan, EnumModel enumModel) => plan.Member("SymbolIndexOf", enumModel);

    /// <summary>Maps a checked symbol index back to the C# enum member.</summary>
    public static string FromSymbolIndex(CodecPlan plan, EnumModel enumModel) => plan.Member("FromSymbolIndexOf", enumModel);

    /// <summary>The static table of an enum's symbols as strings.</summary>
    public static string Symbols(CodecPlan plan, EnumModel enumModel) => plan.Member("SymbolsOf", enumModel);

    private static void EmitEnum(SourceWriter w, CodecPlan plan, EnumModel enumModel)
    {
        var type = enumModel.ClrTypeName;
        w.Line();
        w.Line("private static readonly string[] " + Symbols(plan, enumModel) + " = new string[] { " +
               string.Join(", ", enumModel.Symbols.Select(s => CSharpLiteral.String(s.Symbol))) + " };");

        // Switches rather than casts: the C# values may be any numbers, the wire carries declaration order.
        w.Line();
        w.Line("private static int " + SymbolIndex(plan, enumModel) + "(" + type + " value, " + CodeNames.ContractFormat + " format) => value switch");
        w.Open();
        for (var i = 0; i < enumModel.Symbols.Count; i++)
        {
            w.Line(type + "." + CodeNames.Member(enumModel.Symbols[i].MemberName) + " => " + CSharpLiteral.Int(i) + ",");
        }

        w.Line("_ => throw " + UndefinedEnumValue + "(format, " + CSharpLiteral.String(enumModel.ClrTypeName.Replace("global::", string.Empty)) + ", value.ToString()),");
        w.Close(";");

        w.Line();
        w.Line("private static " + type + " " + FromSymbolIndex(plan, enumModel) + "(int index) => index switch");
        w.Open();
        if (enumModel.Symbols.IsEmpty)
        {
            w.Line("_ => throw new global::System.InvalidOperationException(\"The enum has no symbols.\"),");
        }
        else
        {
            for (var i = 0; i < enumModel.Symbols.Count - 1; i++)
            {
                w.Line(CSharpLiteral.Int(i) + " => " + type + "." + CodeNames.Member(enumModel.Symbols[i].MemberName) + ",");
            }

            // Callers pass indexes already checked against the symbol count, so the last arm needs no test.
            w.Line("_ => " + type + "." + CodeNames.Member(enumModel.Symbols[enumModel.Symbols.Count - 1].MemberName) + ",");
        }

        w.Close(";");
    }
}
