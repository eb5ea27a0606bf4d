using System;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Emits the key writer: the Avro key record (the key fields in key order), the key as UTF-8 text joined with '|',
/// or nothing for a contract without a key.
/// </summary>
internal static class KeyEmitter
{
    public static string Writer(CodecPlan plan) => plan.Member("WriteKey", plan.NameOf(plan.Root));

    public static void Emit(SourceWriter w, CodecPlan plan)
    {
        var root = plan.Root;
        var keyFields = plan.Model.KeyFields
            .Select(name => root.Fields.FirstOrDefault(f => f.AvroName == name)
                ?? throw new InvalidOperationException("Key field '" + name + "' is not a field of " + root.AvroFullName + "."))
            .ToArray();
        var format = plan.Model.KeyFormat;

        w.Open("internal static void " + Writer(plan) + "(" + CodeNames.BufferWriterOfByte + " output, " + root.ClrTypeName + " value)");
        if (format == 0 || keyFields.Length == 0)
        {
            // No key: the record is sent with an empty (null) key, so there is nothing to write.
            w.Close();
            return;
        }

        var errorFormat = CodeNames.ContractFormat + ".Avro";
        if (!root.IsValueType)
        {
            AvroCodecEmitter.NullGuard(w, "value", errorFormat);
        }

        var keyNames = plan.Member("KeyFieldNamesOf", root);
        if (format == 1)
        {
            w.Line("var writer = new " + CodeNames.AvroWriter + "(output);");
        }

        w.Line("var field = 0;");
        AvroCodecEmitter.FieldTry(w);
        var locals = new LocalNames();
        for (var i = 0; i < keyFields.Length; i++)
        {
            var field = keyFields[i];
            var expression = "value." + CodeNames.Member(field.MemberName);
            if (i > 0)
            {
                w.Line("field = " + CSharpLiteral.Int(i) + ";");
            }

            if (format == 1)
            {
                AvroCodecEmitter.WriteValue(w, plan, field.Type, expression, locals);
            }
            else
            {
                if (i > 0)
                {
                    w.Line("global::Contracts.PlainKeyWriter.WriteSeparator(output);");
                }

                w.Line(PlainWrite(plan, field.Type, expression));
            }
        }

        AvroCodecEmitter.FieldCatch(w, keyNames);
        if (format == 1)
        {
            w.Line("writer.Flush();");
        }

        w.Close();
        w.Line();
        w.Line("private static readonly string[] " + keyNames + " = new string[] { " +
               string.Join(", ", keyFields.Select(f => CSharpLiteral.String(f.AvroName))) + " };");
    }

    private static string PlainWrite(CodecPlan plan, AvroTypeModel type, string value)
    {
        const string Writer = "global::Contracts.PlainKeyWriter.";
        switch (type.Clr)
        {
            case ClrShape.String:
                return Writer + "WriteText(output, " + value + ");";
            case ClrShape.Boolean:
                return Writer + "WriteBoolean(output, " + value + ");";
            case ClrShape.Enum:
                var enumModel = plan.Enum(type.NamedTypeFullName!);
                return Writer + "WriteText(output, " + CodecSupportEmitter.Symbols(plan, enumModel) + "[" +
                       CodecSupportEmitter.SymbolIndex(plan, enumModel) + "(" + value + ", " + CodeNames.ContractFormat + ".Avro)]);";
            case ClrShape.Guid:
                return Writer + "WriteFormattable(output, " + value + ", \"D\");";
            case ClrShape.DateTime:
            case ClrShape.DateTimeOffset:
            case ClrShape.DateOnly:
            case ClrShape.TimeOnly:
                return Writer + "WriteFormattable(output, " + value + ", \"O\");";
            case ClrShape.Int32:
            case ClrShape.Int64:
            case ClrShape.Single:
            case ClrShape.Double:
            case ClrShape.Decimal:
                return Writer + "WriteFormattable(output, " + value + ", null);";
            default:
                throw new InvalidOperationException("A plain key cannot hold " + type.ClrTypeName + "; the parser should have reported it.");
        }
    }
}
