using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Fast readers: per record and array a second reader with no <c>try</c>/<c>catch</c> and no field bookkeeping, taking
/// the input span and the offset as arguments and returning the offset after the value, so nested records and arrays
/// are read on the same locals (in registers) as the fields around them and small ones can be inlined. The catches
/// that name a fault's field path make the JIT keep every local of a record reader in memory and never inline it; the
/// fast readers leave faults unnamed instead, and the contract's entry reads again with the tracking readers when one
/// happens (<see cref="EmitEntryReader"/>), so errors are the same exception, offset and path as before. Maps and
/// general unions are read by their tracking readers through the reader's position.
/// </summary>
internal static partial class AvroCodecEmitter
{
    /// <summary>The contract's Avro entry: the fast readers, then on a fault the tracking readers from the same start.</summary>
    public static string EntryReader(CodecPlan plan) => plan.Member("AvroReadEntry", plan.Root);

    private static string FastReader(CodecPlan plan, RecordModel record) => plan.Member("AvroReadFast", record);

    private static string FastReader(CodecPlan plan, AvroTypeModel type) => plan.Member("AvroReadFast", type);

    private static string FastSignature(CodecPlan plan, string type, string name) =>
        "static int " + name + "(ref " + CodeNames.AvroReader + " reader, global::System.ReadOnlySpan<byte> " + InputLocal + ", int " + OffsetLocal + ", out " + type + " value)";

    private static void EmitEntryReader(SourceWriter w, CodecPlan plan)
    {
        var root = plan.Root;
        w.Open("internal static " + root.ClrTypeName + " " + EntryReader(plan) + "(ref " + CodeNames.AvroReader + " reader)");
        // The position and depth, not a copy of the reader: the caller has just stored its fields one by one, and one
        // wide load of them all cannot be forwarded from those stores (it waits for them to reach the cache).
        w.Line("var position = reader.Position;");
        w.Line("var depth = reader.Depth;");
        w.Open("try");
        w.Line("reader.Position = " + FastReader(plan, root) + "(ref reader, reader.Input, position, out var value);");
        w.Line("return value;");
        w.Close();
        w.Open("catch (" + CodeNames.ContractException + ")");
        w.Line("// The fast readers do not track fields: read again from the start with the readers that name the field path.");
        w.Line("reader.Rewind(position, depth);");
        w.Close();
        w.Line();
        w.Line("return " + Reader(plan, root) + "(ref reader);");
        w.Close();
    }

    private static void EmitFastRecordReader(SourceWriter w, CodecPlan plan, RecordModel record)
    {
        // The root's reader stays a call of its own, outside the entry's try (code inlined into a try keeps its locals
        // in memory); the JIT decides for the others.
        if (record.AvroFullName == plan.Root.AvroFullName)
        {
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        }

        w.Open("private " + FastSignature(plan, record.ClrTypeName, FastReader(plan, record)));
        w.Line("reader.Enter();");
        var locals = new LocalNames();
        for (var i = 0; i < record.Fields.Count; i++)
        {
            FastReadValue(w, plan, record.Fields[i].Type, FieldLocal(i), locals);
        }

        w.Line("reader.Exit();");
        w.Line("value = " + Construct(record, FieldLocal) + ";");
        w.Line("return " + OffsetLocal + ";");
        w.Close();
    }

    private static void EmitFastArrayReader(SourceWriter w, CodecPlan plan, AvroTypeModel array)
    {
        var item = array.Items!;
        var minimum = CSharpLiteral.Int(plan.MinimumSize(item));
        var locals = new LocalNames();
        w.Open("private " + FastSignature(plan, array.ClrTypeName, FastReader(plan, array)));
        w.Line("reader.Enter();");
        w.Line(OffsetLocal + " = reader.ReadBlockCount(" + OffsetLocal + ", 0, " + minimum + ", out var count);");
        if (array.Clr == ClrShape.List)
        {
            w.Line("var items = new " + CodeNames.ListOf(item.ClrTypeName) + "(count);");
            w.Open("while (count != 0)");
            w.Open("for (var i = 0; i < count; i++)");
            var listItem = locals.Next("item");
            FastReadValue(w, plan, item, listItem, locals);
            w.Line("items.Add(" + listItem + ");");
            w.Close();
            w.Line(OffsetLocal + " = reader.ReadBlockCount(" + OffsetLocal + ", items.Count, " + minimum + ", out count);");
            w.Close();
            w.Line("reader.Exit();");
            w.Line("value = items;");
            w.Line("return " + OffsetLocal + ";");
            w.Close();
            return;
        }

        // Exactly sized per block: one allocation for the usual single-block array.
        w.Line("var items = count == 0 ? global::System.Array.Empty<" + item.ClrTypeName + ">() : global::System.GC.AllocateUninitializedArray<" + item.ClrTypeName + ">(count);");
        w.Line("var index = 0;");
        w.Open("while (count != 0)");
        w.Open("for (; index < items.Length; index++)");
        var arrayItem = locals.Next("item");
        FastReadValue(w, plan, item, arrayItem, locals);
        w.Line("items[index] = " + arrayItem + ";");
        w.Close();
        w.Line(OffsetLocal + " = reader.ReadBlockCount(" + OffsetLocal + ", index, " + minimum + ", out count);");
        w.Open("if (count != 0)");
        w.Line("global::System.Array.Resize(ref items, index + count);");
        w.Close();
        w.Close();
        w.Line("reader.Exit();");
        w.Line("value = " + FromArray(array, "items") + ";");
        w.Line("return " + OffsetLocal + ";");
        w.Close();
    }

    /// <summary>Emits statements declaring the local <paramref name="target"/> and reading a value of <paramref name="type"/> into it at the offset.</summary>
    private static void FastReadValue(SourceWriter w, CodecPlan plan, AvroTypeModel type, string target, LocalNames locals)
    {
        if (IsRunRead(type))
        {
            RunReadValue(w, plan, type, target, locals);
            return;
        }

        switch (type.Kind)
        {
            case AvroKind.Nullable:
                // Null is branch 0 (nullable fields are ["null", T] unions).
                w.Line(type.ClrTypeName + " " + target + " = default;");
                var branch = locals.Next("branch");
                w.Line(OffsetLocal + " = " + Primitives + ".ReadUnionIndex(" + InputLocal + ", " + OffsetLocal + ", 2, out int " + branch + ");");
                w.Open("if (" + branch + " != 0)");
                var inner = locals.Next("value");
                FastReadValue(w, plan, type.Items!, inner, locals);
                w.Line(target + " = " + inner + ";");
                w.Close();
                return;
            case AvroKind.Record:
                w.Line(OffsetLocal + " = " + FastReader(plan, plan.Record(type.NamedTypeFullName!)) + "(ref reader, " + InputLocal + ", " + OffsetLocal + ", out " + type.ClrTypeName + " " + target + ");");
                return;
            case AvroKind.Array:
                w.Line(OffsetLocal + " = " + FastReader(plan, type) + "(ref reader, " + InputLocal + ", " + OffsetLocal + ", out " + type.ClrTypeName + " " + target + ");");
                return;
            default:
                // Maps and general unions: their tracking readers, through the reader's position.
                w.Line("reader.Position = " + OffsetLocal + ";");
                w.Line(type.ClrTypeName + " " + target + " = " + ReadValue(plan, type) + ";");
                w.Line(OffsetLocal + " = reader.Position;");
                return;
        }
    }
}
