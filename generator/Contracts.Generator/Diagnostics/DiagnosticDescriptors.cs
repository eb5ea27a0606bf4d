using Microsoft.CodeAnalysis;

namespace Contracts.Generator.Diagnostics;

#if CONTRACTS_ANALYZERS
// The analyzers compile these descriptors only for the shared parser and never report them; the generator's release
// file tracks them. The analyzers' own ids (DiagnosticDescriptors.Compatibility.cs) are tracked in theirs.
#pragma warning disable RS2000
#endif

/// <summary>
/// Every diagnostic the contract generator reports. Each id has a page in <c>docs/diagnostics/{id}.md</c> saying what
/// triggers it and how to fix it.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    private const string Category = "Contracts";

    public static readonly DiagnosticDescriptor TypeMustBePartial = Error(
        "CTR0001",
        "Contract type must be partial",
        "'{0}' must be declared partial: the generator adds the contract members to it");

    public static readonly DiagnosticDescriptor GenericContract = Error(
        "CTR0002",
        "Contract type must not be generic",
        "[Message] type '{0}' must not be generic or nested in a generic type: a contract has one fixed schema");

    public static readonly DiagnosticDescriptor InvalidMessageType = Error(
        "CTR0003",
        "Message type name is empty",
        "[Message] on '{0}' needs a non-empty message type name");

    public static readonly DiagnosticDescriptor InvalidMessageVersion = Error(
        "CTR0004",
        "Message version must be 1 or greater",
        "[Message] on '{0}' has version {1}; versions start at 1");

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Error(
        "CTR0005",
        "Member type has no Avro mapping",
        "Member '{0}' of '{2}' has type '{1}', which cannot be mapped to Avro: {3}");

    public static readonly DiagnosticDescriptor KeyMemberNotFound = Error(
        "CTR0006",
        "Key names an unknown member",
        "Key of '{0}' names '{1}', which is not a field of the contract");

    public static readonly DiagnosticDescriptor KeyMemberTypeNotAllowed = Error(
        "CTR0007",
        "Key member type is not a non-null scalar",
        "Key member '{0}' of '{1}' has type '{2}'; key fields must be non-null scalars (string, int, long, bool, Guid, enum, decimal, date and time types)");

    public static readonly DiagnosticDescriptor InvalidAvroName = Error(
        "CTR0008",
        "Invalid Avro name",
        "'{0}' is not a valid Avro {1} for {2}: a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'");

    public static readonly DiagnosticDescriptor DuplicateFieldName = Error(
        "CTR0009",
        "Two members map to one Avro name",
        "Members '{0}' and '{1}' of '{2}' both map to the Avro name '{3}'");

    public static readonly DiagnosticDescriptor NamedTypeConflict = Error(
        "CTR0010",
        "Two types share one Avro name",
        "The Avro name '{0}' is used by both {1} and {2}; give one of them another name with [AvroName]");

    public static readonly DiagnosticDescriptor NoUsableConstructor = Error(
        "CTR0011",
        "No constructor the reader can call",
        "'{0}' has no constructor the generated reader can call: {1}");

    public static readonly DiagnosticDescriptor InvalidDecimal = Error(
        "CTR0012",
        "Invalid decimal precision or scale",
        "[AvroDecimal({0}, {1})] on '{2}' is invalid: {3}");

    public static readonly DiagnosticDescriptor InvalidFixed = Error(
        "CTR0013",
        "Invalid fixed size",
        "[AvroFixed({0})] on '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor InvalidEnumDefault = Error(
        "CTR0014",
        "Enum default is not a member of the enum",
        "[AvroEnumDefault(\"{0}\")] on '{1}' does not name a member of the enum");

    public static readonly DiagnosticDescriptor InvalidDefault = Error(
        "CTR0015",
        "Invalid default value",
        "The default value of '{0}' in '{1}' is invalid for its Avro type {2}: {3}");

    public static readonly DiagnosticDescriptor AttributeNotApplicable = Error(
        "CTR0016",
        "Attribute does not apply to the member type",
        "[{0}] on '{1}' does not apply to its type '{2}'");

    public static readonly DiagnosticDescriptor MemberNotSettable = Error(
        "CTR0017",
        "Member cannot be set by the reader",
        "Member '{0}' of '{1}' cannot be set by the generated reader: {2}");

    public static readonly DiagnosticDescriptor InvalidKey = Error(
        "CTR0018",
        "Invalid key configuration",
        "The key of '{0}' is invalid: {1}");

    public static readonly DiagnosticDescriptor TypeNotAccessible = Error(
        "CTR0019",
        "Contract type is not accessible to generated code",
        "'{0}' cannot be a contract: {1}; the generated codecs and the assembly's catalog can reach only public or internal types");

    public static readonly DiagnosticDescriptor AvscMalformedJson = Error(
        "CTR0020",
        "Schema file is not valid JSON",
        "The schema file is not valid JSON: {0}");

    public static readonly DiagnosticDescriptor AvscInvalidSchema = Error(
        "CTR0021",
        "Invalid Avro schema",
        "Invalid schema at {0}: {1}");

    public static readonly DiagnosticDescriptor AvscUnknownType = Error(
        "CTR0022",
        "Unknown Avro type",
        "Unknown type {0} at {1}: expected a primitive type name, a named type, or an object with \"type\" record, enum, array, map or fixed");

    public static readonly DiagnosticDescriptor AvscUndefinedName = Error(
        "CTR0023",
        "Undefined named type",
        "'{0}' at {1} names no record, enum or fixed defined in any .avsc file of the project{2}");

    public static readonly DiagnosticDescriptor AvscDuplicateName = Error(
        "CTR0024",
        "Duplicate name in schema",
        "{0} at {1} is defined more than once: {2}");

    public static readonly DiagnosticDescriptor AvscInvalidDefault = Error(
        "CTR0025",
        "Invalid default value in schema",
        "The default at {0} is invalid for its type {1}: {2}");

    public static readonly DiagnosticDescriptor AvscInvalidLogicalType = Error(
        "CTR0026",
        "Invalid logical type parameters",
        "The logical type '{0}' at {1} is invalid: {2}");

    public static readonly DiagnosticDescriptor AvscNameClash = Error(
        "CTR0027",
        "Generated name clashes with C# code",
        "{0} at {1} clashes with {2}; {3}");

    public static readonly DiagnosticDescriptor AvscInvalidName = Error(
        "CTR0028",
        "Invalid Avro name in schema",
        "'{0}' at {1} is not a valid Avro {2}: {3}");

    public static readonly DiagnosticDescriptor AvscInvalidContractSetting = Error(
        "CTR0030",
        "Invalid contract setting for a schema file",
        "The contract setting {0} is invalid: {1}");

    public static readonly DiagnosticDescriptor AvscUnsupportedType = Error(
        "CTR0031",
        "Schema type has no C# mapping",
        "The type at {0} cannot be generated: {1}");
    public static readonly DiagnosticDescriptor TopicMustBePartial = Error(
        "CTR0050",
        "Topic class must be partial",
        "'{0}' must be declared partial: the generator adds the topic's descriptor and produce methods to it");

    public static readonly DiagnosticDescriptor GenericTopic = Error(
        "CTR0051",
        "Topic class must not be generic",
        "[Topic] class '{0}' must not be generic or nested in a generic type: a topic has one fixed name and contract list");

    public static readonly DiagnosticDescriptor TopicTypeShape = Error(
        "CTR0052",
        "Topic class must be instantiable",
        "[Topic] class '{0}' must not be {1}: the generated constructor creates instances that hold the producer");

    public static readonly DiagnosticDescriptor InvalidTopicName = Error(
        "CTR0053",
        "Invalid topic name",
        "'{0}' on '{1}' is not a valid topic name: {2}");

    public static readonly DiagnosticDescriptor TopicWithoutContracts = Error(
        "CTR0054",
        "Topic lists no contracts",
        "[Topic] on '{0}' lists no contracts; name the [Message] types the topic carries, e.g. [Topic(\"people\", typeof(PersonV1))]");

    public static readonly DiagnosticDescriptor TopicListsNonContract = Error(
        "CTR0055",
        "Topic lists a type that is not a contract",
        "Topic '{1}' lists '{0}', which is not a [Message] contract");

    public static readonly DiagnosticDescriptor DuplicateTopicContract = Error(
        "CTR0056",
        "Topic lists a message type and version twice",
        "Topic '{0}' lists message type '{1}' version {2} twice ('{3}' and '{4}'); each (type, version) identifies one contract on the wire");

    public static readonly DiagnosticDescriptor UnknownWireFormat = Error(
        "CTR0057",
        "Unknown wire format",
        "[Topic] on '{0}' has wire format {1}, which is not a member of Contracts.Messaging.WireFormat");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
