using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Read runs: consecutive fields read by <c>AvroPrimitives.ReadX(input, offset, out value)</c> on the input span and an
/// offset held in locals, the reader's position taken once before the run and handed back once after it (and before
/// any nested record, collection or union reader, which reads through the reader). Reading each value through
/// <c>ref AvroReader</c> loads its span and position from memory and stores the position back every time: a chain of
/// dependent memory operations through the whole record, which the locals keep in registers.
/// </summary>
internal static partial class AvroCodecEmitter
{
    private const string InputLocal = "input";
    private const string OffsetLocal = "offset";

    /// <summary>Whether a value of <paramref name="type"/> is read by primitives alone (no nested reader method).</summary>
    private static bool IsRunRead(AvroTypeModel type) => type.Kind switch
    {
        AvroKind.Nullable => IsRunRead(type.Items!),
        AvroKind.Record or AvroKind.Array or AvroKind.Map or AvroKind.Union => false,
        _ => true,
    };

    /// <summary>
    /// Emits statements declaring the local <paramref name="target"/> and reading a value of <paramref name="type"/> into it.
    /// </summary>
    private static void RunReadValue(SourceWriter w, CodecPlan plan, AvroTypeModel type, string target, LocalNames locals)
    {
        var read = OffsetLocal + " = " + Primitives + ".";
        var at = "(" + InputLocal + ", " + OffsetLocal + ", ";
        switch (type.Kind)
        {
            case AvroKind.Nullable:
                // Null is branch 0 (nullable fields are ["null", T] unions).
                w.Line(type.ClrTypeName + " " + target + " = default;");
                var branch = locals.Next("branch");
                w.Line(read + "ReadUnionIndex" + at + "2, out int " + branch + ");");
                w.Open("if (" + branch + " != 0)");
                var inner = locals.Next("value");
                RunReadValue(w, plan, type.Items!, inner, locals);
                w.Line(target + " = " + inner + ";");
                w.Close();
                return;
            case AvroKind.Enum:
                var enumModel = plan.Enum(type.NamedTypeFullName!);
                var symbol = locals.Next("symbol");
                w.Line(read + "ReadEnum" + at + CSharpLiteral.Int(enumModel.Symbols.Count) + ", out int " + symbol + ");");
                w.Line(type.ClrTypeName + " " + target + " = " + CodecSupportEmitter.FromSymbolIndex(plan, enumModel) + "(" + symbol + ");");
                return;
        }

        var (method, arguments, outType) = PrimitiveRead(type);
        if (type.Clr != ClrShape.ReadOnlyMemoryOfByte)
        {
            w.Line(read + method + at + arguments + "out " + outType + " " + target + ");");
            return;
        }

        var bytes = locals.Next("bytes");
        w.Line(read + method + at + arguments + "out byte[] " + bytes + ");");
        w.Line(type.ClrTypeName + " " + target + " = new global::System.ReadOnlyMemory<byte>(" + bytes + ");");
    }

    /// <summary>The <c>AvroPrimitives</c> read method for a scalar, the arguments before its <c>out</c>, and the C# type it reads.</summary>
    private static (string Method, string Arguments, string OutType) PrimitiveRead(AvroTypeModel type)
    {
        switch (type.Kind, type.Clr)
        {
            case (AvroKind.Boolean, ClrShape.Boolean):
                return ("ReadBoolean", string.Empty, "bool");
            case (AvroKind.Int, ClrShape.Int32):
                return ("ReadInt", string.Empty, "int");
            case (AvroKind.Int, ClrShape.DateOnly):
                return ("ReadDate", string.Empty, "global::System.DateOnly");
            case (AvroKind.Int, ClrShape.TimeOnly):
                return ("ReadTimeMillis", string.Empty, "global::System.TimeOnly");
            case (AvroKind.Long, ClrShape.Int64):
                return ("ReadLong", string.Empty, "long");
            case (AvroKind.Long, ClrShape.TimeOnly):
                return ("ReadTimeMicros", string.Empty, "global::System.TimeOnly");
            case (AvroKind.Long, ClrShape.DateTime):
                return ("Read" + TimestampName(type), string.Empty, "global::System.DateTime");
            case (AvroKind.Long, ClrShape.DateTimeOffset):
                return ("Read" + TimestampName(type), string.Empty, "global::System.DateTimeOffset");
            case (AvroKind.Float, ClrShape.Single):
                return ("ReadFloat", string.Empty, "float");
            case (AvroKind.Double, ClrShape.Double):
                return ("ReadDouble", string.Empty, "double");
            case (AvroKind.String, ClrShape.String):
                return ("ReadString", string.Empty, "string");
            case (AvroKind.String, ClrShape.Guid):
                return ("ReadUuid", string.Empty, "global::System.Guid");
            case (AvroKind.Bytes, ClrShape.ByteArray or ClrShape.ReadOnlyMemoryOfByte):
                return ("ReadBytes", string.Empty, "byte[]");
            case (AvroKind.Bytes, ClrShape.Decimal):
                return ("ReadDecimal", CSharpLiteral.Int(type.Scale) + ", ", "decimal");
            case (AvroKind.Fixed, ClrShape.ByteArray or ClrShape.ReadOnlyMemoryOfByte):
                return ("ReadFixed", CSharpLiteral.Int(type.FixedSize) + ", ", "byte[]");
            case (AvroKind.Fixed, ClrShape.Decimal):
                return ("ReadDecimalFixed", CSharpLiteral.Int(type.Scale) + ", " + CSharpLiteral.Int(type.FixedSize) + ", ", "decimal");
            default:
                throw Unsupported(type);
        }
    }
}
