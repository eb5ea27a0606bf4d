using System.Collections.Generic;

namespace Contracts.Generator.Tests.Diagnostics;

/// <summary>One source per situation; <see cref="DiagnosticTests"/> asserts every diagnostic each produces.</summary>
internal static class DiagnosticCases
{
    public static readonly Dictionary<string, string> Sources = new()
    {
        ["CTR0001 type not partial"] = """
            using Contracts;
            [Message("person", 1)]
            public record PersonV1(string Name);
            """,
        ["CTR0001 containing type not partial"] = """
            using Contracts;
            public static class Outer
            {
                [Message("person", 1)]
                public partial record PersonV1(string Name);
            }
            """,
        ["CTR0002 generic"] = """
            using Contracts;
            [Message("box", 1)]
            public partial record BoxV1<T>(T Value);
            public partial class Outer<T>
            {
                [Message("inner", 1)]
                public partial record InnerV1(string Name);
            }
            """,
        ["CTR0003 CTR0004 type and version"] = """
            using Contracts;
            [Message(" ", 0)]
            public partial record PersonV1(string Name);
            """,
        ["CTR0005 unsupported scalars"] = """
            using System;
            using Contracts;
            [Message("bad", 1)]
            public partial record BadV1(object Any, char Letter, byte Small, short Medium, uint Unsigned, ulong Huge, nint Native, dynamic Whatever);
            """,
        ["CTR0005 unsupported shapes"] = """
            using System;
            using System.Collections;
            using System.Collections.Generic;
            using Contracts;
            public interface IShape { }
            public abstract record Animal(string Name);
            public record Page<T>(T Item);
            [Flags] public enum Access { Read = 1, Write = 2 }
            public enum Twin { A = 1, B = 1 }
            public enum Nothing { }
            [Message("bad", 1)]
            public partial record ShapesV1(
                Dictionary<int, string> ById,
                (int X, int Y) Point,
                IShape Shape,
                Uri Link,
                Page<int> Paged,
                Animal Pet,
                List<object> Bag,
                int[,] Matrix,
                Action Callback,
                ArrayList Legacy,
                ReadOnlyMemory<int> Numbers,
                Access Rights,
                Twin Pair,
                Nothing Empty);
            """,
        ["CTR0005 in a nested record of another file"] = """
            using Contracts;
            [Message("order", 1)]
            public partial record OrderV1(Line First, Line Second);
            """,
        ["CTR0005 reported once for a type two contracts share"] = """
            using Contracts;
            [Message("order", 1)]
            public partial record OrderV1(Line First);
            [Message("invoice", 1)]
            public partial record InvoiceV1(Line Only);
            """,
        ["CTR0006 CTR0007 key members"] = """
            using System.Collections.Generic;
            using Contracts;
            [Message("k", 1, Key = "Missing, Optional, Tags, Ratio, Id")]
            public partial record KeyedV1(int Id, string? Optional, List<string> Tags, double Ratio);
            """,
        ["CTR0008 invalid names"] = """
            using Contracts;
            [AvroAliases("ok", "not ok")]
            public enum Mood { Happy, [AvroName("so-so")] SoSo }
            [Message("n", 1, SchemaNamespace = "1st.ns")]
            public partial record NamesV1([AvroName("first-name")] string FirstName, Mood Mood, [AvroAliases("old name")] int Age);
            [AvroName("int")]
            public record Wrapper(int Value);
            [Message("w", 1)]
            public partial record WrapsV1(Wrapper Inner);
            """,
        ["CTR0009 duplicate names"] = """
            using Contracts;
            public enum Kind { First, [AvroName("First")] Second }
            [Message("d", 1)]
            public partial record DupV1(string Name, string NAME, [AvroName("name")] string Other, Kind Kind);
            """,
        ["CTR0010 name conflicts"] = """
            using Contracts;
            namespace Acme;
            public static class Billing { public record Address(string Street); }
            public static class Shipping { public record Address(string Street); }
            [Message("c", 1)]
            public partial record ConflictV1(Billing.Address Bill, Shipping.Address Ship, [AvroFixed(4, Name = "Address")] byte[] Code, Status Status);
            public enum Status { Open }
            [Message("status", 1)]
            public partial record StatusV1(Status Current);
            """,
        ["CTR0011 constructors"] = """
            using Contracts;
            public class Ambiguous
            {
                public Ambiguous(string name) { Name = name; }
                public Ambiguous(string name, int age) { Name = name; Age = age; }
                public string Name { get; }
                public int Age { get; }
            }
            public class Hidden
            {
                private Hidden() { }
                public string Name { get; set; } = "";
            }
            public class Mismatch
            {
                public Mismatch(string fullName) { Name = fullName; }
                public string Name { get; }
            }
            [Message("c", 1)]
            public partial record CtorsV1(Ambiguous A, Hidden H, Mismatch M);
            """,
        ["CTR0012 decimal"] = """
            using Contracts;
            [Message("d", 1)]
            public partial record MoneyV1([AvroDecimal(40, 2)] decimal A, [AvroDecimal(10, 12)] decimal B, [AvroDecimal(38, 30)] decimal C, [AvroDecimal(0, 0)] decimal D);
            """,
        ["CTR0013 fixed"] = """
            using Contracts;
            [Message("f", 1)]
            public partial record FixedV1([AvroFixed(0)] byte[] Empty, [AvroFixed(-1)] byte[] Negative);
            """,
        ["CTR0013 decimal on a fixed too small"] = """
            using Contracts;
            [Message("f", 1)]
            public partial record PriceV1([AvroFixed(4), AvroDecimal(10, 2)] decimal Amount, [AvroFixed(12)] decimal Default, [AvroFixed(4), AvroDecimal(9, 2)] decimal Fits);
            """,
        ["CTR0014 enum default"] = """
            using Contracts;
            [AvroEnumDefault("Unknown")]
            public enum State { Active, Closed }
            [Message("s", 1)]
            public partial record StatusV1(State State);
            """,
        ["CTR0015 defaults"] = """
            using System;
            using System.Collections.Generic;
            using Contracts;
            public record Point(int X, int Y);
            [Message("d", 1)]
            public partial record DefaultsV1(
                [AvroDefault("{")] string Broken,
                [AvroDefault("\"seven\"")] int Count,
                int? Maybe = 5,
                string Name = null!,
                [AvroDefault("[1, \"x\"]")] List<int> Numbers = null!,
                [AvroDefault("\"not-a-guid\"")] Guid Id = default,
                [AvroDefault("{}")] Point Origin = null!,
                [AvroDefault("3000000000")] int TooBig = 0,
                [AvroDecimal(4, 2)] decimal Price = 123.456m,
                double Ratio = double.NaN,
                [AvroDefault("1 2")] long Trailing = 0);
            """,
        ["CTR0016 attribute on the wrong type"] = """
            using System;
            using Contracts;
            [Message("a", 1)]
            public partial record AttrsV1([AvroDecimal(10, 2)] string Price, [AvroFixed(4)] int Code, [AvroTimestamp(AvroTimestampKind.Micros)] DateOnly Day);
            """,
        ["CTR0017 members the reader cannot set"] = """
            using Contracts;
            public class Captures(string name)
            {
                public string Display => name;
            }
            public class WrongType
            {
                public WrongType(long id) { Id = (int)id; }
                public int Id { get; }
            }
            public class RequiredIgnored
            {
                [AvroIgnore] public required string Secret { get; init; }
                public string Name { get; init; } = "";
            }
            public class RequiredTwice
            {
                public RequiredTwice(string name) { Name = name; }
                public required string Name { get; init; }
            }
            [Message("m", 1)]
            public partial record MembersV1([property: AvroIgnore] string Name, Captures C, WrongType W, RequiredIgnored R, RequiredTwice T);
            """,
        ["CTR0018 key configuration"] = """
            using Contracts;
            [Message("a", 1, KeyFormat = KeyFormat.Plain)]
            public partial record NoKeyV1(string Id);
            [Message("b", 1, Key = nameof(Id), KeyFormat = KeyFormat.None)]
            public partial record NoneV1(string Id);
            [Message("c", 1, Key = "Id,,Name")]
            public partial record EmptyEntryV1(string Id, string Name);
            [Message("d", 1, Key = "Id, Id")]
            public partial record TwiceV1(string Id);
            """,
        ["CTR0019 inaccessible types"] = """
            using Contracts;
            public partial class Billing
            {
                [Message("invoice", 1)]
                private partial record InvoiceV1(string Number);
                private partial class Hidden
                {
                    [Message("credit", 1)]
                    internal partial record CreditV1(string Number);
                }
                private record Line(string Sku);
                protected enum Grade { A, B }
                [Message("order", 1)]
                public partial record OrderV1(Line Line, Grade Grade);
            }
            [Message("file", 1)]
            file partial record FileLocalV1(string Name);
            """,
        // [Topic] diagnostics live beside the topic tests.
        ["CTR0050 topic not partial"] = Topics.TopicDiagnosticCases.Sources["CTR0050 topic not partial"],
        ["CTR0051 CTR0052 topic generic, static or abstract"] = Topics.TopicDiagnosticCases.Sources["CTR0051 CTR0052 topic generic, static or abstract"],
        ["CTR0053 invalid topic names"] = Topics.TopicDiagnosticCases.Sources["CTR0053 invalid topic names"],
        ["CTR0054 CTR0055 CTR0056 topic contract lists"] = Topics.TopicDiagnosticCases.Sources["CTR0054 CTR0055 CTR0056 topic contract lists"],
        ["CTR0057 unknown wire format"] = Topics.TopicDiagnosticCases.Sources["CTR0057 unknown wire format"],
    };

    /// <summary>Extra files some cases need, by case name.</summary>
    public static readonly Dictionary<string, string> ExtraFiles = new()
    {
        ["CTR0005 in a nested record of another file"] = """
            public record Line(string Sku, char Grade);
            """,
        ["CTR0005 reported once for a type two contracts share"] = """
            public record Line(string Sku, char Grade);
            """,
    };
}
