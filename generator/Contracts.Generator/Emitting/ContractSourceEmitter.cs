using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Emits one contract's source file: the user's partial type gains <c>IMessageContract&lt;T&gt;</c>, its
/// <c>Descriptor</c> and explicit codec entry points, and a file-local static class holds the codecs of every record,
/// enum and collection reachable from the contract.
/// </summary>
internal static class ContractSourceEmitter
{
    public static string Emit(ContractModel model) => Emit(model, EquatableArray<EarlierSchemaModel>.Empty);

    /// <summary>The contract's file, with resolving readers for the <paramref name="earlierVersions"/> it can read.</summary>
    public static string Emit(ContractModel model, EquatableArray<EarlierSchemaModel> earlierVersions)
    {
        var plan = new CodecPlan(model);
        var resolving = ResolvingReaderEmitter.Build(plan, earlierVersions);
        var w = new SourceWriter();
        var declaration = model.Declaration;
        DeclarationScope.Open(w, declaration);

        EmitContractType(w, plan, resolving);
        DeclarationScope.Close(w, declaration);

        w.Line();
        w.Line("/// <summary>Avro, JSON and key codecs of " + plan.Root.ClrTypeName.Replace("global::", string.Empty) + " and the types it contains.</summary>");
        w.Line("file static class " + plan.ClassName);
        w.Open();
        CodecSupportEmitter.Emit(w, plan);
        w.Line();
        KeyEmitter.Emit(w, plan);
        AvroCodecEmitter.Emit(w, plan);
        JsonCodecEmitter.Emit(w, plan);
        ResolvingReaderEmitter.EmitMethods(w, resolving);
        w.Close();
        return w.ToString();
    }

    private static void EmitContractType(SourceWriter w, CodecPlan plan, ResolvingReaders resolving)
    {
        var declaration = plan.Model.Declaration;
        var type = plan.Root.ClrTypeName;
        var contract = CodeNames.IMessageContract + "<" + type + ">";
        w.Open("partial " + declaration.Keyword + " " + declaration.Name + " : " + contract);
        DescriptorEmitter.Emit(w, plan, resolving);
        w.Line();
        w.Line("static void " + contract + ".WriteAvro(ref " + CodeNames.AvroWriter + " writer, " + type + " value) =>");
        w.Line("    " + plan.ClassName + "." + AvroCodecEmitter.Writer(plan, plan.Root) + "(ref writer, value);");
        w.Line();
        w.Line("static " + type + " " + contract + ".ReadAvro(ref " + CodeNames.AvroReader + " reader) =>");
        w.Line("    " + plan.ClassName + "." + AvroCodecEmitter.EntryReader(plan) + "(ref reader);");
        w.Line();
        w.Line("static void " + contract + ".WriteJson(" + CodeNames.Utf8JsonWriter + " writer, " + type + " value) =>");
        w.Line("    " + plan.ClassName + "." + JsonCodecEmitter.Writer(plan, plan.Root) + "(writer, value);");
        w.Line();
        w.Line("static " + type + " " + contract + ".ReadJson(ref " + CodeNames.Utf8JsonReader + " reader) =>");
        w.Line("    " + plan.ClassName + "." + JsonCodecEmitter.Reader(plan, plan.Root) + "(ref reader);");
        w.Line();
        w.Line("static void " + contract + ".WriteKey(" + CodeNames.BufferWriterOfByte + " output, " + type + " value) =>");
        w.Line("    " + plan.ClassName + "." + KeyEmitter.Writer(plan) + "(output, value);");
        w.Close();
    }
}
