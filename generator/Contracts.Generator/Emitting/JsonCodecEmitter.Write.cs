using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

internal static partial class JsonCodecEmitter
{
    /// <summary>Emits statements writing <paramref name="expression"/> (evaluated once) as a JSON value of <paramref name="type"/>.</summary>
    public static void WriteValue(SourceWriter w, CodecPlan plan, AvroTypeModel type, string expression, LocalNames locals)
    {
        switch (type.Kind)
        {
            case AvroKind.Nullable:
                var value = locals.Next("nullable");
                w.Line("var " + value + " = " + expression + ";");
                if (type.Clr == ClrShape.NullableValueType)
                {
                    w.Open("if (" + value + ".HasValue)");
                    WriteValue(w, plan, type.Items!, value + ".GetValueOrDefault()", locals);
                    w.Close();
                }
                else
                {
                    w.Open("if (" + value + " is not null)");
                    WriteValue(w, plan, type.Items!, value, locals);
                    w.Close();
                }

                w.Open("else");
                w.Line("writer.WriteNullValue();");
                w.Close();
                return;
            case AvroKind.Record:
            case AvroKind.Enum:
            case AvroKind.Array:
            case AvroKind.Map:
            case AvroKind.Union:
                w.Line(plan.Member("JsonWrite", type) + "(writer, " + expression + ");");
                return;
            default:
                w.Line(ScalarWrite(type, expression));
                return;
        }
    }

    /// <summary>
    /// Emits statements writing the property <paramref name="name"/> (a pre-encoded name) with the value
    /// <paramref name="expression"/> (evaluated once). Scalars and enum symbols use the combined name-and-value calls
    /// System.Text.Json's own source generator emits, which write the separator, name and value in one pass.
    /// </summary>
    private static void WriteProperty(SourceWriter w, CodecPlan plan, AvroTypeModel type, string name, string expression, LocalNames locals)
    {
        switch (type.Kind)
        {
            case AvroKind.Nullable:
                var value = locals.Next("nullable");
                w.Line("var " + value + " = " + expression + ";");
                if (type.Clr == ClrShape.NullableValueType)
                {
                    w.Open("if (" + value + ".HasValue)");
                    WriteProperty(w, plan, type.Items!, name, value + ".GetValueOrDefault()", locals);
                    w.Close();
                }
                else
                {
                    w.Open("if (" + value + " is not null)");
                    WriteProperty(w, plan, type.Items!, name, value, locals);
                    w.Close();
                }

                w.Open("else");
                w.Line("writer.WriteNull(" + name + ");");
                w.Close();
                return;
            case AvroKind.Enum:
                var enumModel = plan.Enum(type.NamedTypeFullName!);
                w.Line("writer.WriteString(" + name + ", " + EncodedSymbols(plan, enumModel) + "[" + CodecSupportEmitter.SymbolIndex(plan, enumModel) + "(" + expression + ", " + JsonFormat + ")]);");
                return;
            case AvroKind.Record:
            case AvroKind.Array:
            case AvroKind.Map:
            case AvroKind.Union:
                w.Line("writer.WritePropertyName(" + name + ");");
                w.Line(plan.Member("JsonWrite", type) + "(writer, " + expression + ");");
                return;
            default:
                w.Line(ScalarWrite(type, expression, name));
                return;
        }
    }

