using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Avsc;

/// <summary>
/// Every .avsc diagnostic, each case a set of schema files with the complete list of diagnostics it must produce (generator
/// and compiling its output), with the file, line and column in the .avsc and the JSON path in the message.
/// </summary>
public sealed class AvscDiagnosticTests
{
    /// <summary>The ids these cases report, for the check that every descriptor is covered.</summary>
    internal static IEnumerable<string> ReportedIds => Cases.Values.SelectMany(c => c.Expected).Select(line => line.Substring(0, 7));

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reports_exactly_the_expected_diagnostics(string caseName)
    {
        var (files, expected) = Cases[caseName];
        var project = new AvscProject();
        foreach (var (path, text) in files)
        {
            project.Schema(path, text);
        }

        var actual = Sorted(project.Run());
        Assert.True(expected.SequenceEqual(actual), "Expected:\n" + string.Join("\n", expected) + "\nActual:\n" + string.Join("\n", actual));
    }

    [Fact]
    public void A_broken_file_does_not_stop_the_other_files_from_generating()
    {
        var run = new AvscProject()
            .Schema("schemas/broken.avsc", "{\"type\": \"record\", \"name\": \"Broken\", \"fields\": [")
            .Schema("schemas/good.avsc", """{"type": "record", "name": "Good", "namespace": "acme", "fields": [{"name": "id", "type": "int"}]}""")
            .Run();

        Assert.Equal(["CTR0020 schemas/broken.avsc(1,49)-(1,49): The schema file is not valid JSON: expected a value but the text ended"], DiagnosticText.FormatAll(run));
        Assert.Contains(run.Result.GeneratedSources, s => s.HintName == "Acme.Good.g.cs");
    }

