using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Diagnostics;

/// <summary>
/// Every diagnostic id, triggered by the sources in <see cref="DiagnosticCases"/>. Each case asserts the complete list of
/// diagnostics (generator and compilation of its output), with location and message, so nothing extra slips through.
/// </summary>
public sealed class DiagnosticTests
{
    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in Expected.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reports_exactly_the_expected_diagnostics(string caseName)
    {
        var source = DiagnosticCases.Sources[caseName];
        var run = DiagnosticCases.ExtraFiles.TryGetValue(caseName, out var extra) ? GeneratorRunner.Run(source, extra) : GeneratorRunner.Run(source);

        Assert.Equal(Expected[caseName], DiagnosticText.FormatAll(run));
    }

    [Fact]
    public void Every_case_has_expectations_and_every_descriptor_is_covered()
    {
        Assert.Equal(System.Linq.Enumerable.OrderBy(DiagnosticCases.Sources.Keys, k => k), System.Linq.Enumerable.OrderBy(Expected.Keys, k => k));
        var reported = new System.Collections.Generic.HashSet<string>(System.Linq.Enumerable.SelectMany(Expected.Values, lines => System.Linq.Enumerable.Select(lines, l => l.Substring(0, 7))));
        reported.UnionWith(Avsc.AvscDiagnosticTests.ReportedIds);
        foreach (var field in typeof(global::Contracts.Generator.Diagnostics.DiagnosticDescriptors).GetFields())
        {
            var descriptor = (Microsoft.CodeAnalysis.DiagnosticDescriptor)field.GetValue(null)!;
            Assert.Contains(descriptor.Id, reported);
            Assert.Equal("Contracts", descriptor.Category);
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics", descriptor.Id + ".md")), "No docs page for " + descriptor.Id);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new System.IO.DirectoryInfo(System.AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "Contracts.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new System.InvalidOperationException("Contracts.sln not found above " + System.AppContext.BaseDirectory);
    }

    private static readonly System.Collections.Generic.Dictionary<string, string[]> Expected = new()
    {
        ["CTR0001 type not partial"] =
        [
            """
            CTR0001 Source0.cs(3,15)-(3,23): 'PersonV1' must be declared partial: the generator adds the contract members to it
            """,
        ],
        ["CTR0001 containing type not partial"] =
        [
            """
            CTR0001 Source0.cs(2,21)-(2,26): 'Outer' must be declared partial: the generator adds the contract members to it
            """,
        ],
        ["CTR0002 generic"] =
        [
            """
            CTR0002 Source0.cs(3,23)-(3,28): [Message] type 'BoxV1<T>' must not be generic or nested in a generic type: a contract has one fixed schema
            """,
            """
            CTR0002 Source0.cs(7,27)-(7,34): [Message] type 'Outer<T>.InnerV1' must not be generic or nested in a generic type: a contract has one fixed schema
            """,
        ],
        ["CTR0003 CTR0004 type and version"] =
        [
            """
            CTR0003 Source0.cs(2,10)-(2,13): [Message] on 'PersonV1' needs a non-empty message type name
            """,
            """
            CTR0004 Source0.cs(2,15)-(2,16): [Message] on 'PersonV1' has version 0; versions start at 1
            """,
        ],
        ["CTR0005 unsupported scalars"] =
        [
            """
            CTR0005 Source0.cs(4,36)-(4,39): Member 'Any' of 'BadV1' has type 'object', which cannot be mapped to Avro: 'object' carries no schema; use a concrete type
            """,
            """
            CTR0005 Source0.cs(4,46)-(4,52): Member 'Letter' of 'BadV1' has type 'char', which cannot be mapped to Avro: Avro has no character type; use string
            """,
            """
            CTR0005 Source0.cs(4,59)-(4,64): Member 'Small' of 'BadV1' has type 'byte', which cannot be mapped to Avro: Avro has no 8- or 16-bit integers; use int (or byte[] for binary data)
            """,
            """
            CTR0005 Source0.cs(4,72)-(4,78): Member 'Medium' of 'BadV1' has type 'short', which cannot be mapped to Avro: Avro has no 8- or 16-bit integers; use int (or byte[] for binary data)
            """,
            """
            CTR0005 Source0.cs(4,85)-(4,93): Member 'Unsigned' of 'BadV1' has type 'uint', which cannot be mapped to Avro: Avro has no unsigned integers; use long
            """,
            """
            CTR0005 Source0.cs(4,101)-(4,105): Member 'Huge' of 'BadV1' has type 'ulong', which cannot be mapped to Avro: Avro has no unsigned integers; use long, or decimal for values above long.MaxValue
            """,
            """
            CTR0005 Source0.cs(4,112)-(4,118): Member 'Native' of 'BadV1' has type 'nint', which cannot be mapped to Avro: native-sized integers have no fixed wire size; use int or long
            """,
            """
            CTR0005 Source0.cs(4,128)-(4,136): Member 'Whatever' of 'BadV1' has type 'dynamic', which cannot be mapped to Avro: 'dynamic' carries no schema; use a concrete type
            """,
        ],
        ["CTR0005 unsupported shapes"] =
        [
            """
            CTR0005 Source0.cs(13,29)-(13,33): Member 'ById' of 'ShapesV1' has type 'System.Collections.Generic.Dictionary<int, string>', which cannot be mapped to Avro: Avro map keys are strings; use a string key (or a list of key/value records)
            """,
            """
            CTR0005 Source0.cs(14,20)-(14,25): Member 'Point' of 'ShapesV1' has type '(int X, int Y)', which cannot be mapped to Avro: tuples have no field names on the wire; declare a record instead
            """,
            """
            CTR0005 Source0.cs(15,12)-(15,17): Member 'Shape' of 'ShapesV1' has type 'IShape', which cannot be mapped to Avro: interfaces cannot be created when reading; use a record, or IReadOnlyList<T> / IReadOnlyDictionary<string, T> for collections
            """,
            """
            CTR0005 Source0.cs(16,9)-(16,13): Member 'Link' of 'ShapesV1' has type 'System.Uri', which cannot be mapped to Avro: it is not declared in this compilation, so its shape cannot be turned into a schema; declare a record for it
            """,
            """
            CTR0005 Source0.cs(17,15)-(17,20): Member 'Paged' of 'ShapesV1' has type 'Page<int>', which cannot be mapped to Avro: generic types are not supported as records; declare a non-generic record
            """,
            """
            CTR0005 Source0.cs(18,12)-(18,15): Member 'Pet' of 'ShapesV1' has type 'Animal', which cannot be mapped to Avro: abstract types cannot be created when reading; use a concrete record
            """,
            """
            CTR0005 Source0.cs(19,18)-(19,21): Member 'Bag' of 'ShapesV1' has type 'System.Collections.Generic.List<object>', which cannot be mapped to Avro: 'object': 'object' carries no schema; use a concrete type
            """,
            """
            CTR0005 Source0.cs(20,12)-(20,18): Member 'Matrix' of 'ShapesV1' has type 'int[*,*]', which cannot be mapped to Avro: multi-dimensional arrays are not supported; use an array of arrays
            """,
            """
            CTR0005 Source0.cs(21,12)-(21,20): Member 'Callback' of 'ShapesV1' has type 'System.Action', which cannot be mapped to Avro: delegates carry behaviour, not data
            """,
            """
            CTR0005 Source0.cs(22,15)-(22,21): Member 'Legacy' of 'ShapesV1' has type 'System.Collections.ArrayList', which cannot be mapped to Avro: it is not declared in this compilation, so its shape cannot be turned into a schema; declare a record for it
            """,
            """
            CTR0005 Source0.cs(23,25)-(23,32): Member 'Numbers' of 'ShapesV1' has type 'System.ReadOnlyMemory<int>', which cannot be mapped to Avro: only ReadOnlyMemory<byte> (Avro bytes) is supported; use an array or list for other items
            """,
            """
            CTR0005 Source0.cs(24,12)-(24,18): Member 'Rights' of 'ShapesV1' has type 'Access', which cannot be mapped to Avro: a [Flags] enum combines values, which one Avro enum symbol cannot carry
            """,
            """
            CTR0005 Source0.cs(25,10)-(25,14): Member 'Pair' of 'ShapesV1' has type 'Twin', which cannot be mapped to Avro: members 'A' and 'B' have the same value, so a value cannot name one symbol
            """,
            """
            CTR0005 Source0.cs(26,13)-(26,18): Member 'Empty' of 'ShapesV1' has type 'Nothing', which cannot be mapped to Avro: an Avro enum needs at least one symbol
            """,
        ],
        ["CTR0005 in a nested record of another file"] =
        [
            """
            CTR0005 Source1.cs(1,37)-(1,42): Member 'Grade' of 'Line' has type 'char', which cannot be mapped to Avro: Avro has no character type; use string
            """,
        ],
        ["CTR0005 reported once for a type two contracts share"] =
        [
            """
            CTR0005 Source1.cs(1,37)-(1,42): Member 'Grade' of 'Line' has type 'char', which cannot be mapped to Avro: Avro has no character type; use string
            """,
        ],
        ["CTR0006 CTR0007 key members"] =
        [
            """
            CTR0006 Source0.cs(3,24)-(3,60): Key of 'KeyedV1' names 'Missing', which is not a field of the contract
            """,
            """
            CTR0007 Source0.cs(3,24)-(3,60): Key member 'Optional' of 'KeyedV1' has type 'string?'; key fields must be non-null scalars (string, int, long, bool, Guid, enum, decimal, date and time types)
            """,
            """
            CTR0007 Source0.cs(3,24)-(3,60): Key member 'Tags' of 'KeyedV1' has type 'System.Collections.Generic.List<string>'; key fields must be non-null scalars (string, int, long, bool, Guid, enum, decimal, date and time types)
            """,
            """
            CTR0007 Source0.cs(3,24)-(3,60): Key member 'Ratio' of 'KeyedV1' has type 'double'; key fields must be non-null scalars (string, int, long, bool, Guid, enum, decimal, date and time types)
            """,
        ],
        ["CTR0008 invalid names"] =
        [
            """
            CTR0008 Source0.cs(2,2)-(2,29): 'not ok' is not a valid Avro alias for 'Mood': a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'
            """,
            """
            CTR0008 Source0.cs(3,47)-(3,51): 'so-so' is not a valid Avro enum symbol for 'Mood.SoSo': a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'
            """,
            """
            CTR0008 Source0.cs(4,36)-(4,44): '1st.ns' is not a valid Avro namespace for 'NamesV1': a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'
            """,
            """
            CTR0008 Source0.cs(5,63)-(5,72): 'first-name' is not a valid Avro field name for 'NamesV1.FirstName': a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'
            """,
            """
            CTR0008 Source0.cs(5,86)-(5,109): 'old name' is not a valid Avro alias for 'NamesV1.Age': a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'
            """,
            """
            CTR0008 Source0.cs(7,15)-(7,22): 'int' is not a valid Avro name for 'Wrapper': a name starts with an ASCII letter or '_' and continues with ASCII letters, digits or '_'
            """,
        ],
        ["CTR0009 duplicate names"] =
        [
            """
            CTR0009 Source0.cs(2,47)-(2,53): Members 'First' and 'Second' of 'Kind' both map to the Avro name 'First'
            """,
            """
            CTR0009 Source0.cs(4,49)-(4,53): Members 'Name' and 'NAME' of 'DupV1' both map to the Avro name 'name'
            """,
            """
            CTR0009 Source0.cs(4,81)-(4,86): Members 'Name' and 'Other' of 'DupV1' both map to the Avro name 'name'
            """,
        ],
        ["CTR0010 name conflicts"] =
        [
            """
            CTR0010 Source0.cs(4,46)-(4,53): The Avro name 'Acme.Address' is used by both 'Acme.Billing.Address' and 'Acme.Shipping.Address'; give one of them another name with [AvroName]
            """,
            """
            CTR0010 Source0.cs(6,80)-(6,110): The Avro name 'Acme.Address' is used by both 'Acme.Billing.Address' and the fixed of 'Acme.ConflictV1.Code'; give one of them another name with [AvroName]
            """,
            """
            CTR0010 Source0.cs(7,13)-(7,19): The Avro name 'Acme.Status' is used by both 'Acme.StatusV1' and 'Acme.Status'; give one of them another name with [AvroName]
            """,
        ],
        ["CTR0011 constructors"] =
        [
            """
            CTR0011 Source0.cs(2,14)-(2,23): 'Ambiguous' has no constructor the generated reader can call: several public constructors take all their parameters from members; keep one, or add a parameterless constructor
            """,
            """
            CTR0011 Source0.cs(9,14)-(9,20): 'Hidden' has no constructor the generated reader can call: it has no public or internal constructor
            """,
            """
            CTR0011 Source0.cs(14,14)-(14,22): 'Mismatch' has no constructor the generated reader can call: no public constructor has parameters that all match public properties by name (case-insensitive)
            """,
        ],
        ["CTR0012 decimal"] =
        [
            """
            CTR0012 Source0.cs(3,32)-(3,50): [AvroDecimal(40, 2)] on 'MoneyV1.A' is invalid: precision must be between 1 and 38
            """,
            """
            CTR0012 Source0.cs(3,64)-(3,83): [AvroDecimal(10, 12)] on 'MoneyV1.B' is invalid: scale must not exceed precision
            """,
            """
            CTR0012 Source0.cs(3,97)-(3,116): [AvroDecimal(38, 30)] on 'MoneyV1.C' is invalid: scale must be at most 28, the most System.Decimal can hold
            """,
            """
            CTR0012 Source0.cs(3,130)-(3,147): [AvroDecimal(0, 0)] on 'MoneyV1.D' is invalid: precision must be between 1 and 38
            """,
        ],
        ["CTR0013 fixed"] =
        [
            """
            CTR0013 Source0.cs(3,32)-(3,44): [AvroFixed(0)] on 'FixedV1.Empty' is invalid: the size must be 1 or more bytes
            """,
            """
            CTR0013 Source0.cs(3,61)-(3,74): [AvroFixed(-1)] on 'FixedV1.Negative' is invalid: the size must be 1 or more bytes
            """,
        ],
        ["CTR0013 decimal on a fixed too small"] =
        [
            """
            CTR0013 Source0.cs(3,32)-(3,44): [AvroFixed(4)] on 'PriceV1.Amount' is invalid: a decimal of precision 10 needs more than 4 bytes (they hold at most 9 digits); enlarge the fixed or lower the precision with [AvroDecimal]
            """,
            """
            CTR0013 Source0.cs(3,83)-(3,96): [AvroFixed(12)] on 'PriceV1.Default' is invalid: a decimal of precision 29 needs more than 12 bytes (they hold at most 28 digits); enlarge the fixed or lower the precision with [AvroDecimal]
            """,
        ],
        ["CTR0014 enum default"] =
        [
            """
            CTR0014 Source0.cs(2,2)-(2,28): [AvroEnumDefault("Unknown")] on 'State' does not name a member of the enum
            """,
        ],
        ["CTR0015 defaults"] =
        [
            """
            CTR0015 Source0.cs(7,6)-(7,22): The default value of 'Broken' in 'DefaultsV1' is invalid for its Avro type string: the JSON does not parse: expected a property name at position 1
            """,
            """
            CTR0015 Source0.cs(8,6)-(8,30): The default value of 'Count' in 'DefaultsV1' is invalid for its Avro type int: expected an integer between -2147483648 and 2147483647
            """,
            """
            CTR0015 Source0.cs(9,10)-(9,15): The default value of 'Maybe' in 'DefaultsV1' is invalid for its Avro type union [null, int]: a nullable field's default must be null, because the first branch of its union is "null"
            """,
            """
            CTR0015 Source0.cs(10,12)-(10,16): The default value of 'Name' in 'DefaultsV1' is invalid for its Avro type string: null is not a value of this non-nullable type; make the member nullable or give an [AvroDefault]
            """,
            """
            CTR0015 Source0.cs(11,6)-(11,31): The default value of 'Numbers' in 'DefaultsV1' is invalid for its Avro type array of int: item 1: expected an integer between -2147483648 and 2147483647
            """,
            """
            CTR0015 Source0.cs(12,6)-(12,35): The default value of 'Id' in 'DefaultsV1' is invalid for its Avro type string (uuid): expected a UUID like "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
            """,
            """
            CTR0015 Source0.cs(13,6)-(13,23): The default value of 'Origin' in 'DefaultsV1' is invalid for its Avro type record Point: record defaults are not supported; make the field nullable with a null default
            """,
            """
            CTR0015 Source0.cs(14,6)-(14,31): The default value of 'TooBig' in 'DefaultsV1' is invalid for its Avro type int: expected an integer between -2147483648 and 2147483647
            """,
            """
            CTR0015 Source0.cs(15,33)-(15,38): The default value of 'Price' in 'DefaultsV1' is invalid for its Avro type bytes (decimal): the value has more decimals than the scale 2
            """,
            """
            CTR0015 Source0.cs(16,12)-(16,17): The default value of 'Ratio' in 'DefaultsV1' is invalid for its Avro type double: JSON cannot represent NaN or infinity
            """,
            """
            CTR0015 Source0.cs(17,6)-(17,24): The default value of 'Trailing' in 'DefaultsV1' is invalid for its Avro type long: the JSON does not parse: unexpected text after the value at position 2
            """,
        ],
        ["CTR0016 attribute on the wrong type"] =
        [
            """
            CTR0016 Source0.cs(4,32)-(4,50): [AvroDecimal] on 'AttrsV1.Price' does not apply to its type 'string'
            """,
            """
            CTR0016 Source0.cs(4,67)-(4,79): [AvroFixed] on 'AttrsV1.Code' does not apply to its type 'int'
            """,
            """
            CTR0016 Source0.cs(4,92)-(4,131): [AvroTimestamp] on 'AttrsV1.Day' does not apply to its type 'System.DateOnly'
            """,
        ],
        ["CTR0017 members the reader cannot set"] =
        [
            """
            CTR0017 Source0.cs(2,30)-(2,34): Member 'name' of 'Captures' cannot be set by the generated reader: the constructor parameter has no public property of the same name to read its value from when writing
            """,
            """
            CTR0017 Source0.cs(8,27)-(8,29): Member 'Id' of 'WrongType' cannot be set by the generated reader: the constructor parameter's type 'long' differs from the member's type 'int'
            """,
            """
            CTR0017 Source0.cs(13,41)-(13,47): Member 'Secret' of 'RequiredIgnored' cannot be set by the generated reader: it is required but marked [AvroIgnore], so the reader could not create the object
            """,
            """
            CTR0017 Source0.cs(19,28)-(19,32): Member 'Name' of 'RequiredTwice' cannot be set by the generated reader: it is required and also a constructor parameter, but the constructor is not marked [SetsRequiredMembers]
            """,
            """
            CTR0017 Source0.cs(22,63)-(22,67): Member 'Name' of 'MembersV1' cannot be set by the generated reader: it is marked [AvroIgnore] but the constructor needs its value
            """,
        ],
        ["CTR0018 key configuration"] =
        [
            """
            CTR0018 Source0.cs(2,30)-(2,45): The key of 'NoKeyV1' is invalid: KeyFormat is set but Key names no member
            """,
            """
            CTR0018 Source0.cs(4,48)-(4,62): The key of 'NoneV1' is invalid: Key names members but KeyFormat is None
            """,
            """
            CTR0018 Source0.cs(6,24)-(6,34): The key of 'EmptyEntryV1' is invalid: Key is empty or has an empty entry; name members like nameof(Id) or "TenantId, Id"
            """,
            """
            CTR0018 Source0.cs(8,24)-(8,32): The key of 'TwiceV1' is invalid: 'Id' appears more than once in Key
            """,
        ],
        ["CTR0019 inaccessible types"] =
        [
            """
            CTR0019 Source0.cs(5,28)-(5,37): 'Billing.InvoiceV1' cannot be a contract: 'Billing.InvoiceV1' is private; the generated codecs and the assembly's catalog can reach only public or internal types
            """,
            """
            CTR0019 Source0.cs(9,33)-(9,41): 'Billing.Hidden.CreditV1' cannot be a contract: 'Billing.Hidden' is private; the generated codecs and the assembly's catalog can reach only public or internal types
            """,
            """
            CTR0005 Source0.cs(14,40)-(14,44): Member 'Line' of 'Billing.OrderV1' has type 'Billing.Line', which cannot be mapped to Avro: 'Billing.Line' is private, and the generated codecs can reach only public or internal types
            """,
            """
            CTR0005 Source0.cs(14,52)-(14,57): Member 'Grade' of 'Billing.OrderV1' has type 'Billing.Grade', which cannot be mapped to Avro: 'Billing.Grade' is protected, and the generated codecs can reach only public or internal types
            """,
            """
            CTR0019 Source0.cs(17,21)-(17,32): 'FileLocalV1' cannot be a contract: 'FileLocalV1' is file-local; the generated codecs and the assembly's catalog can reach only public or internal types
            """,
            """
            CS0051 Source0.cs(14,27)-(14,34): Inconsistent accessibility: parameter type 'Billing.Line' is less accessible than method 'Billing.OrderV1.OrderV1(Billing.Line, Billing.Grade)'
            """,
            """
            CS0051 Source0.cs(14,27)-(14,34): Inconsistent accessibility: parameter type 'Billing.Grade' is less accessible than method 'Billing.OrderV1.OrderV1(Billing.Line, Billing.Grade)'
            """,
            """
            CS0051 Source0.cs(14,27)-(14,34): Inconsistent accessibility: parameter type 'Billing.Line' is less accessible than method 'Billing.OrderV1.Deconstruct(out Billing.Line, out Billing.Grade)'
            """,
            """
            CS0051 Source0.cs(14,27)-(14,34): Inconsistent accessibility: parameter type 'Billing.Grade' is less accessible than method 'Billing.OrderV1.Deconstruct(out Billing.Line, out Billing.Grade)'
            """,
        ],
        ["CTR0050 topic not partial"] = Topics.TopicDiagnosticCases.Expected["CTR0050 topic not partial"],
        ["CTR0051 CTR0052 topic generic, static or abstract"] = Topics.TopicDiagnosticCases.Expected["CTR0051 CTR0052 topic generic, static or abstract"],
        ["CTR0053 invalid topic names"] = Topics.TopicDiagnosticCases.Expected["CTR0053 invalid topic names"],
        ["CTR0054 CTR0055 CTR0056 topic contract lists"] = Topics.TopicDiagnosticCases.Expected["CTR0054 CTR0055 CTR0056 topic contract lists"],
        ["CTR0057 unknown wire format"] = Topics.TopicDiagnosticCases.Expected["CTR0057 unknown wire format"],
    };
}
