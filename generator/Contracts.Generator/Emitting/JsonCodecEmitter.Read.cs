using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

internal static partial class JsonCodecEmitter
{
    /// <summary>An expression reading one JSON value of <paramref name="type"/>; the reader is on the value's first token.</summary>
    public static string ReadValue(CodecPlan plan, AvroTypeModel type)
    {
        switch (type.Kind)
        {
            case AvroKind.Nullable:
                return "reader.TokenType == " + CodeNames.JsonTokenType + ".Null ? default(" + type.ClrTypeName + ") : " + ReadValue(plan, type.Items!);
            case AvroKind.Record:
            case AvroKind.Enum:
            case AvroKind.Array:
            case AvroKind.Map:
            case AvroKind.Union:
                return plan.Member("JsonRead", type) + "(ref reader)";
            default:
                return ScalarRead(type);
        }
    }

    private static string ScalarRead(AvroTypeModel type)
    {
        switch (type.Kind, type.Clr)
        {
            case (AvroKind.Boolean, ClrShape.Boolean):
                return Fields + "ReadBoolean(ref reader)";
            case (AvroKind.Int, ClrShape.Int32):
                return Fields + "ReadInt32(ref reader)";
            case (AvroKind.Long, ClrShape.Int64):
                return Fields + "ReadInt64(ref reader)";
            case (AvroKind.Int, ClrShape.DateOnly):
                return Fields + "ReadDate(ref reader)";
            case (AvroKind.Int, ClrShape.TimeOnly):
                return Fields + "ReadTimeMillis(ref reader)";
            case (AvroKind.Long, ClrShape.TimeOnly):
                return Fields + "ReadTimeMicros(ref reader)";
            case (AvroKind.Long, ClrShape.DateTime or ClrShape.DateTimeOffset):
                return Fields + AvroCodecEmitter.TimestampMethod("Read", type) + "(ref reader)";
            case (AvroKind.Float, ClrShape.Single):
                return Fields + "ReadSingle(ref reader)";
            case (AvroKind.Double, ClrShape.Double):
                return Fields + "ReadDouble(ref reader)";
            case (AvroKind.String, ClrShape.String):
                return Fields + "ReadString(ref reader)";
            case (AvroKind.String, ClrShape.Guid):
                return Fields + "ReadUuid(ref reader)";
            case (AvroKind.Bytes, ClrShape.ByteArray):
                return Fields + "ReadBytes(ref reader)";
            case (AvroKind.Bytes, ClrShape.ReadOnlyMemoryOfByte):
                return "new global::System.ReadOnlyMemory<byte>(" + Fields + "ReadBytes(ref reader))";
            case (AvroKind.Bytes or AvroKind.Fixed, ClrShape.Decimal):
                return Fields + "ReadDecimal(ref reader, " + CSharpLiteral.Int(type.Precision) + ", " + CSharpLiteral.Int(type.Scale) + ")";
            case (AvroKind.Fixed, ClrShape.ByteArray):
                return Fields + "ReadFixed(ref reader, " + CSharpLiteral.Int(type.FixedSize) + ")";
            case (AvroKind.Fixed, ClrShape.ReadOnlyMemoryOfByte):
                return "new global::System.ReadOnlyMemory<byte>(" + Fields + "ReadFixed(ref reader, " + CSharpLiteral.Int(type.FixedSize) + "))";
            default:
                throw AvroCodecEmitter.Unsupported(type);
        }
    }

