using System;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

internal static partial class AvroCodecEmitter
{
    /// <summary>Nested records with at most this many fields are written in place rather than through their method.</summary>
    private const int InlineFieldLimit = 8;

    /// <summary>How many levels of nested records are written in place at most, so generated methods stay small.</summary>
    private const int InlineDepthLimit = 2;

    /// <summary>Emits statements writing <paramref name="expression"/> (evaluated once) as <paramref name="type"/>.</summary>
    /// <param name="inlineDepth">How many records the statements are already written in place in.</param>
    public static void WriteValue(SourceWriter w, CodecPlan plan, AvroTypeModel type, string expression, LocalNames locals, int inlineDepth = 0)
    {
        switch (type.Kind)
        {
            case AvroKind.Nullable:
                var value = locals.Next("nullable");
                w.Line("var " + value + " = " + expression + ";");
                if (type.Clr == ClrShape.NullableValueType)
                {
                    w.Open("if (" + value + ".HasValue)");
                    w.Line("writer.WriteUnionIndex(1);");
                    WriteValue(w, plan, type.Items!, value + ".GetValueOrDefault()", locals, inlineDepth);
                    w.Close();
                    w.Open("else");
                    w.Line("writer.WriteUnionIndex(0);");
                    w.Close();
                }
                else
                {
                    w.Open("if (" + value + " is null)");
                    w.Line("writer.WriteUnionIndex(0);");
                    w.Close();
                    w.Open("else");
                    w.Line("writer.WriteUnionIndex(1);");
                    WriteValue(w, plan, type.Items!, value, locals, inlineDepth);
                    w.Close();
                }

                return;
            case AvroKind.Record when WritesInPlace(plan, plan.Record(type.NamedTypeFullName!), inlineDepth):
                WriteRecordInPlace(w, plan, plan.Record(type.NamedTypeFullName!), expression, locals, inlineDepth + 1);
                return;
            case AvroKind.Record:
            case AvroKind.Enum:
            case AvroKind.Array:
            case AvroKind.Map:
            case AvroKind.Union:
                w.Line(plan.Member("AvroWrite", type) + "(ref writer, " + expression + ");");
                return;
            default:
                w.Line(ScalarWrite(type, expression));
                return;
        }
    }

    private static string ScalarWrite(AvroTypeModel type, string value)
    {
        var (method, argument) = ScalarWriteCall(type, value);
        return "writer." + method + "(" + argument + ");";
    }

    /// <summary>
    /// The <see cref="T:Contracts.Avro.AvroWriter"/> method writing a scalar <paramref name="type"/> and its argument list; the
    /// <c>AvroPrimitives</c> method of the same name takes the same arguments after a span and an offset.
    /// </summary>
    private static (string Method, string Arguments) ScalarWriteCall(AvroTypeModel type, string value)
    {
        switch (type.Kind, type.Clr)
        {
            case (AvroKind.Boolean, ClrShape.Boolean):
                return ("WriteBoolean", value);
            case (AvroKind.Int, ClrShape.Int32):
                return ("WriteInt", value);
            case (AvroKind.Int, ClrShape.DateOnly):
                return ("WriteDate", value);
            case (AvroKind.Int, ClrShape.TimeOnly):
                return ("WriteTimeMillis", value);
            case (AvroKind.Long, ClrShape.Int64):
                return ("WriteLong", value);
            case (AvroKind.Long, ClrShape.TimeOnly):
                return ("WriteTimeMicros", value);
            case (AvroKind.Long, ClrShape.DateTime or ClrShape.DateTimeOffset):
                return (TimestampMethod("Write", type), value);
            case (AvroKind.Float, ClrShape.Single):
                return ("WriteFloat", value);
            case (AvroKind.Double, ClrShape.Double):
                return ("WriteDouble", value);
            case (AvroKind.String, ClrShape.String):
                return ("WriteString", value);
            case (AvroKind.String, ClrShape.Guid):
                return ("WriteUuid", value);
            case (AvroKind.Bytes, ClrShape.ByteArray):
                return ("WriteBytes", value + " ?? throw " + CodecSupportEmitter.NullValue + "(" + AvroFormat + ")");
            case (AvroKind.Bytes, ClrShape.ReadOnlyMemoryOfByte):
                return ("WriteBytes", value + ".Span");
            case (AvroKind.Bytes, ClrShape.Decimal):
                return ("WriteDecimal", value + ", " + CSharpLiteral.Int(type.Precision) + ", " + CSharpLiteral.Int(type.Scale));
            case (AvroKind.Fixed, ClrShape.ByteArray):
                return ("WriteFixed", value + " ?? throw " + CodecSupportEmitter.NullValue + "(" + AvroFormat + "), " + CSharpLiteral.Int(type.FixedSize));
            case (AvroKind.Fixed, ClrShape.ReadOnlyMemoryOfByte):
                return ("WriteFixed", value + ".Span, " + CSharpLiteral.Int(type.FixedSize));
            case (AvroKind.Fixed, ClrShape.Decimal):
                return ("WriteDecimalFixed", value + ", " + CSharpLiteral.Int(type.Precision) + ", " + CSharpLiteral.Int(type.Scale) + ", " + CSharpLiteral.Int(type.FixedSize));
            default:
                throw Unsupported(type);
        }
    }