    /// <summary>
    /// A statement writing a scalar: as an array item or map value when <paramref name="name"/> is null, otherwise as
    /// the value of that property (every <c>JsonFields</c> value writer has an overload taking the name first).
    /// </summary>
    private static string ScalarWrite(AvroTypeModel type, string value, string? name = null)
    {
        var args = name is null ? "writer, " : "writer, " + name + ", ";
        var nameArg = name is null ? string.Empty : name + ", ";
        switch (type.Kind, type.Clr)
        {
            case (AvroKind.Boolean, ClrShape.Boolean):
                return "writer.WriteBoolean" + (name is null ? "Value(" : "(") + nameArg + value + ");";
            case (AvroKind.Int, ClrShape.Int32):
            case (AvroKind.Long, ClrShape.Int64):
                return "writer.WriteNumber" + (name is null ? "Value(" : "(") + nameArg + value + ");";
            case (AvroKind.Int, ClrShape.DateOnly):
                return Fields + "WriteDate(" + args + value + ");";
            case (AvroKind.Int, ClrShape.TimeOnly):
                return Fields + "WriteTimeMillis(" + args + value + ");";
            case (AvroKind.Long, ClrShape.TimeOnly):
                return Fields + "WriteTimeMicros(" + args + value + ");";
            case (AvroKind.Long, ClrShape.DateTime or ClrShape.DateTimeOffset):
                return Fields + AvroCodecEmitter.TimestampMethod("Write", type) + "(" + args + value + ");";
            case (AvroKind.Float, ClrShape.Single):
                return Fields + "WriteSingle(" + args + value + ");";
            case (AvroKind.Double, ClrShape.Double):
                return Fields + "WriteDouble(" + args + value + ");";
            case (AvroKind.String, ClrShape.String):
                return Fields + "WriteString(" + args + value + ");";
            case (AvroKind.String, ClrShape.Guid):
                return Fields + "WriteUuid(" + args + value + ");";
            case (AvroKind.Bytes, ClrShape.ByteArray):
                return Fields + "WriteBytes(" + args + value + ");";
            case (AvroKind.Bytes, ClrShape.ReadOnlyMemoryOfByte):
                return Fields + "WriteBytes(" + args + value + ".Span);";
            case (AvroKind.Bytes or AvroKind.Fixed, ClrShape.Decimal):
                return Fields + "WriteDecimal(" + args + value + ", " + CSharpLiteral.Int(type.Precision) + ", " + CSharpLiteral.Int(type.Scale) + ");";
            case (AvroKind.Fixed, ClrShape.ByteArray):
                return Fields + "WriteFixed(" + args + value + ", " + CSharpLiteral.Int(type.FixedSize) + ");";
            case (AvroKind.Fixed, ClrShape.ReadOnlyMemoryOfByte):
                return Fields + "WriteFixed(" + args + value + ".Span, " + CSharpLiteral.Int(type.FixedSize) + ");";
            default:
                throw AvroCodecEmitter.Unsupported(type);
        }
    }