    private static void EmitRecordReader(SourceWriter w, CodecPlan plan, RecordModel record)
    {
        w.Open("internal static " + record.ClrTypeName + " " + Reader(plan, record) + "(ref " + CodeNames.Utf8JsonReader + " reader)");
        w.Line(Fields + "ExpectStartObject(ref reader);");
        if (record.Fields.IsEmpty)
        {
            w.Open("while (" + Fields + "NextProperty(ref reader))");
            w.Line(Fields + "SkipValue(ref reader);");
            w.Close();
            w.Line("return " + AvroCodecEmitter.Construct(record, _ => "default!") + ";");
            w.Close();
            return;
        }

        for (var i = 0; i < record.Fields.Count; i++)
        {
            w.Line(record.Fields[i].Type.ClrTypeName + " " + AvroCodecEmitter.FieldLocal(i) + " = default!;");
        }

        for (var i = 0; i < record.Fields.Count; i++)
        {
            w.Line("var " + Seen(i) + " = false;");
        }

        // -1 while between properties: faults there (syntax, unknown property) belong to the object, not a field.
        w.Line("var field = -1;");
        AvroCodecEmitter.FieldTry(w);
        w.Open("while (" + Fields + "NextProperty(ref reader))");
        w.Line("field = " + FieldIndex(plan, record) + "(ref reader);");
        w.Open("switch (field)");
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var field = record.Fields[i];
            w.Line("case " + CSharpLiteral.Int(i) + ":");
            w.Indent();
            w.Open("if (" + Seen(i) + ")");
            w.Line("throw " + Fields + "DuplicateField(ref reader, " + CSharpLiteral.String(field.AvroName) + ");");
            w.Close();
            w.Line();
            w.Line(Seen(i) + " = true;");
            w.Line(Fields + "MoveToValue(ref reader);");
            w.Line(AvroCodecEmitter.FieldLocal(i) + " = " + ReadValue(plan, field.Type) + ";");
            w.Line("break;");
            w.Outdent();
        }

