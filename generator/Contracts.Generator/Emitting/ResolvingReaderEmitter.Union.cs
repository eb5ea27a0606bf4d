using System.Collections.Generic;
using Contracts.Generator.Compatibility;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

internal static partial class ResolvingReaderEmitter
{
    private sealed partial class Session
    {
        /// <summary>
        /// A writer value of a non-union type read into a general union class, into the branch Apache.Avro's resolving
        /// reader picks: the branch of the writer's own type (for a record, enum or fixed: of its full name), else the first
        /// branch that can read it (a promotion). The value becomes that branch's case. A writer union reaches here once per
        /// writer branch (see <see cref="EmitUnionResolver"/>).
        /// </summary>
        private string ResolveIntoUnion(AvroTypeModel union, AvroSchema writer)
        {
            var chosen = -1;
            for (var b = 0; b < union.Branches.Count && chosen < 0; b++)
            {
                var branch = ReaderSchemaOf(union.Branches[b]);
                if (branch.Type == writer.Type && (branch is not NamedSchema named || named.FullName == ((NamedSchema)writer).FullName) && CanRead(branch, writer))
                {
                    chosen = b;
                }
            }

            for (var b = 0; b < union.Branches.Count && chosen < 0; b++)
            {
                if (CanRead(ReaderSchemaOf(union.Branches[b]), writer))
                {
                    chosen = b;
                }
            }

            if (chosen < 0)
            {
                throw new UnsupportedResolutionException(
                    "no branch of " + union.ClrTypeName.Replace("global::", string.Empty) + " can read the writer's " + writer.Describe());
            }

            return union.Branches[chosen].Kind == AvroKind.Null
                ? "default(" + union.ClrTypeName + ")"
                : "new " + UnionNames.CaseClassName(union, chosen) + "(" + Resolve(union.Branches[chosen], writer) + ")";
        }

        private static bool CanRead(AvroSchema reader, AvroSchema writer) => SchemaCompatibility.CanRead(reader, writer).IsCompatible;

        /// <summary>The reader's schema of a node of the contract's model, for deciding which union branch reads a writer value.</summary>
        private AvroSchema ReaderSchemaOf(AvroTypeModel type)
        {
            switch (type.Kind)
            {
                case AvroKind.Record or AvroKind.Enum or AvroKind.Fixed:
                    return _readerNamedTypes[type.NamedTypeFullName!];
                case AvroKind.Array:
                    return new ArraySchema(ReaderSchemaOf(type.Items!));
                case AvroKind.Map:
                    return new MapSchema(ReaderSchemaOf(type.Items!));
                case AvroKind.Nullable:
                    return new UnionSchema(new[] { new PrimitiveSchema(AvroSchemaType.Null), ReaderSchemaOf(type.Items!) });
                case AvroKind.Union:
                    var branches = new AvroSchema[type.Branches.Count];
                    for (var b = 0; b < branches.Length; b++)
                    {
                        branches[b] = ReaderSchemaOf(type.Branches[b]);
                    }

                    return new UnionSchema(branches);
                default:
                    return new PrimitiveSchema(PrimitiveTypeOf(type.Kind), type.LogicalType, type.Precision, type.Scale);
            }
        }

        private static AvroSchemaType PrimitiveTypeOf(AvroKind kind) => kind switch
        {
            AvroKind.Null => AvroSchemaType.Null,
            AvroKind.Boolean => AvroSchemaType.Boolean,
            AvroKind.Int => AvroSchemaType.Int,
            AvroKind.Long => AvroSchemaType.Long,
            AvroKind.Float => AvroSchemaType.Float,
            AvroKind.Double => AvroSchemaType.Double,
            AvroKind.Bytes => AvroSchemaType.Bytes,
            _ => AvroSchemaType.String,
        };

        /// <summary>Every record, enum and fixed of the reader's schema by full name (the model refers to them by name).</summary>
        private static Dictionary<string, NamedSchema> NamedTypesOf(AvroSchema root)
        {
            var named = new Dictionary<string, NamedSchema>(System.StringComparer.Ordinal);
            var pending = new Stack<AvroSchema>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case RecordSchema record when !named.ContainsKey(record.FullName):
                        named.Add(record.FullName, record);
                        foreach (var field in record.Fields)
                        {
                            pending.Push(field.Schema);
                        }

                        break;
                    case NamedSchema other when other is not RecordSchema:
                        named[other.FullName] = other;
                        break;
                    case ArraySchema array:
                        pending.Push(array.Items);
                        break;
                    case MapSchema map:
                        pending.Push(map.Values);
                        break;
                    case UnionSchema union:
                        foreach (var branch in union.Branches)
                        {
                            pending.Push(branch);
                        }

                        break;
                }
            }

            return named;
        }
    }
}