    private static void EmitRecordWriter(SourceWriter w, CodecPlan plan, RecordModel record)
    {
        w.Open("internal static void " + Writer(plan, record) + "(" + CodeNames.Utf8JsonWriter + " writer, " + record.ClrTypeName + " value)");
        if (!record.IsValueType)
        {
            AvroCodecEmitter.NullGuard(w, "value", JsonFormat);
        }

        if (plan.IsRecursive(record))
        {
            // Records in a cycle of the object graph would nest until Utf8JsonWriter's own limit throws an untyped error.
            w.Open("if (writer.CurrentDepth >= (writer.Options.MaxDepth == 0 ? 1000 : writer.Options.MaxDepth) - 1)");
            w.Line("throw new " + CodeNames.ContractEncodeException + "(" + JsonFormat + ", \"the value nests deeper than the JSON writer's MaxDepth allows; it probably refers back to itself (a cycle).\");");
            w.Close();
            w.Line();
        }

        w.Line("writer.WriteStartObject();");
        if (!record.Fields.IsEmpty)
        {
            var locals = new LocalNames();
            w.Line("var field = 0;");
            AvroCodecEmitter.FieldTry(w);
            for (var i = 0; i < record.Fields.Count; i++)
            {
                if (i > 0)
                {
                    w.Line("field = " + CSharpLiteral.Int(i) + ";");
                }

                var field = record.Fields[i];
                WriteProperty(w, plan, field.Type, PropertyNames(plan, record) + "[" + CSharpLiteral.Int(i) + "]", "value." + CodeNames.Member(field.MemberName), locals);
            }

            AvroCodecEmitter.FieldCatch(w, CodecSupportEmitter.FieldNames(plan, record));
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static void EmitArrayWriter(SourceWriter w, CodecPlan plan, AvroTypeModel array)
    {
        var item = array.Items!.ClrTypeName;
        var items = plan.Member("JsonWriteItemsOf", array);
        w.Open("private static void " + plan.Member("JsonWrite", array) + "(" + CodeNames.Utf8JsonWriter + " writer, " + array.ClrTypeName + " value)");
        switch (array.Clr)
        {
            case ClrShape.Array:
                AvroCodecEmitter.NullGuard(w, "value", JsonFormat);
                w.Line(items + "(writer, value);");
                break;
            case ClrShape.List:
                AvroCodecEmitter.NullGuard(w, "value", JsonFormat);
                w.Line(items + "(writer, " + CodeNames.CollectionsMarshal + ".AsSpan(value));");
                break;
            case ClrShape.ImmutableArray:
                w.Open("if (value.IsDefault)");
                w.Line("throw " + CodecSupportEmitter.NullValue + "(" + JsonFormat + ");");
                w.Close();
                w.Line(items + "(writer, value.AsSpan());");
                break;
            case ClrShape.ArrayInterface:
                AvroCodecEmitter.NullGuard(w, "value", JsonFormat);
                w.Open("if (value is " + CodeNames.ArrayOf(item) + " array)");
                w.Line(items + "(writer, array);");
                w.Close();
                w.Open("else if (value is " + CodeNames.ListOf(item) + " list)");
                w.Line(items + "(writer, " + CodeNames.CollectionsMarshal + ".AsSpan(list));");
                w.Close();
                w.Open("else");
                EmitEnumeratedItems(w, plan, array.Items!, "value");
                w.Close();
                break;
            case ClrShape.ImmutableList:
                AvroCodecEmitter.NullGuard(w, "value", JsonFormat);
                EmitEnumeratedItems(w, plan, array.Items!, "value");
                break;
            default:
                throw AvroCodecEmitter.Unsupported(array);
        }

        w.Close();
        if (array.Clr == ClrShape.ImmutableList)
        {
            return;
        }

        w.Line();
        w.Open("private static void " + items + "(" + CodeNames.Utf8JsonWriter + " writer, " + CodeNames.ReadOnlySpanOf(item) + " items)");
        w.Line("writer.WriteStartArray();");
        w.Line("var index = 0;");
        w.Open("try");
        w.Open("for (; index < items.Length; index++)");
        WriteValue(w, plan, array.Items!, "items[index]", new LocalNames());
        w.Close();
        w.Close();
        AvroCodecEmitter.EmitIndexCatch(w);
        w.Line("writer.WriteEndArray();");
        w.Close();
    }

    private static void EmitEnumeratedItems(SourceWriter w, CodecPlan plan, AvroTypeModel item, string sequence)
    {
        w.Line("writer.WriteStartArray();");
        w.Line("var index = 0;");
        w.Open("try");
        w.Open("foreach (var item in " + sequence + ")");
        WriteValue(w, plan, item, "item", new LocalNames());
        w.Line("index++;");
        w.Close();
        w.Close();
        AvroCodecEmitter.EmitIndexCatch(w);
        w.Line("writer.WriteEndArray();");
    }

    private static void EmitMapWriter(SourceWriter w, CodecPlan plan, AvroTypeModel map)
    {
        w.Open("private static void " + plan.Member("JsonWrite", map) + "(" + CodeNames.Utf8JsonWriter + " writer, " + map.ClrTypeName + " value)");
        AvroCodecEmitter.NullGuard(w, "value", JsonFormat);
        w.Line("writer.WriteStartObject();");
        if (map.Clr == ClrShape.DictionaryInterface)
        {
            w.Open("if (value is " + CodeNames.DictionaryOf(map.Items!.ClrTypeName) + " dictionary)");
            EmitEntries(w, plan, map.Items!, "dictionary");
            w.Close();
            w.Open("else");
            EmitEntries(w, plan, map.Items!, "value");
            w.Close();
        }
        else
        {
            EmitEntries(w, plan, map.Items!, "value");
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static void EmitEntries(SourceWriter w, CodecPlan plan, AvroTypeModel valueType, string map)
    {
        w.Line("string? key = null;");
        w.Open("try");
        w.Open("foreach (var entry in " + map + ")");
        w.Line("key = entry.Key;");
        w.Line(Fields + "WriteMapKey(writer, key);");
        WriteValue(w, plan, valueType, "entry.Value", new LocalNames());
        w.Close();
        w.Close();
        AvroCodecEmitter.EmitKeyCatch(w);
    }
}
