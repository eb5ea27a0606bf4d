using System.Collections.Generic;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Runs: consecutive fields whose encoded size has a bound known before writing them (numbers, booleans, uuids, dates,
/// times, enums, decimals, fixeds, strings at 3 bytes a character, and nullables of those) are written with one
/// <c>AvroWriter.GetSpan</c> for the sum of their bounds, <c>AvroPrimitives</c> calls on a local span and offset,
/// and one <c>AvroWriter.Advance</c>. Going through the writer for each value would load its span and position from
/// memory and store the position back every time: a chain of dependent memory operations through the whole record.
/// </summary>
internal static partial class AvroCodecEmitter
{
    private const string Primitives = "global::Contracts.Avro.AvroPrimitives";

    /// <summary>Whether a value of <paramref name="type"/> has a size bound a run can reserve before writing it.</summary>
    private static bool IsBounded(AvroTypeModel type) => type.Kind switch
    {
        AvroKind.Nullable => IsBounded(type.Items!),
        AvroKind.Boolean or AvroKind.Int or AvroKind.Long or AvroKind.Float or AvroKind.Double or AvroKind.String or
            AvroKind.Enum or AvroKind.Fixed => true,
        AvroKind.Bytes => type.Clr == ClrShape.Decimal,
        _ => false,
    };

    /// <summary>The part of a bounded value's size known when generating: all of it, except for a string's characters.</summary>
    private static int ConstantBound(AvroTypeModel type) => type.Kind switch
    {
        AvroKind.Nullable => 1 + ConstantBound(type.Items!),
        AvroKind.Boolean => 1,
        AvroKind.Int or AvroKind.Enum => 5,
        AvroKind.Long => 10,
        AvroKind.Float => 4,
        AvroKind.Double => 8,
        AvroKind.String => type.Clr == ClrShape.Guid ? 37 : 0,
        AvroKind.Fixed => type.FixedSize,
        AvroKind.Bytes => 17,
        _ => throw Unsupported(type),
    };

    /// <summary>Whether the bound of a value of <paramref name="type"/> depends on its text (a string, or a nullable one).</summary>
    private static bool IsText(AvroTypeModel type) =>
        (type.Kind == AvroKind.Nullable ? type.Items! : type) is { Kind: AvroKind.String, Clr: ClrShape.String };

    /// <summary>Writes fields <paramref name="first"/> to <paramref name="end"/> (exclusive), all bounded, as one run.</summary>
    private static void WriteRun(SourceWriter w, CodecPlan plan, RecordModel record, string instance, int first, int end, LocalNames locals)
    {
        var names = CodecSupportEmitter.FieldNames(plan, record);
        var values = new string[end - first];
        var constant = 0;
        var textBounds = new List<string>();
        for (var i = first; i < end; i++)
        {
            var field = record.Fields[i];
            var expression = instance + "." + CodeNames.Member(field.MemberName);
            constant += ConstantBound(field.Type);
            if (IsText(field.Type))
            {
                // Read once: its length sizes the run, its characters are written later.
                var text = locals.Next("text");
                w.Line("var " + text + " = " + expression + ";");
                textBounds.Add(Primitives + ".MaxStringSize(" + text + ")");
                expression = text;
            }

            values[i - first] = expression;
        }

        var span = locals.Next("span");
        var offset = locals.Next("offset");
        // The text bounds are longs: many long strings could overflow an int, and GetSpan reports a sum too large.
        var size = textBounds.Count == 0 ? CSharpLiteral.Int(constant)
            : constant == 0 ? string.Join(" + ", textBounds)
            : CSharpLiteral.Int(constant) + "L + " + string.Join(" + ", textBounds);
        w.Line("var " + span + " = writer.GetSpan(" + size + ");");
        w.Line("var " + offset + " = 0;");
        for (var i = first; i < end; i++)
        {
            var type = record.Fields[i].Type;
            if (!CanFail(type))
            {
                RunWriteValue(w, plan, type, values[i - first], span, offset, locals);
                continue;
            }

            w.Open("try");
            RunWriteValue(w, plan, type, values[i - first], span, offset, locals);
            w.Close();
            FieldPathCatch(w, names, i);
        }

        w.Line("writer.Advance(" + offset + ");");
    }

    /// <summary>Emits statements writing <paramref name="expression"/> (evaluated once) as bounded <paramref name="type"/> into the run's span.</summary>
    private static void RunWriteValue(SourceWriter w, CodecPlan plan, AvroTypeModel type, string expression, string span, string offset, LocalNames locals)
    {
        var write = offset + " = " + Primitives + ".";
        var at = "(" + span + ", " + offset + ", ";
        switch (type.Kind)
        {
            case AvroKind.Nullable:
                var value = expression;
                if (!IsText(type))
                {
                    value = locals.Next("nullable");
                    w.Line("var " + value + " = " + expression + ";");
                }

                var isValueType = type.Clr == ClrShape.NullableValueType;
                w.Open("if (" + value + (isValueType ? ".HasValue)" : " is null)"));
                w.Line(write + "WriteUnionIndex" + at + (isValueType ? "1);" : "0);"));
                if (isValueType)
                {
                    RunWriteValue(w, plan, type.Items!, value + ".GetValueOrDefault()", span, offset, locals);
                }

                w.Close();
                w.Open("else");
                w.Line(write + "WriteUnionIndex" + at + (isValueType ? "0);" : "1);"));
                if (!isValueType)
                {
                    RunWriteValue(w, plan, type.Items!, value, span, offset, locals);
                }

                w.Close();
                return;
            case AvroKind.Enum:
                var symbolIndex = CodecSupportEmitter.SymbolIndex(plan, plan.Enum(type.NamedTypeFullName!));
                w.Line(write + "WriteEnum" + at + symbolIndex + "(" + expression + ", " + AvroFormat + "));");
                return;
            default:
                var (method, arguments) = ScalarWriteCall(type, expression);
                w.Line(write + method + at + arguments + ");");
                return;
        }
    }
}
