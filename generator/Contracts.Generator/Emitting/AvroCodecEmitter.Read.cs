using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

internal static partial class AvroCodecEmitter
{
    /// <summary>An expression reading one value of <paramref name="type"/> from <c>reader</c>.</summary>
    public static string ReadValue(CodecPlan plan, AvroTypeModel type)
    {
        switch (type.Kind)
        {
            case AvroKind.Nullable:
                return "reader.ReadUnionIndex(2) == 0 ? default(" + type.ClrTypeName + ") : " + ReadValue(plan, type.Items!);
            case AvroKind.Record:
            case AvroKind.Enum:
            case AvroKind.Array:
            case AvroKind.Map:
            case AvroKind.Union:
                return plan.Member("AvroRead", type) + "(ref reader)";
            default:
                return ScalarRead(type);
        }
    }

    private static string ScalarRead(AvroTypeModel type)
    {
        switch (type.Kind, type.Clr)
        {
            case (AvroKind.Boolean, ClrShape.Boolean):
                return "reader.ReadBoolean()";
            case (AvroKind.Int, ClrShape.Int32):
                return "reader.ReadInt()";
            case (AvroKind.Int, ClrShape.DateOnly):
                return "reader.ReadDate()";
            case (AvroKind.Int, ClrShape.TimeOnly):
                return "reader.ReadTimeMillis()";
            case (AvroKind.Long, ClrShape.Int64):
                return "reader.ReadLong()";
            case (AvroKind.Long, ClrShape.TimeOnly):
                return "reader.ReadTimeMicros()";
            case (AvroKind.Long, ClrShape.DateTime or ClrShape.DateTimeOffset):
                return "reader." + TimestampMethod("Read", type) + "()";
            case (AvroKind.Float, ClrShape.Single):
                return "reader.ReadFloat()";
            case (AvroKind.Double, ClrShape.Double):
                return "reader.ReadDouble()";
            case (AvroKind.String, ClrShape.String):
                return "reader.ReadString()";
            case (AvroKind.String, ClrShape.Guid):
                return "reader.ReadUuid()";
            case (AvroKind.Bytes, ClrShape.ByteArray):
                return "reader.ReadBytes()";
            case (AvroKind.Bytes, ClrShape.ReadOnlyMemoryOfByte):
                return "new global::System.ReadOnlyMemory<byte>(reader.ReadBytes())";
            case (AvroKind.Bytes, ClrShape.Decimal):
                return "reader.ReadDecimal(" + CSharpLiteral.Int(type.Scale) + ")";
            case (AvroKind.Fixed, ClrShape.ByteArray):
                return "reader.ReadFixed(" + CSharpLiteral.Int(type.FixedSize) + ")";
            case (AvroKind.Fixed, ClrShape.ReadOnlyMemoryOfByte):
                return "new global::System.ReadOnlyMemory<byte>(reader.ReadFixed(" + CSharpLiteral.Int(type.FixedSize) + "))";
            case (AvroKind.Fixed, ClrShape.Decimal):
                return "reader.ReadDecimalFixed(" + CSharpLiteral.Int(type.Scale) + ", " + CSharpLiteral.Int(type.FixedSize) + ")";
            default:
                throw Unsupported(type);
        }
    }

