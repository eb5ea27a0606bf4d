using System;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;

namespace Contracts.Generator.Emitting;

/// <summary>Avro primitive type names.</summary>
internal static class SchemaPrimitives
{
    public static string NameOf(AvroKind kind) => kind is >= AvroKind.Null and <= AvroKind.String
        ? AvroPrimitiveNames.All[(int)kind]
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an Avro primitive type.");
}
