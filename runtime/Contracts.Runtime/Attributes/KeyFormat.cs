namespace Contracts;

/// <summary>How a message key is put on the wire (deimos' key configs).</summary>
public enum KeyFormat
{
    /// <summary>The message has no key.</summary>
    None = 0,

    /// <summary>The key is an Avro record holding just the key field(s), with its own key schema.</summary>
    Record = 1,

    /// <summary>The key is the key field's value as UTF-8 text (several fields are joined with <c>'|'</c>).</summary>
    Plain = 2,
}
