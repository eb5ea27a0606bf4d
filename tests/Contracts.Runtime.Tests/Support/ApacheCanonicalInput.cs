using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Contracts.Runtime.Tests.Support;

/// <summary>
/// Schema text to hand Apache.Avro 1.12.2 when comparing with its Parsing Canonical Form. The canonical form strips
/// logical types anyway ([STRIP] in the specification), but Apache writes a fixed that carries one (a decimal on fixed)
/// as a bare name reference, without its definition; removing the logical type first gives the specification's form.
/// </summary>
internal static class ApacheCanonicalInput
{
    /// <summary><paramref name="schemaJson"/> with <c>"logicalType"</c> removed from every fixed definition.</summary>
    public static string WithoutFixedLogicalTypes(string schemaJson)
    {
        var root = JsonNode.Parse(schemaJson);
        Strip(root);
        return root!.ToJsonString();

        static void Strip(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "fixed")
                    {
                        obj.Remove("logicalType");
                    }

                    foreach (var property in obj.ToArray())
                    {
                        Strip(property.Value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Strip(item);
                    }

                    break;
            }
        }
    }
}
