using System.Linq;
using Contracts.Generator.Model;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Parsing;

public sealed class ParserDocsAndDefaultsTests
{
    [Theory]
    [InlineData(DocumentationMode.None)]
    [InlineData(DocumentationMode.Parse)]
    [InlineData(DocumentationMode.Diagnose)]
    public void Doc_comments_become_avro_docs_in_every_documentation_mode(DocumentationMode mode)
    {
        var results = ParserProbe.ParseAll(TestCompilation.ParseOptions.WithDocumentationMode(mode), """
            using Contracts;
            namespace Acme;
            /// <summary>
            /// A person, as the <see cref="T:Acme.Directory"/> knows
            /// them. See <see langword="null"/> and <paramref name="Name"/>.
            /// </summary>
            /// <param name="Name">The <c>full</c> name.</param>
            /// <param name="Age">Age in years.</param>
            [Message("person", 1)]
            [AvroAliases("Human", "legacy.Human")]
            public partial record PersonV1(string Name, [AvroAliases("years")] int Age)
            {
                /// <summary>How to reach them.</summary>
                public string? Email { get; init; }

                // An ordinary comment is not a doc.
                public string? Phone { get; init; }
            }
            public static class Directory { }
            """);

        var result = Assert.Single(results);
        Assert.Empty(result.Diagnostics);
        var root = result.Model!.Root();
        Assert.Equal("A person, as the Directory knows them. See null and Name.", root.Doc);
        Assert.Equal(["Human", "legacy.Human"], root.Aliases);
        Assert.Equal("The full name.", root.Field("name").Doc);
        Assert.Equal("Age in years.", root.Field("age").Doc);
        Assert.Equal(["years"], root.Field("age").Aliases);
        Assert.Equal("How to reach them.", root.Field("email").Doc);
        Assert.Null(root.Field("phone").Doc);
    }

    [Fact]
    public void Parameter_defaults_become_avro_defaults_and_expressions()
    {
        var model = ParserProbe.ParseOne("""
            using System;
            using Contracts;
            public enum Color { Red, Green }
            [Message("d", 1)]
            public partial record DefaultsV1(
                string? Email = null,
                int Count = 0,
                long Big = -5,
                bool On = true,
                string Title = "Dr. \"Who\"\n",
                double Ratio = 0.25,
                float Small = 1.5f,
                Color Color = Color.Green,
                decimal Price = 12.5m,
                [AvroDecimal(6, 2)] decimal Fee = -1.5m,
                DateOnly Born = default,
                Guid Id = default,
                DateTimeOffset At = default,
                TimeOnly Alarm = default,
                int? Maybe = null,
                ReadOnlyMemory<byte> Data = default,
                Color Initial = default);
            """);

        var root = model.Root();
        (string? Json, string? Expression) Default(string name) => (root.Field(name).DefaultJson, root.Field(name).DefaultExpression);
        Assert.Equal(("null", "null"), Default("email"));
        Assert.Equal(("0", "0"), Default("count"));
        Assert.Equal(("-5", "-5L"), Default("big"));
        Assert.Equal(("true", "true"), Default("on"));
        Assert.Equal(("\"Dr. \\\"Who\\\"\\n\"", "\"Dr. \\\"Who\\\"\\n\""), Default("title"));
        Assert.Equal(("0.25", "0.25D"), Default("ratio"));
        Assert.Equal(("1.5", "1.5F"), Default("small"));
        Assert.Equal(("\"Green\"", "global::Color.Green"), Default("color"));
        // 12.5 at scale 10 = 125000000000 = 0x1D_1A94_A200, big-endian two's complement.
        Assert.Equal(("\"\\u001d\\u001a\\u0094\\u00a2\\u0000\"", "12.5000000000m"), Default("price"));
        // -1.5 at scale 2 = -150 = 0xFF6A.
        Assert.Equal(("\"\\u00ff\\u006a\"".Replace("\\u006a", "j"), "-1.50m"), Default("fee"));
        Assert.Equal(("-719162", "global::System.DateOnly.FromDayNumber(0)"), Default("born"));
        Assert.Equal(("\"00000000-0000-0000-0000-000000000000\"", "new global::System.Guid(\"00000000-0000-0000-0000-000000000000\")"), Default("id"));
        Assert.Equal(("-62135596800000", "new global::System.DateTimeOffset(0L, global::System.TimeSpan.Zero)"), Default("at"));
        Assert.Equal(("0", "new global::System.TimeOnly(0L)"), Default("alarm"));
        Assert.Equal(("null", "null"), Default("maybe"));
        Assert.Equal(("\"\"", "global::System.ReadOnlyMemory<byte>.Empty"), Default("data"));
        Assert.Equal(("\"Red\"", "global::Color.Red"), Default("initial"));
    }