    private static void EmitRecordReader(SourceWriter w, CodecPlan plan, RecordModel record)
    {
        w.Open("internal static " + record.ClrTypeName + " " + Reader(plan, record) + "(ref " + CodeNames.AvroReader + " reader)");
        w.Line("reader.Enter();");
        if (record.Fields.IsEmpty)
        {
            w.Line("reader.Exit();");
            w.Line("return " + Construct(record, _ => "default!") + ";");
            w.Close();
            return;
        }

        var hasRuns = record.Fields.Any(f => IsRunRead(f.Type));
        if (hasRuns)
        {
            w.Line("var " + InputLocal + " = reader.Input;");
            w.Line("int " + OffsetLocal + ";");
        }

        w.Line("var field = 0;");
        FieldTry(w);
        var inRun = false;
        var locals = new LocalNames();
        for (var i = 0; i < record.Fields.Count; i++)
        {
            if (i > 0)
            {
                w.Line("field = " + CSharpLiteral.Int(i) + ";");
            }

            var field = record.Fields[i];
            if (IsRunRead(field.Type))
            {
                if (!inRun)
                {
                    w.Line(OffsetLocal + " = reader.Position;");
                    inRun = true;
                }

                RunReadValue(w, plan, field.Type, FieldLocal(i), locals);
                continue;
            }

            if (inRun)
            {
                w.Line("reader.Position = " + OffsetLocal + ";");
                inRun = false;
            }

            w.Line(field.Type.ClrTypeName + " " + FieldLocal(i) + " = " + ReadValue(plan, field.Type) + ";");
        }

        if (inRun)
        {
            w.Line("reader.Position = " + OffsetLocal + ";");
        }

        w.Line("reader.Exit();");
        w.Line("return " + Construct(record, FieldLocal) + ";");
        FieldCatch(w, CodecSupportEmitter.FieldNames(plan, record));
        w.Close();
    }

    internal static string FieldLocal(int fieldIndex) => "f" + CSharpLiteral.Int(fieldIndex);

    /// <summary>
    /// A <c>new T(ctor args) { Member = value, ... }</c> expression where the value of field i is
    /// <paramref name="valueOf"/>(i): constructor parameters in parameter order, other members by initializer.
    /// </summary>
    internal static string Construct(RecordModel record, System.Func<int, string> valueOf)
    {
        var arguments = new string[record.ConstructorParameterCount];
        for (var i = 0; i < arguments.Length; i++)
        {
            // A constructor parameter with no field cannot happen in a valid model; default keeps the output compiling.
            arguments[i] = "default!";
        }

        var initializers = new List<string>();
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var field = record.Fields[i];
            if (field.ConstructorParameterIndex >= 0 && field.ConstructorParameterIndex < arguments.Length)
            {
                arguments[field.ConstructorParameterIndex] = valueOf(i);
            }
            else
            {
                initializers.Add(CodeNames.Member(field.MemberName) + " = " + valueOf(i));
            }
        }

