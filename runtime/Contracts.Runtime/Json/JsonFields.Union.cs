using System.Text.Json;

namespace Contracts.Json;

public static partial class JsonFields
{
    /// <summary>
    /// Moves from the <c>{</c> of a union value (the Avro JSON encoding, <c>{"branch name": value}</c>) to its one
    /// property name; <paramref name="branchNames"/> lists the names the union accepts, for the error.
    /// </summary>
    public static void ExpectUnionBranch(ref Utf8JsonReader reader, string branchNames)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonErrors.Unexpected(ref reader, "a union value, an object with one property naming its branch (" + branchNames + ")");
        }

        if (!NextProperty(ref reader))
        {
            throw JsonErrors.At(ref reader, "the union value {} names no branch; expected one property named " + branchNames + ".");
        }
    }

    /// <summary>The error for a union value whose property names no branch of the union; the reader is on the property name.</summary>
    public static ContractDecodeException UnknownUnionBranch(ref Utf8JsonReader reader, string branchNames)
    {
        var name = TryGetString(ref reader);
        return JsonErrors.At(ref reader, (name is null ? "the property" : "\"" + name + "\"") +
            " is not a branch of the union; expected " + branchNames + ".");
    }

    /// <summary>
    /// Moves past the branch value to the union object's <c>}</c>, refusing a second property: a union value holds
    /// exactly one branch.
    /// </summary>
    public static void ExpectUnionEnd(ref Utf8JsonReader reader)
    {
        if (NextProperty(ref reader))
        {
            var name = TryGetString(ref reader);
            throw JsonErrors.At(ref reader, "a union value names exactly one branch, but the object has a second property" +
                (name is null ? "." : " \"" + name + "\"."));
        }
    }
}
