using System.Collections.Generic;

namespace Contracts.Compatibility.Tests.Oracle;

/// <summary>
/// Schema pairs written by hand, a few per rule of Avro schema resolution. The oracle test runs each in both
/// directions (a then b as reader, b then a), so every pair is two cases.
/// </summary>
internal static class HandWrittenPairs
{
    public static IEnumerable<(string Rule, string A, string B)> All()
    {
        string[] primitives = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];
        foreach (var a in primitives)
        {
            foreach (var b in primitives)
            {
                if (string.CompareOrdinal(a, b) < 0)
                {
                    yield return ("primitive " + a + "/" + b, Q(a), Q(b));
                }
            }
        }

        // Logical types never change the verdict.
        yield return ("logical date/int", """{"type":"int","logicalType":"date"}""", Q("int"));
        yield return ("logical millis/micros", """{"type":"long","logicalType":"timestamp-millis"}""", """{"type":"long","logicalType":"timestamp-micros"}""");
        yield return ("logical date/timestamp", """{"type":"int","logicalType":"date"}""", """{"type":"long","logicalType":"timestamp-millis"}""");
        yield return ("decimal scale", """{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}""", """{"type":"bytes","logicalType":"decimal","precision":9,"scale":4}""");
        yield return ("decimal bytes/fixed", """{"type":"bytes","logicalType":"decimal","precision":4,"scale":2}""", """{"type":"fixed","name":"D","size":4,"logicalType":"decimal","precision":4,"scale":2}""");
        yield return ("uuid/string", """{"type":"string","logicalType":"uuid"}""", Q("string"));
        yield return ("uuid/bytes", """{"type":"string","logicalType":"uuid"}""", Q("bytes"));

        // Records: fields by name, aliases, defaults.
        yield return ("field added no default", R("P", F("a", "int")), R("P", F("a", "int"), F("b", "string")));
        yield return ("field added with default", R("P", F("a", "int")), R("P", F("a", "int"), D("b", "string", "\"x\"")));
        yield return ("field added null default", R("P", F("a", "int")), R("P", F("a", "int"), D("b", """["null","string"]""", "null")));
        yield return ("field removed", R("P", F("a", "int"), F("b", "int")), R("P", F("b", "int")));
        yield return ("field renamed", R("P", F("a", "int")), R("P", F("b", "int")));
        yield return ("field renamed alias", R("P", F("a", "int")), R("P", """{"name":"b","type":"int","aliases":["a"]}"""));
        yield return ("field renamed alias promoted", R("P", F("a", "int")), R("P", """{"name":"b","type":"long","aliases":["a"]}"""));
        yield return ("field alias and name both", R("P", F("a", "int"), F("b", "string")), R("P", """{"name":"b","type":"string","aliases":["a"]}"""));
        yield return ("field alias type wrong", R("P", F("a", "boolean")), R("P", """{"name":"b","type":"int","aliases":["a"]}"""));
        yield return ("field reordered", R("P", F("a", "int"), F("b", "string")), R("P", F("b", "string"), F("a", "int")));
        yield return ("field promoted", R("P", F("a", "int")), R("P", F("a", "double")));
        yield return ("field made nullable", R("P", F("a", "string")), R("P", F("a", """["null","string"]""")));
        yield return ("field made nullable default", R("P", F("a", "string")), R("P", D("a", """["null","string"]""", "null")));
        yield return ("empty records", R("P"), R("P"));
        yield return ("empty vs default", R("P"), R("P", D("a", "int", "1")));
        yield return ("record renamed", R("P", F("a", "int")), R("Q", F("a", "int")));
        yield return ("record renamed alias", R("P", F("a", "int")), """{"type":"record","name":"Q","aliases":["P"],"fields":[{"name":"a","type":"int"}]}""");
        yield return ("record namespace changed", """{"type":"record","name":"P","namespace":"a","fields":[]}""", """{"type":"record","name":"P","namespace":"b","fields":[]}""");
        yield return ("record renamed namespaced alias", """{"type":"record","name":"P","namespace":"a","fields":[]}""", """{"type":"record","name":"Q","namespace":"b","aliases":["a.P"],"fields":[]}""");
        yield return ("record alias wrong namespace", """{"type":"record","name":"P","namespace":"a","fields":[]}""", """{"type":"record","name":"Q","namespace":"b","aliases":["c.P"],"fields":[]}""");
        yield return ("nested record field added", R("P", F("n", R("N", F("x", "int")))), R("P", F("n", R("N", F("x", "int"), F("y", "int")))));
        yield return ("nested record field default", R("P", F("n", R("N", F("x", "int")))), R("P", F("n", R("N", F("x", "int"), D("y", "int", "0")))));
        yield return ("record vs map", R("P", F("a", "int")), """{"type":"map","values":"int"}""");
        yield return ("record vs string", R("P"), Q("string"));
        yield return ("recursive list promoted", R("L", F("v", "int"), D("next", """["null","L"]""", "null")), R("L", F("v", "long"), D("next", """["null","L"]""", "null")));
        yield return ("recursive list field added", R("L", D("next", """["null","L"]""", "null")), R("L", D("next", """["null","L"]""", "null"), F("x", "int")));
        yield return ("recursive tree", R("T", F("kids", """{"type":"array","items":"T"}""")), R("T", F("kids", """{"type":"array","items":"T"}"""), D("w", "float", "0")));

