using System;

namespace Contracts;

/// <summary>
/// Declares a partial record (or class) as a message contract: the build emits its Avro schema, key schema,
/// Avro binary and JSON envelope codecs, and a <see cref="MessageDescriptor{T}"/> reachable as <c>T.Descriptor</c>.
/// </summary>
/// <example><code>[Message("person", 2, Key = nameof(Id))] public partial record PersonV2(Guid Id, string Name);</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class MessageAttribute : Attribute
{
    /// <param name="type">The message type name carried on the wire (<c>message-type</c> header, envelope <c>"type"</c>).</param>
    /// <param name="version">The version of this shape of the message type, 1 or greater.</param>
    public MessageAttribute(string type, int version)
    {
        Type = type;
        Version = version;
    }

    /// <summary>The message type name carried on the wire.</summary>
    public string Type { get; }

    /// <summary>The version of this shape of the message type.</summary>
    public int Version { get; }

    /// <summary>
    /// The member (or comma-separated members) whose values form the message key, e.g. <c>nameof(Id)</c>.
    /// Without it the message has no key (<see cref="KeyFormat.None"/>).
    /// </summary>
    public string? Key { get; set; }

    /// <summary>How the key is encoded; defaults to <see cref="KeyFormat.Record"/> when <see cref="Key"/> is set.</summary>
    public KeyFormat KeyFormat { get; set; } = KeyFormat.Record;

    /// <summary>
    /// The Avro record name. Defaults to the type name with a trailing <c>V{version}</c> removed
    /// (<c>PersonV2</c> becomes <c>Person</c>), so that every version of a message type shares one Avro name
    /// and Avro schema resolution can match them.
    /// </summary>
    public string? SchemaName { get; set; }

    /// <summary>The Avro namespace. Defaults to the C# namespace.</summary>
    public string? SchemaNamespace { get; set; }

    /// <summary>
    /// How this version must relate to the earlier versions of its message type; defaults to
    /// <see cref="CompatibilityLevel.Project"/> (the project's <c>ContractsCompatibility</c> property, else
    /// <see cref="CompatibilityLevel.Backward"/>). Checked at build time, see docs/compatibility.md.
    /// </summary>
    public CompatibilityLevel Compatibility { get; set; } = CompatibilityLevel.Project;

    /// <summary>How member names become Avro field names; defaults to <see cref="FieldNaming.CamelCase"/>.</summary>
    public FieldNaming FieldNaming { get; set; } = FieldNaming.CamelCase;
}
