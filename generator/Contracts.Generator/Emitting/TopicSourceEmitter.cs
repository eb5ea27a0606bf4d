using System.Globalization;
using Contracts.Generator.Parsing.Topics;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Emits one <c>[Topic]</c> class's file: the class gains <c>IMessageTopic</c>, its name constant and
/// <c>TopicDescriptor</c>, a constructor taking the transport's <c>IMessageProducer</c>, and per contract a typed
/// <c>ProduceAsync</c> and fire-and-forget <c>Produce</c>. Overloads by contract type make a wrong message a compile error.
/// </summary>
internal static class TopicSourceEmitter
{
    private const string TopicDescriptor = "global::Contracts.Messaging.TopicDescriptor";
    private const string IMessageTopic = "global::Contracts.Messaging.IMessageTopic";
    private const string IMessageProducer = "global::Contracts.Messaging.IMessageProducer";
    private const string ProduceResult = "global::Contracts.Messaging.ProduceResult";
    private const string WireFormat = "global::Contracts.Messaging.WireFormat";
    private const string IMessageDescriptor = "global::Contracts.IMessageDescriptor";
    private const string ProducerField = "_contractsProducer";

    public static string Emit(TopicModel model)
    {
        var w = new SourceWriter();
        var declaration = model.Declaration;
        DeclarationScope.Open(w, declaration);

        w.Open("partial " + declaration.Keyword + " " + declaration.Name + " : " + IMessageTopic);
        EmitDescriptor(w, model);
        w.Line();
        EmitConstructor(w, declaration.Name);
        foreach (var contract in model.Contracts)
        {
            w.Line();
            EmitProduceMethods(w, contract);
        }

        w.Close();
        DeclarationScope.Close(w, declaration);

        return w.ToString();
    }

    private static void EmitDescriptor(SourceWriter w, TopicModel model)
    {
        w.Line("/// <summary>The topic name on the broker.</summary>");
        w.Line("public const string TopicName = " + CSharpLiteral.String(model.TopicName) + ";");
        w.Line();
        w.Line("/// <summary>The topic's name, wire format (" + model.WireFormat + ") and the contracts it carries.</summary>");
        w.Line("public static " + TopicDescriptor + " Descriptor { get; } = new " + TopicDescriptor + "(");
        w.Indent();
        w.Line("TopicName,");
        w.Line(WireFormat + "." + model.WireFormat + ",");
        w.Line("new " + IMessageDescriptor + "[]");
        w.Open();
        foreach (var contract in model.Contracts)
        {
            w.Line(contract.ClrTypeName + ".Descriptor,");
        }

        w.Close(");");
        w.Outdent();
    }

    private static void EmitConstructor(SourceWriter w, string className)
    {
        w.Line("private readonly " + IMessageProducer + " " + ProducerField + ";");
        w.Line();
        w.Line("/// <summary>Creates the typed front end of the topic over <paramref name=\"producer\"/> (e.g. a Kafka producer).</summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"producer\"/> is null.</exception>");
        w.Line("public " + className + "(" + IMessageProducer + " producer)");
        w.Open();
        w.Line(ProducerField + " = producer ?? throw new global::System.ArgumentNullException(nameof(producer));");
        w.Close();
    }

    private static void EmitProduceMethods(SourceWriter w, TopicContractModel contract)
    {
        var what = "<c>" + contract.MessageType + "</c> v" + contract.Version.ToString(CultureInfo.InvariantCulture);
        w.Line("/// <summary>Sends a " + what + " message and completes when the broker acknowledged it.</summary>");
        w.Line("/// <exception cref=\"global::Contracts.ContractEncodeException\">The message holds a value its schema cannot carry.</exception>");
        w.Line("/// <exception cref=\"global::Contracts.Messaging.MessageProduceException\">The message was not delivered.</exception>");
        w.Line("public global::System.Threading.Tasks.ValueTask<" + ProduceResult + "> ProduceAsync(" + contract.ClrTypeName + " message, global::System.Threading.CancellationToken cancellationToken = default) =>");
        w.Line("    " + ProducerField + ".ProduceAsync(Descriptor, message, cancellationToken);");
        w.Line();
        w.Line("/// <summary>Queues a " + what + " message without waiting; <paramref name=\"onDelivered\"/> receives the outcome.</summary>");
        w.Line("/// <exception cref=\"global::Contracts.ContractEncodeException\">The message holds a value its schema cannot carry.</exception>");
        w.Line("/// <exception cref=\"global::Contracts.Messaging.MessageProduceException\">The message could not be queued.</exception>");
        w.Line("public void Produce(" + contract.ClrTypeName + " message, global::System.Action<" + ProduceResult + ">? onDelivered = null) =>");
        w.Line("    " + ProducerField + ".Produce(Descriptor, message, onDelivered);");
    }
}