        // Enums.
        yield return ("enum same", E("C", "A", "B"), E("C", "A", "B"));
        yield return ("enum reordered", E("C", "A", "B"), E("C", "B", "A"));
        yield return ("enum symbol added", E("C", "A"), E("C", "A", "B"));
        yield return ("enum symbol added default", """{"type":"enum","name":"C","symbols":["A","U"],"default":"U"}""", E("C", "A", "B"));
        yield return ("enum disjoint default", """{"type":"enum","name":"C","symbols":["U"],"default":"U"}""", E("C", "A", "B"));
        yield return ("enum both default", """{"type":"enum","name":"C","symbols":["A","U"],"default":"U"}""", """{"type":"enum","name":"C","symbols":["A","B","U"],"default":"A"}""");
        yield return ("enum renamed", E("C", "A"), E("K", "A"));
        yield return ("enum renamed alias", E("C", "A"), """{"type":"enum","name":"K","aliases":["C"],"symbols":["A"]}""");
        yield return ("enum vs string", E("C", "A"), Q("string"));
        yield return ("enum field symbol added", R("P", F("c", E("C", "A"))), R("P", F("c", E("C", "A", "B"))));
        yield return ("enum reader field missing", R("P"), R("P", F("c", """{"type":"enum","name":"C","symbols":["A"],"default":"A"}""")));

        // Fixed.
        yield return ("fixed same", X("H", 4), X("H", 4));
        yield return ("fixed size", X("H", 4), X("H", 8));
        yield return ("fixed renamed", X("H", 4), X("G", 4));
        yield return ("fixed renamed alias", X("H", 4), """{"type":"fixed","name":"G","aliases":["H"],"size":4}""");
        yield return ("fixed renamed and resized", X("H", 4), X("G", 5));
        yield return ("fixed vs bytes", X("H", 4), Q("bytes"));
        yield return ("fixed empty", X("H", 0), X("H", 0));

        // Arrays and maps.
        yield return ("array promoted", A("int"), A("long"));
        yield return ("array of strings/bytes", A("string"), A("bytes"));
        yield return ("array incompatible items", A("int"), A("string"));
        yield return ("array nested", """{"type":"array","items":{"type":"array","items":"int"}}""", """{"type":"array","items":{"type":"array","items":"double"}}""");
        yield return ("array of records", A(R("I", F("a", "int"))), A(R("I", F("a", "int"), F("b", "int"))));
        yield return ("map promoted", M("float"), M("double"));
        yield return ("map incompatible", M("boolean"), M("int"));
        yield return ("map of enums", M(E("C", "A")), M(E("C", "A", "B")));
        yield return ("array vs map", A("int"), M("int"));
        yield return ("map of unions", M("""["null","int"]"""), M("""["null","long"]"""));

        // Unions.
        yield return ("union same", U("null", "int"), U("null", "int"));
        yield return ("union reordered", U("null", "int"), U("int", "null"));
        yield return ("union branch added", U("null", "int"), U("null", "int", "string"));
        yield return ("union promoted branch", U("null", "int"), U("null", "long"));
        yield return ("union vs branch", U("null", "int"), Q("int"));
        yield return ("union vs other", U("null", "int"), Q("string"));
        yield return ("union vs promotable", U("null", "double"), Q("long"));
        yield return ("union single branch", U("int"), Q("int"));
        yield return ("union of records", "[\"null\"," + R("A", F("x", "int")) + "]", R("A", F("x", "int")));
        yield return ("union record needs default", "[\"null\"," + R("A", F("x", "int"), F("y", "int")) + "]", R("A", F("x", "int")));
        yield return ("union two records", "[" + R("A", F("x", "int")) + "," + R("B", F("y", "int")) + "]", R("B", F("y", "int")));
        yield return ("union two records renamed", "[" + R("A", F("x", "int")) + "," + R("B", F("y", "int")) + "]", R("C", F("y", "int")));
        yield return ("union enum branches", "[\"null\"," + E("C", "A") + "]", "[\"null\"," + E("C", "A", "B") + "]");
        yield return ("union string bytes", U("null", "bytes"), U("null", "string"));
        yield return ("empty union", "[]", Q("int"));
        yield return ("union numeric ladder", U("int", "long", "float", "double"), U("long", "double"));
        yield return ("union array map", "[{\"type\":\"array\",\"items\":\"int\"},\"null\"]", "[{\"type\":\"map\",\"values\":\"int\"},\"null\"]");
    }

    private static string Q(string type) => "\"" + type + "\"";

    private static string T(string type) => type.StartsWith('{') || type.StartsWith('[') || type.StartsWith('"') ? type : Q(type);

    private static string F(string name, string type) => "{\"name\":\"" + name + "\",\"type\":" + T(type) + "}";

    private static string D(string name, string type, string defaultJson) => "{\"name\":\"" + name + "\",\"type\":" + T(type) + ",\"default\":" + defaultJson + "}";

    private static string R(string name, params string[] fields) => "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + string.Join(",", fields) + "]}";

    private static string E(string name, params string[] symbols) => "{\"type\":\"enum\",\"name\":\"" + name + "\",\"symbols\":[" + string.Join(",", System.Array.ConvertAll(symbols, Q)) + "]}";

    private static string X(string name, int size) => "{\"type\":\"fixed\",\"name\":\"" + name + "\",\"size\":" + size + "}";

    private static string A(string items) => "{\"type\":\"array\",\"items\":" + T(items) + "}";

    private static string M(string values) => "{\"type\":\"map\",\"values\":" + T(values) + "}";

    private static string U(params string[] branches) => "[" + string.Join(",", System.Array.ConvertAll(branches, T)) + "]";
}