    [Fact]
    public void AvroDefault_json_is_validated_and_wins_over_the_parameter_default()
    {
        var model = ParserProbe.ParseOne("""
            using System;
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using Contracts;
            public enum Color { Red, Green }
            [Message("d", 1)]
            public partial record JsonDefaultsV1(
                [AvroDefault("[]")] IReadOnlyList<string> Tags,
                [AvroDefault("[1, 2]")] List<int> Numbers,
                [AvroDefault(" { \"a\" : \"Red\" } ")] Dictionary<string, Color> Colors,
                [AvroDefault("{}")] ImmutableDictionary<string, long> Empty,
                [AvroDefault("[\"x\"]")] ImmutableArray<string> Letters,
                [AvroDefault("\"n/a\"")] string Label,
                [AvroDefault("1700000000000")] DateTime When,
                [AvroDefault("19000")] DateOnly Day,
                [AvroDefault("\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"")] Guid Id,
                [AvroDefault("\"\\u0001\\u00ff\""), AvroFixed(2)] byte[] Pair,
                [AvroDefault("[[1], []]")] int[][] Grid,
                [AvroDefault("7")] int Count = 3);
            """);

        var root = model.Root();
        (string? Json, string? Expression) Default(string name) => (root.Field(name).DefaultJson, root.Field(name).DefaultExpression);
        Assert.Equal(("[]", "global::System.Array.Empty<string>()"), Default("tags"));
        Assert.Equal(("[1,2]", "new global::System.Collections.Generic.List<int> { 1, 2 }"), Default("numbers"));
        Assert.Equal(("{\"a\":\"Red\"}", "new global::System.Collections.Generic.Dictionary<string, global::Color> { [\"a\"] = global::Color.Red }"), Default("colors"));
        Assert.Equal(("{}", "global::System.Collections.Immutable.ImmutableDictionary<string, long>.Empty"), Default("empty"));
        Assert.Equal(("[\"x\"]", "global::System.Collections.Immutable.ImmutableArray.Create<string>(\"x\")"), Default("letters"));
        Assert.Equal(("\"n/a\"", "\"n/a\""), Default("label"));
        Assert.Equal(("1700000000000", "new global::System.DateTime(638355968000000000L, global::System.DateTimeKind.Utc)"), Default("when"));
        Assert.Equal(("19000", "global::System.DateOnly.FromDayNumber(738162)"), Default("day"));
        Assert.Equal("new global::System.Guid(\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\")", Default("id").Expression);
        Assert.Equal(("\"\\u0001\\u00ff\"", "new byte[] { 0x01, 0xFF }"), Default("pair"));
        Assert.Equal(("[[1],[]]", "new int[][] { new int[] { 1 }, global::System.Array.Empty<int>() }"), Default("grid"));
        Assert.Equal(("7", "7"), Default("count"));
    }

    [Fact]
    public void Recognisable_initializers_become_defaults_and_others_do_not()
    {
        var model = ParserProbe.ParseOne("""
            using System;
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using Contracts;
            [Message("i", 1)]
            public partial class InitV1
            {
                public List<int> A { get; init; } = [];
                public List<int> B { get; init; } = new();
                public int[] C { get; init; } = Array.Empty<int>();
                public ImmutableArray<int> D { get; init; } = ImmutableArray<int>.Empty;
                public Dictionary<string, int> E { get; init; } = new Dictionary<string, int>();
                public int F { get; init; } = 42;
                public string G { get; init; } = null!;
                public string H { get; init; } = Environment.MachineName;
                public List<int> I { get; init; } = [1];
                public string J { get; init; } = "j";
            }
            """);

        var root = model.Root();
        Assert.Equal(["[]", "[]", "[]", "[]", "{}", "42", null, null, null, "\"j\""], root.Fields.Select(f => f.DefaultJson));
        Assert.Equal(
            [
                "new global::System.Collections.Generic.List<int>()", "new global::System.Collections.Generic.List<int>()", "global::System.Array.Empty<int>()",
                "global::System.Collections.Immutable.ImmutableArray<int>.Empty", "new global::System.Collections.Generic.Dictionary<string, int>()", "42", null, null, null, "\"j\"",
            ],
            root.Fields.Select(f => f.DefaultExpression));
    }
}

public sealed class ParserMultiLineDocTests
{
    [Fact]
    public void Block_doc_comments_are_read_too()
    {
        var model = ParserProbe.ParseOne("""
            using Contracts;
            /**
             * <summary>Block
             * comment.</summary>
             */
            [Message("b", 1)]
            public partial record BlockV1(string Name);
            """);

        Assert.Equal("Block comment.", model.Root().Doc);
    }
}
