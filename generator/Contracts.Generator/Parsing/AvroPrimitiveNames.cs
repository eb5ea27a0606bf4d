using System.Collections.Generic;

namespace Contracts.Generator.Parsing;

/// <summary>
/// The Avro primitive type names in the specification's order: the one list the contract model
/// (<c>Model.AvroKind</c>) and the compatibility checker's model (<c>Compatibility.AvroSchemaType</c>) both use. Each
/// enum declares its primitive kinds first and in this order, so a primitive converts to and from its name by index
/// while the two models stay independent of each other (tests pin the order).
/// </summary>
internal static class AvroPrimitiveNames
{
    private static readonly string[] Names = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];

    public static IReadOnlyList<string> All => Names;

    /// <summary>The primitive's position (its enum value in either model), or -1 for any other name.</summary>
    public static int IndexOf(string name) => System.Array.IndexOf(Names, name);
}
