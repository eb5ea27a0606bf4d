using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Generator.Emitting;

/// <summary>Fully qualified names of the runtime types generated code uses, and identifier escaping.</summary>
internal static class CodeNames
{
    public const string AvroWriter = "global::Contracts.Avro.AvroWriter";
    public const string AvroReader = "global::Contracts.Avro.AvroReader";
    public const string ContractException = "global::Contracts.ContractException";
    public const string ContractEncodeException = "global::Contracts.ContractEncodeException";
    public const string ContractDecodeException = "global::Contracts.ContractDecodeException";
    public const string ContractFormat = "global::Contracts.ContractFormat";
    public const string IMessageContract = "global::Contracts.IMessageContract";
    public const string MessageDescriptor = "global::Contracts.MessageDescriptor";
    public const string KeyFormat = "global::Contracts.KeyFormat";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string JsonEncodedText = "global::System.Text.Json.JsonEncodedText";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string BufferWriterOfByte = "global::System.Buffers.IBufferWriter<byte>";
    public const string CollectionsMarshal = "global::System.Runtime.InteropServices.CollectionsMarshal";
    public const string ImmutableCollectionsMarshal = "global::System.Runtime.InteropServices.ImmutableCollectionsMarshal";

    /// <summary>A member name as C# source spells it: keywords get the verbatim '@' prefix.</summary>
    public static string Member(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string ReadOnlySpanOf(string itemType) => "global::System.ReadOnlySpan<" + itemType + ">";

    public static string ListOf(string itemType) => "global::System.Collections.Generic.List<" + itemType + ">";

    public static string ArrayOf(string itemType) => itemType + "[]";

    public static string DictionaryOf(string valueType) => "global::System.Collections.Generic.Dictionary<string, " + valueType + ">";

    public static string ReadOnlyListOf(string itemType) => "global::System.Collections.Generic.IReadOnlyList<" + itemType + ">";
}