    /// <summary>The reader/writer method suffix for a timestamp logical type, e.g. <c>WriteTimestampMillis</c>.</summary>
    internal static string TimestampMethod(string verb, AvroTypeModel type)
    {
        // The reader returns DateTime by default; DateTimeOffset has its own methods.
        var name = TimestampName(type);
        return verb == "Read" && type.Clr == ClrShape.DateTimeOffset ? verb + name + "Offset" : verb + name;
    }

    /// <summary>The part of a timestamp method's name naming its unit, e.g. <c>TimestampMillis</c>.</summary>
    internal static string TimestampName(AvroTypeModel type) => type.LogicalType switch
    {
        "timestamp-millis" or null => "TimestampMillis",
        "timestamp-micros" => "TimestampMicros",
        "local-timestamp-millis" => "LocalTimestampMillis",
        "local-timestamp-micros" => "LocalTimestampMicros",
        _ => throw Unsupported(type),
    };

    internal static InvalidOperationException Unsupported(AvroTypeModel type) =>
        new("The contract model maps Avro " + type.Kind + (type.LogicalType is null ? string.Empty : " (" + type.LogicalType + ")") +
            " to " + type.ClrTypeName + " (" + type.Clr + "), which the codec emitter does not support; the parser should have reported it.");

    private static void EmitRecordWriter(SourceWriter w, CodecPlan plan, RecordModel record)
    {
        w.Open("internal static void " + Writer(plan, record) + "(ref " + CodeNames.AvroWriter + " writer, " + record.ClrTypeName + " value)");
        if (!record.IsValueType)
        {
            NullGuard(w, "value", AvroFormat);
        }

        if (!record.Fields.IsEmpty)
        {
            // Only recursive records can nest without bound (a cycle in the object graph): guard just those.
            var recursive = plan.IsRecursive(record);
            if (recursive)
            {
                w.Line("writer.Enter();");
            }

            WriteFields(w, plan, record, "value", new LocalNames(), inlineDepth: 0);
            if (recursive)
            {
                w.Line("writer.Exit();");
            }
        }

        w.Close();
    }

    // Calls to a method with exception handling are not inlined by the JIT, and one costs more than writing a few
    // fields; small non-recursive records (an address, an order line) are cheaper written where they occur.
    private static bool WritesInPlace(CodecPlan plan, RecordModel record, int inlineDepth) =>
        inlineDepth < InlineDepthLimit && record.Fields.Count <= InlineFieldLimit && !plan.IsRecursive(record);

    private static void WriteRecordInPlace(SourceWriter w, CodecPlan plan, RecordModel record, string expression, LocalNames locals, int inlineDepth)
    {
        var instance = locals.Next("record");
        w.Line("var " + instance + " = " + expression + ";");
        if (!record.IsValueType)
        {
            NullGuard(w, instance, AvroFormat);
        }

        WriteFields(w, plan, record, instance, locals, inlineDepth);
    }

