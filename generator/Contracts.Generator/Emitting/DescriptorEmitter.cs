using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>Emits the contract's static <c>Descriptor</c> property: type, version, schemas, fingerprints and key configuration.</summary>
internal static class DescriptorEmitter
{
    public static void Emit(SourceWriter w, CodecPlan plan, ResolvingReaders resolving)
    {
        var model = plan.Model;
        var contractType = plan.Root.ClrTypeName;
        var schema = SchemaEmitter.Emit(model);
        var keySchema = SchemaEmitter.EmitKey(model);

        w.Line("/// <summary>");
        w.Line("/// The contract's wire type " + XmlText(CSharpLiteral.String(model.MessageType)) + " version " + CSharpLiteral.Int(model.Version) +
               ": its Avro schema, key configuration and fingerprints.");
        w.Line("/// </summary>");
        // 'new' because a contract may derive from another contract, whose Descriptor it then hides; CS0109 is the
        // warning for the usual case where there is nothing to hide.
        w.Line("#pragma warning disable CS0109");
        w.Line("public static new " + CodeNames.MessageDescriptor + "<" + contractType + "> Descriptor { get; } = new " + CodeNames.MessageDescriptor + "<" + contractType + ">");
        w.Open();
        w.Line("MessageType = " + CSharpLiteral.String(model.MessageType) + ",");
        w.Line("Version = " + CSharpLiteral.Int(model.Version) + ",");
        w.Line("Schema = " + CSharpLiteral.String(schema.Json) + ",");
        w.Line("CanonicalSchema = " + CSharpLiteral.String(schema.CanonicalForm) + ",");
        w.Line("Fingerprint = " + CSharpLiteral.Long(schema.Fingerprint) + ",");
        w.Line("KeyFormat = " + CodeNames.KeyFormat + "." + KeyFormatName(model.KeyFormat) + ",");
        w.Line("KeyFields = " + (model.KeyFields.IsEmpty
            ? "global::System.Array.Empty<string>()"
            : "new string[] { " + string.Join(", ", model.KeyFields.Select(CSharpLiteral.String)) + " }") + ",");
        if (keySchema is not null)
        {
            w.Line("KeySchema = " + CSharpLiteral.String(keySchema.Json) + ",");
            w.Line("KeyCanonicalSchema = " + CSharpLiteral.String(keySchema.CanonicalForm) + ",");
            w.Line("KeyFingerprint = " + CSharpLiteral.Long(keySchema.Fingerprint) + ",");
        }

        if (resolving.Entries.Count > 0)
        {
            var reader = "global::Contracts.AvroResolvingReader<" + contractType + ">";
            w.Line("ResolvingReaders = new " + reader + "[]");
            w.Open();
            foreach (var entry in resolving.Entries)
            {
                w.Line("new " + reader + "(" + CSharpLiteral.Int(entry.WriterVersion) + ", " + CSharpLiteral.String(entry.WriterSchemaJson) + ", " +
                       plan.ClassName + "." + entry.EntryMethod + "),");
            }

            w.Close(",");
        }

        w.Close(";");
        w.Line("#pragma warning restore CS0109");
    }

    internal static string KeyFormatName(int keyFormat) => keyFormat switch
    {
        0 => "None",
        1 => "Record",
        2 => "Plain",
        _ => throw new System.InvalidOperationException("Unknown key format " + keyFormat + "."),
    };

    private static string XmlText(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
