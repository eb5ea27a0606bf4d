using System.Collections.Generic;
using Contracts.Generator.Compatibility;

namespace Contracts.Generator.Emitting;

internal static partial class ResolvingReaderEmitter
{
    private sealed partial class Session
    {
        /// <summary>Writes the statement that steps over one <paramref name="writer"/> value the contract does not keep.</summary>
        private void Skip(AvroSchema writer)
        {
            var statement = SkipStatement(writer);
            if (statement is not null)
            {
                _w.Line(statement);
            }
        }

        private string? SkipStatement(AvroSchema writer)
        {
            switch (writer)
            {
                case PrimitiveSchema primitive:
                    return primitive.Type switch
                    {
                        AvroSchemaType.Null => null,
                        AvroSchemaType.Boolean => "_ = reader.ReadBoolean();",
                        AvroSchemaType.Int => "_ = reader.ReadInt();",
                        AvroSchemaType.Long => "_ = reader.ReadLong();",
                        AvroSchemaType.Float => "_ = reader.ReadFloat();",
                        AvroSchemaType.Double => "_ = reader.ReadDouble();",
                        AvroSchemaType.Bytes => "_ = reader.ReadBytesSpan();",
                        _ => "_ = reader.ReadStringBytes();",
                    };
                case FixedSchema fixedSchema:
                    return "_ = reader.ReadFixedSpan(" + CSharpLiteral.Int(fixedSchema.Size) + ");";
                case EnumSchema enumSchema:
                    return "_ = reader.ReadEnum(" + CSharpLiteral.Int(enumSchema.Symbols.Count) + ");";
                default:
                    return Skipper(writer) + "(ref reader);";
            }
        }

        private string Skipper(AvroSchema writer)
        {
            if (!_skippers.TryGetValue(writer, out var name))
            {
                name = Name("Skip" + _version, writer is NamedSchema named ? CodecPlan.Identifier(named.Name) : AvroSchema.TypeName(writer.Type));
                _skippers[writer] = name;
                _pending.Enqueue(() => EmitSkipper(name, writer));
            }

            return name;
        }

        private void EmitSkipper(string name, AvroSchema writer)
        {
            _w.Line();
            _w.Open("private static void " + name + "(ref " + CodeNames.AvroReader + " reader)");
            switch (writer)
            {
                case RecordSchema record:
                    _w.Line("reader.Enter();");
                    foreach (var field in record.Fields)
                    {
                        Skip(field.Schema);
                    }

                    _w.Line("reader.Exit();");
                    break;
                case ArraySchema array:
                    EmitBlocks(MinimumSize(array.Items, new HashSet<AvroSchema>()), null, array.Items);
                    break;
                case MapSchema map:
                    EmitBlocks(1 + MinimumSize(map.Values, new HashSet<AvroSchema>()), "_ = reader.ReadStringBytes();", map.Values);
                    break;
                case UnionSchema union:
                    _w.Open("switch (reader.ReadUnionIndex(" + CSharpLiteral.Int(union.Branches.Count) + "))");
                    for (var b = 0; b < union.Branches.Count; b++)
                    {
                        _w.Line(b == union.Branches.Count - 1 ? "default:" : "case " + CSharpLiteral.Int(b) + ":");
                        _w.Indent();
                        Skip(union.Branches[b]);
                        _w.Line("break;");
                        _w.Outdent();
                    }

                    _w.Close();
                    break;
            }

            _w.Close();
        }

        private void EmitBlocks(int minimumItemSize, string? keyStatement, AvroSchema item)
        {
            var minimum = CSharpLiteral.Int(minimumItemSize);
            _w.Line("reader.Enter();");
            _w.Line("long total = 0;");
            _w.Line("var count = reader.ReadBlockCount(0, " + minimum + ");");
            _w.Open("while (count != 0)");
            _w.Open("for (var i = 0; i < count; i++)");
            if (keyStatement is not null)
            {
                _w.Line(keyStatement);
            }

            Skip(item);
            _w.Close();
            _w.Line("total += count;");
            _w.Line("count = reader.ReadBlockCount(total, " + minimum + ");");
            _w.Close();
            _w.Line("reader.Exit();");
        }

        /// <summary>The fewest bytes one value of <paramref name="schema"/> takes, for <c>ReadBlockCount</c>'s sanity bound.</summary>
        private static int MinimumSize(AvroSchema schema, HashSet<AvroSchema> open)
        {
            switch (schema)
            {
                case PrimitiveSchema { Type: AvroSchemaType.Null }:
                    return 0;
                case PrimitiveSchema { Type: AvroSchemaType.Float }:
                    return 4;
                case PrimitiveSchema { Type: AvroSchemaType.Double }:
                    return 8;
                case FixedSchema fixedSchema:
                    return fixedSchema.Size;
                case RecordSchema record:
                    // A record met again inside itself counts as empty: the bound stays a lower bound and finite.
                    if (!open.Add(record))
                    {
                        return 0;
                    }

                    var size = 0;
                    foreach (var field in record.Fields)
                    {
                        size += MinimumSize(field.Schema, open);
                    }

                    open.Remove(record);
                    return size;
                default:
                    return 1;
            }
        }
    }
}
