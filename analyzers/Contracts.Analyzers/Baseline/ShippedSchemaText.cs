using System.Text;
using Contracts.Generator.Parsing;

namespace Contracts.Analyzers.Baseline;

/// <summary>
/// The text of a shipped schema file: the contract's full Avro schema (the generator's own JSON, key order kept),
/// indented two spaces per level (arrays of plain values on one line) so a baseline change reads well in review,
/// ending with a newline.
/// </summary>
internal static class ShippedSchemaText
{
    public static string Format(JsonNode schema)
    {
        var builder = new StringBuilder();
        Write(schema, builder, 0);
        return builder.Append('\n').ToString();
    }

    private static void Write(JsonNode node, StringBuilder builder, int depth)
    {
        switch (node.Kind)
        {
            case JsonNodeKind.Object when node.Properties.Count > 0:
                builder.Append("{\n");
                for (var i = 0; i < node.Properties.Count; i++)
                {
                    Indent(builder, depth + 1).Append(JsonNode.Quote(node.Properties[i].Key)).Append(": ");
                    Write(node.Properties[i].Value, builder, depth + 1);
                    builder.Append(i < node.Properties.Count - 1 ? ",\n" : "\n");
                }

                Indent(builder, depth).Append('}');
                break;
            case JsonNodeKind.Array when node.Items.Count > 0 && node.Items.TrueForAll(item => item.Kind is not (JsonNodeKind.Array or JsonNodeKind.Object)):
                // Unions of primitives and symbol lists stay on one line: ["null", "string"].
                builder.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    builder.Append(i > 0 ? ", " : string.Empty).Append(node.Items[i].ToCompactJson());
                }

                builder.Append(']');
                break;
            case JsonNodeKind.Array when node.Items.Count > 0:
                builder.Append("[\n");
                for (var i = 0; i < node.Items.Count; i++)
                {
                    Indent(builder, depth + 1);
                    Write(node.Items[i], builder, depth + 1);
                    builder.Append(i < node.Items.Count - 1 ? ",\n" : "\n");
                }

                Indent(builder, depth).Append(']');
                break;
            default:
                builder.Append(node.ToCompactJson());
                break;
        }
    }

    private static StringBuilder Indent(StringBuilder builder, int depth) => builder.Append(' ', depth * 2);
}