        w.Line("default:");
        w.Indent();
        w.Line(Fields + "SkipValue(ref reader);");
        w.Line("break;");
        w.Outdent();
        w.Close();
        w.Line();
        w.Line("field = -1;");
        w.Close();
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var field = record.Fields[i];
            w.Line();
            w.Open("if (!" + Seen(i) + ")");
            w.Line(field.DefaultExpression is null
                ? "throw " + Fields + "MissingField(ref reader, " + CSharpLiteral.String(field.AvroName) + ");"
                : AvroCodecEmitter.FieldLocal(i) + " = " + field.DefaultExpression + ";");
            w.Close();
        }

        w.Line();
        w.Line("return " + AvroCodecEmitter.Construct(record, AvroCodecEmitter.FieldLocal) + ";");
        AvroCodecEmitter.FieldCatch(w, CodecSupportEmitter.FieldNames(plan, record), "field >= 0");
        w.Close();
        w.Line();
        EmitFieldIndex(w, plan, record);
    }

    private static string FieldIndex(CodecPlan plan, RecordModel record) => plan.Member("JsonFieldIndexOf", record);

    /// <summary>
    /// Emits the method mapping the property name the reader is on to a field index (-1 for unknown names): a switch on
    /// the name's length, then byte comparisons, so matching costs one or two comparisons whatever the field count.
    /// </summary>
    private static void EmitFieldIndex(SourceWriter w, CodecPlan plan, RecordModel record)
    {
        w.Open("private static int " + FieldIndex(plan, record) + "(ref " + CodeNames.Utf8JsonReader + " reader)");
        w.Open("if (!reader.HasValueSequence && !reader.ValueIsEscaped)");
        w.Line("var name = reader.ValueSpan;");
        w.Open("switch (name.Length)");
        var byLength = new System.Collections.Generic.SortedDictionary<int, System.Collections.Generic.List<int>>();
        for (var i = 0; i < record.Fields.Count; i++)
        {
            // Avro names are ASCII, so the UTF-8 length is the character count.
            var length = record.Fields[i].AvroName.Length;
            if (!byLength.TryGetValue(length, out var indexes))
            {
                byLength[length] = indexes = new System.Collections.Generic.List<int>();
            }

            indexes.Add(i);
        }

        foreach (var group in byLength)
        {
            w.Line("case " + CSharpLiteral.Int(group.Key) + ":");
            w.Indent();
            foreach (var i in group.Value)
            {
                w.Open("if (global::System.MemoryExtensions.SequenceEqual(name, " + CSharpLiteral.String(record.Fields[i].AvroName) + "u8))");
                w.Line("return " + CSharpLiteral.Int(i) + ";");
                w.Close();
                w.Line();
            }

            w.Line("break;");
            w.Outdent();
        }

        w.Close();
        w.Line();
        w.Line("return -1;");
        w.Close();
        w.Line();
        w.Line("// Escaped or segmented names are rare: let the reader unescape and compare.");
        for (var i = 0; i < record.Fields.Count; i++)
        {
            w.Open("if (reader.ValueTextEquals(" + CSharpLiteral.String(record.Fields[i].AvroName) + "u8))");
            w.Line("return " + CSharpLiteral.Int(i) + ";");
            w.Close();
            w.Line();
        }

        w.Line("return -1;");
        w.Close();
    }

    private static string Seen(int fieldIndex) => "seen" + CSharpLiteral.Int(fieldIndex);

    private static void EmitArrayReader(SourceWriter w, CodecPlan plan, AvroTypeModel array)
    {
        var item = array.Items!.ClrTypeName;
        w.Open("private static " + array.ClrTypeName + " " + plan.Member("JsonRead", array) + "(ref " + CodeNames.Utf8JsonReader + " reader)");
        w.Line(Fields + "ExpectStartArray(ref reader);");
        if (array.Clr == ClrShape.List)
        {
            w.Line("var items = new " + CodeNames.ListOf(item) + "();");
            w.Open("try");
            w.Open("while (" + Fields + "NextItem(ref reader))");
            w.Line("items.Add(" + ReadValue(plan, array.Items!) + ");");
            w.Close();
            w.Close();
            AvroCodecEmitter.PathCatch(w, CodecSupportEmitter.AtIndex + "(e, items.Count)");
            w.Line();
            w.Line("return items;");
            w.Close();
            return;
        }

        // JSON does not announce the length: grow by doubling, then trim once to the exact size.
        w.Line("var items = global::System.Array.Empty<" + item + ">();");
        w.Line("var index = 0;");
        w.Open("try");
        w.Open("while (" + Fields + "NextItem(ref reader))");
        w.Open("if (index == items.Length)");
        w.Line("global::System.Array.Resize(ref items, index == 0 ? 4 : index * 2);");
        w.Close();
        w.Line();
        w.Line("items[index] = " + ReadValue(plan, array.Items!) + ";");
        w.Line("index++;");
        w.Close();
        w.Close();
        AvroCodecEmitter.EmitIndexCatch(w);
        w.Line();
        w.Open("if (index != items.Length)");
        w.Line("global::System.Array.Resize(ref items, index);");
        w.Close();
        w.Line();
        w.Line("return " + AvroCodecEmitter.FromArray(array, "items") + ";");
        w.Close();
    }

    private static void EmitMapReader(SourceWriter w, CodecPlan plan, AvroTypeModel map)
    {
        w.Open("private static " + map.ClrTypeName + " " + plan.Member("JsonRead", map) + "(ref " + CodeNames.Utf8JsonReader + " reader)");
        w.Line(Fields + "ExpectStartObject(ref reader);");
        w.Line("var map = new " + CodeNames.DictionaryOf(map.Items!.ClrTypeName) + "();");
        w.Line("string? key = null;");
        w.Open("try");
        w.Open("while (" + Fields + "NextProperty(ref reader))");
        w.Line("key = null;");
        w.Line("var entryKey = " + Fields + "ReadMapKey(ref reader);");
        w.Line("key = entryKey;");
        w.Open("if (map.ContainsKey(entryKey))");
        w.Line("throw " + Fields + "DuplicateMapKey(ref reader, entryKey);");
        w.Close();
        w.Line();
        w.Line(Fields + "MoveToValue(ref reader);");
        w.Line("map.Add(entryKey, " + ReadValue(plan, map.Items!) + ");");
        w.Close();
        w.Close();
        AvroCodecEmitter.EmitKeyCatch(w);
        w.Line();
        w.Line("return " + AvroCodecEmitter.FromDictionary(map, "map") + ";");
        w.Close();
    }
}
