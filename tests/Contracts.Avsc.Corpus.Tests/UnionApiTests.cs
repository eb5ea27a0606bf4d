using System;
using System.Text;
using Contracts.Avro;
using Contracts.Json;
using Corpus.Defaults;
using Corpus.Recursion;
using Corpus.Unions;
using Xunit;

namespace Contracts.Avsc.Corpus.Tests;

/// <summary>
/// The union classes generated from the corpus used as a service would use them: built by implicit conversion,
/// taken apart with Match/Switch, defaulted from the schema, recursive through a union, and refused on bad input.
/// </summary>
public sealed class UnionApiTests
{
    private static Expression Literal(double value) => new() { Node = new Literal { Value = value } };

    private static double Evaluate(Expression expression) => expression.Node.Match(
        literal => literal.Value,
        sum => Evaluate(sum.Left) + Evaluate(sum.Right),
        negate => -Evaluate(negate.Operand));

    [Fact]
    public void A_recursive_expression_through_a_union_round_trips_in_avro_and_json()
    {
        var expression = new Expression
        {
            Node = new Sum { Left = Literal(1.5), Right = new Expression { Node = new Negate { Operand = Literal(2) } } },
        };

        var fromAvro = AvroSerializer.Deserialize<Expression>(AvroSerializer.Serialize(expression));
        var envelope = JsonEnvelope.Serialize(expression);
        var fromJson = JsonEnvelope.Deserialize<Expression>(envelope);

        Assert.Equal(-0.5, Evaluate(expression));
        Assert.Equal(-0.5, Evaluate(fromAvro));
        Assert.Equal(-0.5, Evaluate(fromJson));
        Assert.Contains(
            "\"message\":{\"node\":{\"corpus.recursion.Sum\":{\"left\":{\"node\":{\"corpus.recursion.Literal\":{\"value\":1.5}}}",
            Encoding.UTF8.GetString(envelope), StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_convert_implicitly_and_match_exhaustively()
    {
        var pets = new Pet.AnimalUnion[] { new Cat { Lives = 9 }, new Dog { Good = true }, new global::Corpus.Unions.Birds.Bird { Wingspan = 0.25 } };

        var described = Array.ConvertAll(pets, pet => pet.Match(
            cat => "cat " + cat.Lives,
            dog => dog.Good ? "good dog" : "dog",
            bird => "bird"));

        Assert.Equal(["cat 9", "good dog", "bird"], described);
        Assert.True(pets[0].TryGetCat(out var first) && first.Lives == 9);
        Assert.False(pets[0].TryGetDog(out _));
        Assert.Equal(new Pet.AnimalUnion.Dog(new Dog { Good = true }), pets[1]);
    }

    [Fact]
    public void Union_defaults_hold_the_first_branch_and_apply_to_missing_json_fields()
    {
        var defaults = new UnionDefaults();
        var fromJson = JsonEnvelope.Deserialize<UnionDefaults>("json:{\"type\": \"union_defaults\", \"version\": 1, \"message\": {}}"u8);

        foreach (var value in new[] { defaults, fromJson })
        {
            Assert.Equal(new UnionDefaults.TextOrNumberUnion.String("none"), value.TextOrNumber);
            Assert.Equal(new UnionDefaults.NumberOrNullUnion.Int(42), value.NumberOrNull);
            Assert.Null(value.NullFirst);
        }

        Assert.Equal(new NullLast.LabelUnion.String("n/a"), new NullLast().Label);
    }

    [Fact]
    public void A_null_branch_anywhere_in_the_union_is_csharp_null()
    {
        var value = new NullLast { Label = null, Count = 3 };

        var read = AvroSerializer.Deserialize<NullLast>(AvroSerializer.Serialize(value));

        // ["string","null"]: null is branch 1 (zigzag 2); ["int","null"]: 3 is branch 0 then zigzag 6.
        Assert.Equal(new byte[] { 2, 0, 6 }, AvroSerializer.Serialize(value));
        Assert.Null(read.Label);
        Assert.Equal(new NullLast.CountUnion.Int(3), read.Count);
    }

    [Fact]
    public void An_out_of_range_branch_index_names_offset_and_field()
    {
        // Pet.animal has three branches; index 3 (zigzag 6) does not exist.
        var error = Assert.Throws<ContractDecodeException>(() => AvroSerializer.Deserialize<Pet>(new byte[] { 6, 0 }));

        Assert.Equal(0, error.Offset);
        Assert.Equal("animal", error.FieldPath);
    }

    [Fact]
    public void A_json_value_that_names_no_branch_is_refused_with_the_accepted_names()
    {
        var json = "json:{\"type\": \"pet\", \"version\": 1, \"message\": {\"animal\": {\"Cat\": {\"lives\": 1}}, \"previous\": []}}"u8.ToArray();

        var error = Assert.Throws<ContractDecodeException>(() => JsonEnvelope.Deserialize<Pet>(json));

        Assert.Equal("animal", error.FieldPath);
        Assert.Contains("\"Cat\" is not a branch of the union; expected \"corpus.unions.Cat\", \"corpus.unions.Dog\", \"corpus.unions.birds.Bird\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_refuses_a_null_value()
    {
        Assert.Throws<ArgumentNullException>(() => new Pet.AnimalUnion.Cat(null!));
        Assert.Throws<ContractEncodeException>(() => AvroSerializer.Serialize(new Pet { Animal = null!, Previous = [] }));
    }
}