        var construct = "new " + record.ClrTypeName + "(" + string.Join(", ", arguments) + ")";
        return initializers.Count == 0 ? construct : construct + " { " + string.Join(", ", initializers) + " }";
    }

    private static void EmitEnumReader(SourceWriter w, CodecPlan plan, EnumModel enumModel)
    {
        w.Line("private static " + enumModel.ClrTypeName + " " + plan.Member("AvroRead", enumModel) + "(ref " + CodeNames.AvroReader + " reader) =>");
        w.Line("    " + CodecSupportEmitter.FromSymbolIndex(plan, enumModel) + "(reader.ReadEnum(" + CSharpLiteral.Int(enumModel.Symbols.Count) + "));");
    }

    private static void EmitArrayReader(SourceWriter w, CodecPlan plan, AvroTypeModel array)
    {
        var item = array.Items!.ClrTypeName;
        var minimum = CSharpLiteral.Int(plan.MinimumSize(array.Items!));
        w.Open("private static " + array.ClrTypeName + " " + plan.Member("AvroRead", array) + "(ref " + CodeNames.AvroReader + " reader)");
        w.Line("reader.Enter();");
        w.Line("var count = reader.ReadBlockCount(0, " + minimum + ");");
        if (array.Clr == ClrShape.List)
        {
            w.Line("var items = new " + CodeNames.ListOf(item) + "(count);");
            w.Open("try");
            w.Open("while (count != 0)");
            w.Open("for (var i = 0; i < count; i++)");
            w.Line("items.Add(" + ReadValue(plan, array.Items!) + ");");
            w.Close();
            w.Line("count = reader.ReadBlockCount(items.Count, " + minimum + ");");
            w.Close();
            w.Close();
            PathCatch(w, CodecSupportEmitter.AtIndex + "(e, items.Count)");
            w.Line("reader.Exit();");
            w.Line("return items;");
            w.Close();
            return;
        }

        // Exactly sized per block: one allocation for the usual single-block array.
        w.Line("var items = count == 0 ? global::System.Array.Empty<" + item + ">() : global::System.GC.AllocateUninitializedArray<" + item + ">(count);");
        w.Line("var index = 0;");
        w.Open("try");
        w.Open("while (count != 0)");
        w.Open("for (; index < items.Length; index++)");
        w.Line("items[index] = " + ReadValue(plan, array.Items!) + ";");
        w.Close();
        w.Line("count = reader.ReadBlockCount(index, " + minimum + ");");
        w.Open("if (count != 0)");
        w.Line("global::System.Array.Resize(ref items, index + count);");
        w.Close();
        w.Close();
        w.Close();
        EmitIndexCatch(w);
        w.Line("reader.Exit();");
        w.Line("return " + FromArray(array, "items") + ";");
        w.Close();
    }

    /// <summary>Converts a freshly read <c>T[]</c> named <paramref name="items"/> into the collection shape.</summary>
    internal static string FromArray(AvroTypeModel array, string items) => array.Clr switch
    {
        ClrShape.Array or ClrShape.ArrayInterface => items,
        ClrShape.ImmutableArray => CodeNames.ImmutableCollectionsMarshal + ".AsImmutableArray(" + items + ")",
        ClrShape.ImmutableList => "global::System.Collections.Immutable.ImmutableList.Create<" + array.Items!.ClrTypeName + ">(" + items + ")",
        _ => throw Unsupported(array),
    };

    /// <summary>Converts a freshly read <c>Dictionary</c> named <paramref name="map"/> into the map shape.</summary>
    internal static string FromDictionary(AvroTypeModel map, string dictionary) => map.Clr switch
    {
        ClrShape.Dictionary or ClrShape.DictionaryInterface => dictionary,
        ClrShape.ImmutableDictionary => "global::System.Collections.Immutable.ImmutableDictionary.ToImmutableDictionary(" + dictionary + ")",
        _ => throw Unsupported(map),
    };

    private static void EmitMapReader(SourceWriter w, CodecPlan plan, AvroTypeModel map)
    {
        var valueType = map.Items!.ClrTypeName;
        var minimum = CSharpLiteral.Int(1 + plan.MinimumSize(map.Items!));
        w.Open("private static " + map.ClrTypeName + " " + plan.Member("AvroRead", map) + "(ref " + CodeNames.AvroReader + " reader)");
        w.Line("reader.Enter();");
        w.Line("var count = reader.ReadBlockCount(0, " + minimum + ");");
        w.Line("var map = new " + CodeNames.DictionaryOf(valueType) + "(count);");
        w.Line("string? key = null;");
        w.Open("try");
        w.Open("while (count != 0)");
        w.Open("for (var i = 0; i < count; i++)");
        w.Line("key = null;");
        w.Line("var keyStart = reader.Position;");
        w.Line("var entryKey = reader.ReadString();");
        w.Line("key = entryKey;");
        w.Open("if (!map.TryAdd(entryKey, " + ReadValue(plan, map.Items!) + "))");
        w.Line("throw reader.Error(keyStart, \"the map key '\" + entryKey + \"' appears twice.\");");
        w.Close();
        w.Close();
        w.Line("count = reader.ReadBlockCount(map.Count, " + minimum + ");");
        w.Close();
        w.Close();
        EmitKeyCatch(w);
        w.Line("reader.Exit();");
        w.Line("return " + FromDictionary(map, "map") + ";");
        w.Close();
    }
}