    /// <summary>
    /// Writes a record's fields in order: each run of fields with a bounded size through one span (see
    /// <c>AvroCodecEmitter.Run</c>), the others through the writer. A field whose writing can fail gets its own
    /// <c>try</c> whose filter adds the field name to the error path: the path costs nothing until something fails (no
    /// index to keep up to date), and fields that cannot fail (numbers, booleans, uuids, dates, times) have no handler.
    /// </summary>
    private static void WriteFields(SourceWriter w, CodecPlan plan, RecordModel record, string instance, LocalNames locals, int inlineDepth)
    {
        var names = CodecSupportEmitter.FieldNames(plan, record);
        var i = 0;
        while (i < record.Fields.Count)
        {
            if (IsBounded(record.Fields[i].Type))
            {
                var end = i + 1;
                while (end < record.Fields.Count && IsBounded(record.Fields[end].Type))
                {
                    end++;
                }

                WriteRun(w, plan, record, instance, i, end, locals);
                i = end;
                continue;
            }

            var field = record.Fields[i];
            var expression = instance + "." + CodeNames.Member(field.MemberName);
            if (!CanFail(field.Type))
            {
                WriteValue(w, plan, field.Type, expression, locals, inlineDepth);
            }
            else
            {
                w.Open("try");
                WriteValue(w, plan, field.Type, expression, locals, inlineDepth);
                w.Close();
                FieldPathCatch(w, names, i);
            }

            i++;
        }
    }

    private static void FieldPathCatch(SourceWriter w, string fieldNamesTable, int fieldIndex) =>
        PathCatch(w, CodecSupportEmitter.InField + "(e, " + fieldNamesTable + "[" + CSharpLiteral.Int(fieldIndex) + "])");

    /// <summary>Whether writing a value of <paramref name="type"/> can raise a contract error (a null, bad text, a value out of range).</summary>
    private static bool CanFail(AvroTypeModel type) => type.Kind switch
    {
        AvroKind.Nullable => CanFail(type.Items!),
        AvroKind.Boolean or AvroKind.Int or AvroKind.Long or AvroKind.Float or AvroKind.Double => false,
        AvroKind.String => type.Clr != ClrShape.Guid,
        _ => true,
    };

    private static void EmitEnumWriter(SourceWriter w, CodecPlan plan, EnumModel enumModel)
    {
        w.Line("private static void " + plan.Member("AvroWrite", enumModel) + "(ref " + CodeNames.AvroWriter + " writer, " + enumModel.ClrTypeName + " value) =>");
        w.Line("    writer.WriteEnum(" + CodecSupportEmitter.SymbolIndex(plan, enumModel) + "(value, " + AvroFormat + "));");
    }

    private static void EmitArrayWriter(SourceWriter w, CodecPlan plan, AvroTypeModel array)
    {
        var item = array.Items!.ClrTypeName;
        var block = plan.Member("AvroWriteBlockOf", array);
        w.Open("private static void " + plan.Member("AvroWrite", array) + "(ref " + CodeNames.AvroWriter + " writer, " + array.ClrTypeName + " value)");
        switch (array.Clr)
        {
            case ClrShape.Array:
                NullGuard(w, "value", AvroFormat);
                w.Line(block + "(ref writer, value);");
                break;
            case ClrShape.List:
                NullGuard(w, "value", AvroFormat);
                w.Line(block + "(ref writer, " + CodeNames.CollectionsMarshal + ".AsSpan(value));");
                break;
            case ClrShape.ImmutableArray:
                w.Open("if (value.IsDefault)");
                w.Line("throw " + CodecSupportEmitter.NullValue + "(" + AvroFormat + ");");
                w.Close();
                w.Line(block + "(ref writer, value.AsSpan());");
                break;
            case ClrShape.ArrayInterface:
                // Arrays and lists (what the reader produces and what callers usually pass) take the span path;
                // other lists are indexed; anything else is copied once.
                NullGuard(w, "value", AvroFormat);
                w.Open("if (value is " + CodeNames.ArrayOf(item) + " array)");
                w.Line(block + "(ref writer, array);");
                w.Close();
                w.Open("else if (value is " + CodeNames.ListOf(item) + " list)");
                w.Line(block + "(ref writer, " + CodeNames.CollectionsMarshal + ".AsSpan(list));");
                w.Close();
                w.Open("else if (value is " + CodeNames.ReadOnlyListOf(item) + " readOnlyList)");
                EmitIndexedBlock(w, plan, array.Items!, "readOnlyList", "readOnlyList.Count");
                w.Close();
                w.Open("else");
                w.Line(block + "(ref writer, global::System.Linq.Enumerable.ToArray(value));");
                w.Close();
                break;
            case ClrShape.ImmutableList:
                NullGuard(w, "value", AvroFormat);
                EmitEnumeratedBlock(w, plan, array.Items!, "value");
                break;
            default:
                throw Unsupported(array);
        }

        w.Line("writer.WriteBlockCount(0);");
        w.Close();
        if (array.Clr == ClrShape.ImmutableList)
        {
            return;
        }

        w.Line();
        w.Open("private static void " + block + "(ref " + CodeNames.AvroWriter + " writer, " + CodeNames.ReadOnlySpanOf(item) + " items)");
        w.Open("if (items.Length == 0)");
        w.Line("return;");
        w.Close();
        w.Line("writer.WriteBlockCount(items.Length);");
        w.Line("var index = 0;");
        w.Open("try");
        w.Open("for (; index < items.Length; index++)");
        WriteValue(w, plan, array.Items!, "items[index]", new LocalNames());
        w.Close();
        w.Close();
        EmitIndexCatch(w);
        w.Close();
    }