    [Fact]
    public void A_generated_type_that_clashes_with_a_csharp_type_is_reported_at_the_schema_and_not_generated()
    {
        var run = new AvscProject()
            .Schema("schemas/person.avsc", """{"type": "record", "name": "Person", "namespace": "acme", "fields": [{"name": "name", "type": "string"}]}""")
            .Schema("schemas/color.avsc", """{"type": "enum", "name": "Color", "namespace": "acme", "symbols": ["RED"]}""")
            .Schema("schemas/order.avsc", """{"type": "record", "name": "Order", "namespace": "acme", "fields": [{"name": "id", "type": "string"}]}""")
            .Source("Acme.cs", "namespace Acme; public class Person { } public record Color(int Value); public partial record Order { public string Display => \"#\" + Id; }")
            .Run();

        Assert.Equal(
            [
                "CTR0027 schemas/color.avsc(1,26)-(1,33): The C# type 'Acme.Color' of enum 'acme.Color' at $.name clashes with a record that is not partial declared in C# code (Acme.cs); rename or remove the C# type, or generate another name with \"contracts.typeName\" or ContractsNamespace",
                "CTR0027 schemas/person.avsc(1,28)-(1,36): The C# type 'Acme.Person' of record 'acme.Person' at $.name clashes with a class declared in C# code (Acme.cs); declare it as 'partial record Person' to extend the generated record, or generate another name with \"contracts.typeName\" or ContractsNamespace",
            ],
            Sorted(run));
        Assert.Equal(
            ["Acme.Order.g.cs", "Avsc.Acme.Order.g.cs", "MessageContracts.g.cs"],
            run.Result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_generated_type_that_clashes_with_a_public_type_of_a_referenced_assembly_is_reported_and_not_generated()
    {
        var shared = TestCompilation.Create("Acme.Shared", "namespace Acme { public class Person { } internal class Order { } public enum Color { Red } }");
        var run = new AvscProject()
            .Reference(shared.ToMetadataReference())
            .Schema("schemas/person.avsc", """{"type": "record", "name": "Person", "namespace": "acme", "fields": [{"name": "name", "type": "string"}]}""")
            .Schema("schemas/order.avsc", """{"type": "record", "name": "Order", "namespace": "acme", "fields": [{"name": "id", "type": "string"}]}""")
            .Schema("schemas/color.avsc", """{"type": "enum", "name": "Color", "namespace": "acme.paint", "symbols": ["RED"]}""")
            .Run();

        // Acme.Order is internal to its assembly and Acme.Paint.Color is another namespace: neither clashes.
        Assert.Equal(
            [
                "CTR0027 schemas/person.avsc(1,28)-(1,36): The C# type 'Acme.Person' of record 'acme.Person' at $.name clashes with a class in the referenced assembly Acme.Shared; generate another name with \"contracts.typeName\" or ContractsNamespace",
            ],
            Sorted(run));
        Assert.Equal(
            ["Acme.Order.g.cs", "Avsc.Acme.Order.g.cs", "Avsc.Acme.Paint.Color.g.cs", "MessageContracts.g.cs"],
            run.Result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));
    }

    /// <summary>All diagnostics by file, position and id (diagnostics in additional files have no syntax tree to order by).</summary>
    internal static string[] Sorted(GeneratorRunner run) => run.AllDiagnostics
        .OrderBy(d => d.Location.GetLineSpan().Path, System.StringComparer.Ordinal)
        .ThenBy(d => d.Location.SourceSpan.Start)
        .ThenBy(d => d.Id, System.StringComparer.Ordinal)
        .Select(DiagnosticText.Format)
        .ToArray();

    private static readonly Dictionary<string, ((string Path, string Text)[] Files, string[] Expected)> Cases = new()
    {
        ["CTR0020 malformed JSON"] = (
            [("schemas/bad.avsc", "{\n  \"type\": \"record\",\n  \"name\": 'Person'\n}")],
            ["CTR0020 schemas/bad.avsc(3,11)-(3,12): The schema file is not valid JSON: unexpected character '''"]),
        ["CTR0021 structure"] = (
            [("schemas/bad.avsc", """
                {"type": "record", "name": "Person", "fields": [
                  {"name": "a"},
                  {"name": "b", "type": {"type": "array"}},
                  {"name": "c", "type": {"type": "enum", "name": "E"}},
                  {"name": "d", "type": {"type": "fixed", "name": "F", "size": -1}},
                  {"name": "e", "type": ["int", "int"]},
                  {"name": "f", "type": ["null", ["int"]]},
                  "g"
                ]}
                """)],
            [
                "CTR0021 schemas/bad.avsc(2,3)-(2,16): Invalid schema at $.fields[0]: field 'a' needs a \"type\"",
                "CTR0021 schemas/bad.avsc(3,25)-(3,42): Invalid schema at $.fields[1].type: an array needs \"items\"",
                "CTR0021 schemas/bad.avsc(4,25)-(4,54): Invalid schema at $.fields[2].type: an enum needs a \"symbols\" array",
                "CTR0021 schemas/bad.avsc(5,64)-(5,66): Invalid schema at $.fields[3].type: a fixed needs a \"size\": a whole number of bytes, 1 or more",
                "CTR0021 schemas/bad.avsc(6,33)-(6,38): Invalid schema at $.fields[4].type[1]: a union may not contain two branches of the same type (int)",
                "CTR0021 schemas/bad.avsc(7,34)-(7,41): Invalid schema at $.fields[5].type[1]: a union may not directly contain another union",
                "CTR0021 schemas/bad.avsc(8,3)-(8,6): Invalid schema at $.fields[6]: a field is an object with \"name\" and \"type\"",
            ]),
        ["CTR0022 unknown type"] = (
            [("schemas/bad.avsc", """
                {"type": "record", "name": "Person", "fields": [
                  {"name": "a", "type": 42},
                  {"name": "b", "type": "array"},
                  {"name": "c", "type": {"type": "union"}}
                ]}
                """)],
            [
                "CTR0022 schemas/bad.avsc(2,25)-(2,27): Unknown type 42 at $.fields[0].type: expected a primitive type name, a named type, or an object with \"type\" record, enum, array, map or fixed",
                "CTR0022 schemas/bad.avsc(3,25)-(3,32): Unknown type \"array\" at $.fields[1].type: expected a primitive type name, a named type, or an object with \"type\" record, enum, array, map or fixed",
                "CTR0022 schemas/bad.avsc(4,34)-(4,41): Unknown type \"union\" at $.fields[2].type.type: expected a primitive type name, a named type, or an object with \"type\" record, enum, array, map or fixed",
            ]),
        ["CTR0023 undefined reference"] = (
            [
                ("schemas/person.avsc", """
                    {"type": "record", "name": "Person", "namespace": "acme", "fields": [
                      {"name": "name", "type": "strng"},
                      {"name": "home", "type": "Adress"},
                      {"name": "work", "type": {"type": "array", "items": "acme.common.Office"}}
                    ]}
                    """),
                ("schemas/address.avsc", """{"type": "record", "name": "Address", "namespace": "acme", "fields": [{"name": "street", "type": "string"}]}"""),
            ],
            [
                "CTR0023 schemas/person.avsc(2,28)-(2,35): 'acme.strng' at $.fields[0].type names no record, enum or fixed defined in any .avsc file of the project; did you mean 'string'?",
                "CTR0023 schemas/person.avsc(3,28)-(3,36): 'acme.Adress' at $.fields[1].type names no record, enum or fixed defined in any .avsc file of the project; did you mean 'acme.Address'?",
                "CTR0023 schemas/person.avsc(4,55)-(4,75): 'acme.common.Office' at $.fields[2].type.items names no record, enum or fixed defined in any .avsc file of the project",
            ]),
        ["CTR0024 duplicate names"] = (
            [
                ("schemas/a.avsc", """
                    {"type": "record", "name": "Person", "namespace": "acme", "fields": [
                      {"name": "id", "type": "int"},
                      {"name": "id", "type": "long"},
                      {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B", "A"]}},
                      {"name": "again", "type": {"type": "fixed", "name": "Person", "size": 4}}
                    ]}
                    """),
                ("schemas/b.avsc", """{"type": "enum", "name": "Color", "namespace": "acme", "symbols": ["RED"]}"""),
                ("schemas/c.avsc", """{"type": "enum", "name": "Color", "namespace": "acme", "symbols": ["RED", "GREEN"]}"""),
            ],
            [
                "CTR0024 schemas/a.avsc(3,12)-(3,16): Field 'id' at $.fields[1] is defined more than once: a record's field names must be unique",
                "CTR0024 schemas/a.avsc(4,83)-(4,86): Symbol 'A' at $.fields[2].type.symbols[2] is defined more than once: an enum's symbols must be unique",
                "CTR0024 schemas/a.avsc(5,55)-(5,63): 'acme.Person' at $.fields[3].type.name is defined more than once: a schema may define a name only once; refer to the earlier definition by its name",
                "CTR0024 schemas/c.avsc(1,26)-(1,33): 'acme.Color' at $.name is defined more than once: schemas/b.avsc defines it differently (at $); give one of them another name or namespace, or make the definitions identical",
            ]),
        ["CTR0025 invalid defaults"] = (
            [("schemas/bad.avsc", """
                {"type": "record", "name": "Defaults", "fields": [
                  {"name": "count", "type": "int", "default": "seven"},
                  {"name": "maybe", "type": ["null", "int"], "default": 5},
                  {"name": "big", "type": "int", "default": 3000000000},
                  {"name": "tags", "type": {"type": "array", "items": "string"}, "default": [1]},
                  {"name": "point", "type": {"type": "record", "name": "Point", "fields": [{"name": "x", "type": "int"}]}, "default": {}},
                  {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A"], "default": "Z"}}
                ]}
                """)],
            [
                "CTR0025 schemas/bad.avsc(2,47)-(2,54): The default at $.fields[0].default is invalid for its type int: expected an integer between -2147483648 and 2147483647",
                "CTR0025 schemas/bad.avsc(3,57)-(3,58): The default at $.fields[1].default is invalid for its type [null,int]: a nullable field's default must be null, because the first branch of its union is \"null\"",
                "CTR0025 schemas/bad.avsc(4,45)-(4,55): The default at $.fields[2].default is invalid for its type int: expected an integer between -2147483648 and 2147483647",
                "CTR0025 schemas/bad.avsc(5,77)-(5,80): The default at $.fields[3].default is invalid for its type array<string>: item 0: expected a string",
                "CTR0025 schemas/bad.avsc(6,119)-(6,121): The default at $.fields[4].default is invalid for its type Point: field \"x\": it has no default",
                "CTR0025 schemas/bad.avsc(7,90)-(7,93): The default at $.fields[5].type.default is invalid for its type enum Kind: an enum's default must be one of its symbols",
            ]),
        ["CTR0026 decimal parameters"] = (
            [("schemas/bad.avsc", """
                {"type": "record", "name": "Money", "fields": [
                  {"name": "a", "type": {"type": "bytes", "logicalType": "decimal"}},
                  {"name": "b", "type": {"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 6}},
                  {"name": "c", "type": {"type": "bytes", "logicalType": "decimal", "precision": 40}},
                  {"name": "d", "type": {"type": "bytes", "logicalType": "decimal", "precision": 38, "scale": 30}}
                ]}
                """)],
            [
                "CTR0026 schemas/bad.avsc(2,25)-(2,68): The logical type 'decimal' at $.fields[0].type is invalid: \"precision\" is required",
                "CTR0026 schemas/bad.avsc(3,94)-(3,95): The logical type 'decimal' at $.fields[1].type.scale is invalid: scale must not exceed precision",
                "CTR0026 schemas/bad.avsc(4,82)-(4,84): The logical type 'decimal' at $.fields[2].type.precision is invalid: precision must be at most 38, the most System.Decimal can carry",
                "CTR0026 schemas/bad.avsc(5,95)-(5,97): The logical type 'decimal' at $.fields[3].type.scale is invalid: scale must be at most 28, the most System.Decimal can hold",
            ]),
        ["CTR0027 member name clashes"] = (
            [("schemas/bad.avsc", """
                {"type": "record", "name": "Person", "fields": [
                  {"name": "first_name", "type": "string"},
                  {"name": "firstName", "type": "string"},
                  {"name": "person", "type": "string"},
                  {"name": "descriptor", "type": "string"},
                  {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["IN_PROGRESS", "InProgress"]}}
                ]}
                """)],
            [
                "CTR0027 schemas/bad.avsc(3,12)-(3,23): The C# property 'FirstName' of field 'firstName' at $.fields[1] clashes with the property of field 'first_name'; set \"contracts.memberName\" on one of the fields to choose another property name",
                "CTR0027 schemas/bad.avsc(4,12)-(4,20): The C# property 'Person' of field 'person' at $.fields[2] clashes with its enclosing type's name (CS0542); set \"contracts.memberName\" on the field to choose another property name",
                "CTR0027 schemas/bad.avsc(5,12)-(5,24): The C# property 'Descriptor' of field 'descriptor' at $.fields[3] clashes with a member every generated record has; set \"contracts.memberName\" on the field to choose another property name",
                "CTR0027 schemas/bad.avsc(6,88)-(6,100): The C# enum member 'InProgress' of symbol 'InProgress' at $.fields[4].type.symbols[1] clashes with the member of symbol 'IN_PROGRESS'; rename one of the symbols",
            ]),
        ["CTR0028 invalid names"] = (
            [("schemas/bad.avsc", """
                {"type": "record", "name": "Person", "namespace": "acme", "fields": [
                  {"name": "first-name", "type": "string"},
                  {"name": "a", "type": {"type": "record", "name": "int", "fields": []}},
                  {"name": "b", "type": {"type": "enum", "name": "E", "symbols": ["ok", "not ok"]}},
                  {"name": "c", "type": {"type": "record", "name": "R", "namespace": "acme..x", "fields": []}},
                  {"name": "d", "type": "acme.9lives"}
                ]}
                """)],
            [
                "CTR0028 schemas/bad.avsc(2,12)-(2,24): 'first-name' at $.fields[0].name is not a valid Avro field name: a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'",
                "CTR0028 schemas/bad.avsc(3,52)-(3,57): 'int' at $.fields[1].type.name is not a valid Avro record name: primitive type names are reserved",
                "CTR0028 schemas/bad.avsc(4,73)-(4,81): 'not ok' at $.fields[2].type.symbols[1] is not a valid Avro enum symbol: a symbol starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'",
                "CTR0028 schemas/bad.avsc(5,70)-(5,79): '\"acme..x\"' at $.fields[3].type.namespace is not a valid Avro namespace: a namespace is names joined by '.', each starting with an ASCII letter or '_' and continuing with ASCII letters, digits or '_'",
                "CTR0028 schemas/bad.avsc(6,25)-(6,38): 'acme.9lives' at $.fields[4].type is not a valid Avro type name: a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'; a namespace is such names joined by '.'",
            ]),
        ["CTR0030 contract settings"] = (
            [
                ("schemas/a.avsc", """{"type": "record", "name": "A", "contracts.version": 0, "fields": []}"""),
                ("schemas/b.avsc", """{"type": "record", "name": "B", "contracts.key": "missing", "fields": [{"name": "id", "type": "int"}]}"""),
                ("schemas/c.avsc", """{"type": "record", "name": "C", "contracts.key": "tags", "fields": [{"name": "tags", "type": {"type": "array", "items": "string"}}]}"""),
                ("schemas/d.avsc", """{"type": "record", "name": "D", "contracts.key": "id", "contracts.keyFormat": "json", "fields": [{"name": "id", "type": "int"}]}"""),
                ("schemas/e.avsc", """{"type": "record", "name": "E", "contracts.messageType": "", "fields": []}"""),
            ],
            [
                "CTR0030 schemas/a.avsc(1,54)-(1,55): The contract setting \"contracts.version\" at $.contracts.version is invalid: expected a whole number of 1 or more",
                "CTR0030 schemas/b.avsc(1,50)-(1,59): The contract setting key is invalid: 'missing' is not a field of B",
                "CTR0030 schemas/c.avsc(1,50)-(1,56): The contract setting key is invalid: field 'tags' has type System.Collections.Generic.IReadOnlyList<string>; key fields must be non-null scalars (string, int, long, boolean, uuid, enum, decimal, date and time types)",
                "CTR0030 schemas/d.avsc(1,79)-(1,85): The contract setting \"contracts.keyFormat\" at $.contracts.keyFormat is invalid: expected \"record\" or \"plain\"",
                "CTR0030 schemas/e.avsc(1,58)-(1,60): The contract setting \"contracts.messageType\" at $.contracts.messageType is invalid: expected a non-empty string",
            ]),
        ["CTR0031 unsupported types"] = (
            [("schemas/bad.avsc", """
                {"type": "record", "name": "Odd", "fields": [
                  {"name": "nothing", "type": "null"},
                  {"name": "money", "type": {"type": "fixed", "name": "Money", "size": 16, "logicalType": "decimal", "precision": 20, "scale": 2}}
                ]}
                """)],
            [
                "CTR0031 schemas/bad.avsc(2,31)-(2,37): The type at $.fields[0].type cannot be generated: a value of type \"null\" carries no data; use a [\"null\", T] union",
            ]),
        ["CTR0026 decimal on a fixed"] = (
            [("schemas/bad.avsc", """
                {"type": "record", "name": "Ledger", "fields": [
                  {"name": "small", "type": {"type": "fixed", "name": "Small", "size": 4, "logicalType": "decimal", "precision": 10, "scale": 2}},
                  {"name": "noPrecision", "type": {"type": "fixed", "name": "Bare", "size": 8, "logicalType": "decimal"}},
                  {"name": "ok", "type": {"type": "fixed", "name": "Cents", "size": 4, "logicalType": "decimal", "precision": 9, "scale": 2}}
                ]}
                """)],
            [
                "CTR0026 schemas/bad.avsc(2,114)-(2,116): The logical type 'decimal' at $.fields[0].type.precision is invalid: a fixed of 4 bytes holds at most 9 digits; lower the precision or enlarge the fixed",
                "CTR0026 schemas/bad.avsc(3,35)-(3,105): The logical type 'decimal' at $.fields[1].type is invalid: \"precision\" is required",
            ]),
    };
}
