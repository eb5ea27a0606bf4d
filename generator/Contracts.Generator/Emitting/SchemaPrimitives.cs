using System;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>Avro primitive type names.</summary>
internal static class SchemaPrimitives
{
    public static string NameOf(AvroKind kind) => kind switch
    {
        AvroKind.Null => "null",
        AvroKind.Boolean => "boolean",
        AvroKind.Int => "int",
        AvroKind.Long => "long",
        AvroKind.Float => "float",
        AvroKind.Double => "double",
        AvroKind.Bytes => "bytes",
        AvroKind.String => "string",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an Avro primitive type."),
    };
}