    private static void EmitIndexedBlock(SourceWriter w, CodecPlan plan, AvroTypeModel item, string list, string count)
    {
        w.Line("var count = " + count + ";");
        w.Open("if (count != 0)");
        w.Line("writer.WriteBlockCount(count);");
        w.Line("var index = 0;");
        w.Open("try");
        w.Open("for (; index < count; index++)");
        WriteValue(w, plan, item, list + "[index]", new LocalNames());
        w.Close();
        w.Close();
        EmitIndexCatch(w);
        w.Close();
    }

    // ImmutableList indexing walks its tree on every access, so enumerate it instead.
    private static void EmitEnumeratedBlock(SourceWriter w, CodecPlan plan, AvroTypeModel item, string list)
    {
        w.Open("if (" + list + ".Count != 0)");
        w.Line("writer.WriteBlockCount(" + list + ".Count);");
        w.Line("var index = 0;");
        w.Open("try");
        w.Open("foreach (var item in " + list + ")");
        WriteValue(w, plan, item, "item", new LocalNames());
        w.Line("index++;");
        w.Close();
        w.Close();
        EmitIndexCatch(w);
        w.Close();
    }

    internal static void EmitIndexCatch(SourceWriter w)
    {
        PathCatch(w, CodecSupportEmitter.AtIndex + "(e, index)");
    }

    internal static void EmitKeyCatch(SourceWriter w)
    {
        PathCatch(w, CodecSupportEmitter.AtKey + "(e, key)");
    }

    private static void EmitMapWriter(SourceWriter w, CodecPlan plan, AvroTypeModel map)
    {
        var valueType = map.Items!.ClrTypeName;
        w.Open("private static void " + plan.Member("AvroWrite", map) + "(ref " + CodeNames.AvroWriter + " writer, " + map.ClrTypeName + " value)");
        NullGuard(w, "value", AvroFormat);
        if (map.Clr == ClrShape.DictionaryInterface)
        {
            // The reader produces Dictionary, so the common case enumerates without allocating an enumerator.
            w.Open("if (value is " + CodeNames.DictionaryOf(valueType) + " dictionary)");
            EmitMapBlock(w, plan, map.Items!, "dictionary");
            w.Close();
            w.Open("else");
            EmitMapBlock(w, plan, map.Items!, "value");
            w.Close();
        }
        else if (map.Clr is ClrShape.Dictionary or ClrShape.ImmutableDictionary)
        {
            EmitMapBlock(w, plan, map.Items!, "value");
        }
        else
        {
            throw Unsupported(map);
        }

        w.Line("writer.WriteBlockCount(0);");
        w.Close();
    }

    private static void EmitMapBlock(SourceWriter w, CodecPlan plan, AvroTypeModel valueType, string map)
    {
        w.Open("if (" + map + ".Count != 0)");
        w.Line("writer.WriteBlockCount(" + map + ".Count);");
        w.Line("string? key = null;");
        w.Open("try");
        w.Open("foreach (var entry in " + map + ")");
        w.Line("key = entry.Key;");
        w.Line("writer.WriteString(key);");
        WriteValue(w, plan, valueType, "entry.Value", new LocalNames());
        w.Close();
        w.Close();
        EmitKeyCatch(w);
        w.Close();
    }
}
