using System;
using Contracts.Generator.Compatibility;
using Contracts.Generator.Emitting;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;
using Xunit;

namespace Contracts.Generator.Tests.Parsing;

public sealed class AvroPrimitiveNamesTests
{
    [Fact]
    public void Both_schema_models_declare_the_primitives_first_in_the_table_order()
    {
        Assert.Equal(["null", "boolean", "int", "long", "float", "double", "bytes", "string"], AvroPrimitiveNames.All);
        for (var i = 0; i < AvroPrimitiveNames.All.Count; i++)
        {
            var name = AvroPrimitiveNames.All[i];
            Assert.Equal(name, ((AvroKind)i).ToString().ToLowerInvariant());
            Assert.Equal(name, ((AvroSchemaType)i).ToString().ToLowerInvariant());
            Assert.Equal(name, SchemaPrimitives.NameOf((AvroKind)i));
            Assert.Equal(name, AvroSchema.TypeName((AvroSchemaType)i));
            Assert.Equal(i, AvroPrimitiveNames.IndexOf(name));
        }
    }

    [Fact]
    public void Other_kinds_are_not_primitives()
    {
        Assert.Equal(-1, AvroPrimitiveNames.IndexOf("record"));
        Assert.Equal(-1, AvroPrimitiveNames.IndexOf("Int"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchemaPrimitives.NameOf(AvroKind.Record));
        Assert.Equal("record", AvroSchema.TypeName(AvroSchemaType.Record));
        Assert.Equal("union", AvroSchema.TypeName(AvroSchemaType.Union));
    }
}
