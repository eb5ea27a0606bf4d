using System;
using System.Linq;
using System.Text;
using Contracts.Generator.Model;
using Xunit;
using static Contracts.Generator.Tests.Emitting.CodecModels;

namespace Contracts.Generator.Tests.Emitting;

public sealed class CodecAvroScalarTests
{
    private const string Source = """
        namespace Acme.People
        {
            public partial record PersonV2(System.Guid Id, string Name, int Age);

            public static class Samples
            {
                public static PersonV2 Small() => new(new System.Guid("00000000-0000-0000-0000-0000000000ab"), "Al", -3);

                public static PersonV2 WithNullName() => new(System.Guid.Empty, null!, 1);
            }
        }
        """;

    private static ContractModel Model() => Contract("Acme.People", "PersonV2", "person", 2,
        RecordModel("Acme.People.Person", "global::Acme.People.PersonV2", false,
            Field("Id", Uuid, 0, isKey: true),
            Field("Name", Text, 1),
            Field("Age", Int, 2)),
        keyFormat: 1, keyFields: ["id"]);

    [Fact]
    public void Writes_the_avro_binary_encoding_field_by_field()
    {
        var contracts = CodecCompiler.Compile(Source, Model());
        var bytes = contracts.SerializeAvro(contracts.Call("Acme.People.Samples", "Small")!);

        var expected = new byte[] { 72 }
            .Concat(Encoding.ASCII.GetBytes("00000000-0000-0000-0000-0000000000ab"))
            .Concat(new byte[] { 4, (byte)'A', (byte)'l' })
            .Concat(new byte[] { 5 })
            .ToArray();
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Reads_back_what_it_wrote()
    {
        var contracts = CodecCompiler.Compile(Source, Model());
        var sample = contracts.Call("Acme.People.Samples", "Small")!;

        var read = contracts.DeserializeAvro("Acme.People.PersonV2", contracts.SerializeAvro(sample));

        Assert.Equal(sample, read);
    }

    [Fact]
    public void Null_in_a_non_nullable_string_names_the_field()
    {
        var contracts = CodecCompiler.Compile(Source, Model());

        var error = Assert.Throws<ContractEncodeException>(() => contracts.SerializeAvro(contracts.Call("Acme.People.Samples", "WithNullName")!));

        Assert.Equal("name", error.FieldPath);
        Assert.Equal(ContractFormat.Avro, error.Format);
    }

    [Fact]
    public void Truncated_input_reports_the_offset_and_the_field()
    {
        var contracts = CodecCompiler.Compile(Source, Model());
        var bytes = contracts.SerializeAvro(contracts.Call("Acme.People.Samples", "Small")!);

        var error = Assert.Throws<ContractDecodeException>(() => contracts.DeserializeAvro("Acme.People.PersonV2", bytes[..^2]));

        Assert.Equal("name", error.FieldPath);
        Assert.Equal(37, error.Offset);
    }

    [Fact]
    public void Key_record_holds_just_the_key_fields()
    {
        var contracts = CodecCompiler.Compile(Source, Model());

        var key = contracts.SerializeKey(contracts.Call("Acme.People.Samples", "Small")!);

        Assert.Equal(new byte[] { 72 }.Concat(Encoding.ASCII.GetBytes("00000000-0000-0000-0000-0000000000ab")).ToArray(), key);
    }
}
