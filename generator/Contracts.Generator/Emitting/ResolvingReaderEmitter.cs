using System;
using System.Collections.Generic;
using System.Globalization;
using Contracts.Generator.Compatibility;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Generates, for each earlier version of a contract's message type whose data the contract can read, a reader that
/// performs Avro schema resolution as straight-line code: it walks the writer's schema, skips fields the contract
/// lacks, fills the contract's other fields from their defaults, promotes numbers, remaps enum symbols (unknown ones
/// to the enum's default) and union branches, and reads a value into the first branch of a reader union that can read
/// it. A version the checker finds incompatible, or whose resolution this
/// emitter cannot express exactly, gets no reader, so its data is never read silently.
/// </summary>
internal static partial class ResolvingReaderEmitter
{
    public static ResolvingReaders Build(CodecPlan plan, EquatableArray<EarlierSchemaModel> earlierVersions)
    {
        if (earlierVersions.IsEmpty)
        {
            return ResolvingReaders.None;
        }

        var result = new ResolvingReaders();
        var readerSchema = AvroSchemaParser.Parse(SchemaEmitter.Emit(plan.Model).Json);
        foreach (var earlier in earlierVersions)
        {
            var version = "v" + CSharpLiteral.Int(earlier.Version);
            var writerSchema = AvroSchemaParser.TryParse(earlier.SchemaJson, out var error);
            if (writerSchema is null)
            {
                result.NotReadable.Add(version + ": its schema is invalid: " + error);
                continue;
            }

            var compatibility = SchemaCompatibility.CanRead(readerSchema, writerSchema);
            if (!compatibility.IsCompatible)
            {
                result.NotReadable.Add(version + ": incompatible: " + compatibility.Errors[0]);
                continue;
            }

            var session = new Session(plan, readerSchema, earlier.Version);
            try
            {
                var entry = session.EmitEntry(writerSchema);
                result.Entries.Add(new ResolvingReaderEntry(earlier.Version, earlier.SchemaJson, entry));
                result.MethodLines.AddRange(session.Lines());
            }
            catch (UnsupportedResolutionException e)
            {
                result.NotReadable.Add(version + ": " + e.Message);
            }
        }

        return result;
    }

    /// <summary>Writes the methods and a comment naming the versions that have no reader, inside the codec class.</summary>
    public static void EmitMethods(SourceWriter w, ResolvingReaders readers)
    {
        if (readers.Entries.Count == 0 && readers.NotReadable.Count == 0)
        {
            return;
        }

        foreach (var note in readers.NotReadable)
        {
            w.Line();
            w.Line("// No resolving reader for " + note.Replace('\n', ' ').Replace('\r', ' '));
        }

        foreach (var line in readers.MethodLines)
        {
            w.Line(line);
        }
    }

    /// <summary>A resolution the writer/reader pair needs but generated code would not reproduce exactly.</summary>
    private sealed class UnsupportedResolutionException(string message) : Exception(message)
    {
    }

    /// <summary>The methods of one earlier version, requested on demand and written one after another.</summary>
    private sealed partial class Session
    {
        private readonly CodecPlan _plan;
        private readonly string _version;
        private readonly SourceWriter _w = new();
        private readonly Dictionary<(object Reader, AvroSchema Writer), string> _resolvers = new();
        private readonly Dictionary<AvroSchema, string> _skippers = new();
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly Queue<Action> _pending = new();
        private readonly Dictionary<string, NamedSchema> _readerNamedTypes;

        public Session(CodecPlan plan, AvroSchema readerRoot, int version)
        {
            _plan = plan;
            _readerNamedTypes = NamedTypesOf(readerRoot);
            _version = "V" + version.ToString(CultureInfo.InvariantCulture);
        }

        public IEnumerable<string> Lines() => _w.ToString().TrimEnd('\n').Split('\n');

        /// <summary>Emits the entry method reading the writer's root into the contract type; returns its name.</summary>
        public string EmitEntry(AvroSchema writerRoot)
        {
            var root = _plan.Root;
            var rootType = new AvroTypeModel(AvroKind.Record, ClrShape.Record, root.ClrTypeName, NamedTypeFullName: root.AvroFullName);
            var entry = Name("AvroReadFrom" + _version, string.Empty);
            var body = Resolve(rootType, writerRoot);
            _w.Line();
            _w.Line("internal static " + root.ClrTypeName + " " + entry + "(ref " + CodeNames.AvroReader + " reader) =>");
            _w.Line("    " + body + ";");
            while (_pending.Count > 0)
            {
                _pending.Dequeue()();
            }

            return entry;
        }

        /// <summary>An expression reading a <paramref name="writer"/> value from <c>reader</c> as <paramref name="reader"/>'s type.</summary>
        private string Resolve(AvroTypeModel reader, AvroSchema writer)
        {
            if (writer is UnionSchema union)
            {
                return Method(reader, union, "Union", () => EmitUnionResolver(reader, union)) + "(ref reader)";
            }

            if (reader.Kind == AvroKind.Union)
            {
                return ResolveIntoUnion(reader, writer);
            }

            if (reader.Kind == AvroKind.Nullable)
            {
                // ["null", T] reads a null as null and anything else through T (the first branch that can read it).
                return writer.Type == AvroSchemaType.Null ? "default(" + reader.ClrTypeName + ")" : Resolve(reader.Items!, writer);
            }

            switch (reader.Kind)
            {
                case AvroKind.Record when writer is RecordSchema writerRecord:
                    var record = _plan.Record(reader.NamedTypeFullName!);
                    return Method(record, writer, _plan.NameOf(record), () => EmitRecordResolver(record, writerRecord)) + "(ref reader)";
                case AvroKind.Enum when writer is EnumSchema writerEnum:
                    var enumModel = _plan.Enum(reader.NamedTypeFullName!);
                    return Method(enumModel, writer, _plan.NameOf(enumModel), () => EmitEnumResolver(enumModel, writerEnum)) + "(ref reader)";
                case AvroKind.Array when writer is ArraySchema writerArray:
                    return Method(reader, writer, _plan.NameOf(reader), () => EmitArrayResolver(reader, writerArray)) + "(ref reader)";
                case AvroKind.Map when writer is MapSchema writerMap:
                    return Method(reader, writer, _plan.NameOf(reader), () => EmitMapResolver(reader, writerMap)) + "(ref reader)";
                default:
                    return ResolveScalar(reader, writer);
            }
        }

        private string ResolveScalar(AvroTypeModel reader, AvroSchema writer)
        {
            // int and long share the zigzag varint encoding, string and bytes the length-prefixed one: the reader's own
            // read method reads them. Numbers that change representation are read as written and converted.
            var own = AvroCodecEmitter.ReadValue(_plan, reader);
            switch (reader.Kind, writer.Type)
            {
                case (AvroKind.Boolean, AvroSchemaType.Boolean):
                case (AvroKind.Int, AvroSchemaType.Int):
                case (AvroKind.Long, AvroSchemaType.Long):
                case (AvroKind.Float, AvroSchemaType.Float):
                case (AvroKind.Double, AvroSchemaType.Double):
                case (AvroKind.String, AvroSchemaType.String or AvroSchemaType.Bytes):
                case (AvroKind.Bytes, AvroSchemaType.Bytes):
                    return own;
                case (AvroKind.Bytes, AvroSchemaType.String) when reader.Clr != ClrShape.Decimal:
                    return own;
                case (AvroKind.Fixed, AvroSchemaType.Fixed) when ((FixedSchema)writer).Size == reader.FixedSize:
                    return own;
                case (AvroKind.Long, AvroSchemaType.Int):
                    return reader.Clr == ClrShape.Int64 ? "(long)reader.ReadInt()" : own;
                case (AvroKind.Float, AvroSchemaType.Int):
                    return "(float)reader.ReadInt()";
                case (AvroKind.Float, AvroSchemaType.Long):
                    return "(float)reader.ReadLong()";
                case (AvroKind.Double, AvroSchemaType.Int):
                    return "(double)reader.ReadInt()";
                case (AvroKind.Double, AvroSchemaType.Long):
                    return "(double)reader.ReadLong()";
                case (AvroKind.Double, AvroSchemaType.Float):
                    return "(double)reader.ReadFloat()";
                default:
                    throw new UnsupportedResolutionException(
                        "the writer's " + writer.Describe() + " cannot be read as " + reader.ClrTypeName.Replace("global::", string.Empty));
            }
        }

        private void EmitRecordResolver(RecordModel record, RecordSchema writer)
        {
            var name = _resolvers[(record, writer)];
            var readerFieldOf = new int[writer.Fields.Count];
            for (var j = 0; j < readerFieldOf.Length; j++)
            {
                readerFieldOf[j] = -1;
            }

            var fromWriter = new bool[record.Fields.Count];
            for (var i = 0; i < record.Fields.Count; i++)
            {
                var field = record.Fields[i];
                var writerField = SchemaCompatibility.FindWriterField(writer, field.AvroName, field.Aliases);
                if (writerField is null)
                {
                    if (field.DefaultExpression is null)
                    {
                        throw new UnsupportedResolutionException("field '" + field.AvroName + "' of " + record.AvroFullName + " is not written by " + writer.FullName + " and has no default");
                    }

                    continue;
                }

                if (readerFieldOf[writerField.Position] >= 0)
                {
                    throw new UnsupportedResolutionException("fields '" + record.Fields[readerFieldOf[writerField.Position]].AvroName + "' and '" + field.AvroName +
                        "' of " + record.AvroFullName + " both read the writer's field '" + writerField.Name + "'");
                }

                readerFieldOf[writerField.Position] = i;
                fromWriter[i] = true;
            }

            var names = writer.Fields.Count == 0 ? null : Name("FieldNamesOf" + _version, _plan.NameOf(record));
            if (names is not null)
            {
                var literals = new string[writer.Fields.Count];
                for (var j = 0; j < literals.Length; j++)
                {
                    literals[j] = CSharpLiteral.String(writer.Fields[j].Name);
                }

                _w.Line();
                _w.Line("private static readonly string[] " + names + " = new string[] { " + string.Join(", ", literals) + " };");
            }

            _w.Line();
            _w.Open("private static " + record.ClrTypeName + " " + name + "(ref " + CodeNames.AvroReader + " reader)");
            _w.Line("reader.Enter();");
            string ValueOf(int i) => fromWriter[i] ? AvroCodecEmitter.FieldLocal(i) : record.Fields[i].DefaultExpression!;
            if (names is null)
            {
                _w.Line("reader.Exit();");
                _w.Line("return " + AvroCodecEmitter.Construct(record, ValueOf) + ";");
                _w.Close();
                return;
            }

            _w.Line("var field = 0;");
            _w.Open("try");
            for (var j = 0; j < writer.Fields.Count; j++)
            {
                if (j > 0)
                {
                    _w.Line("field = " + CSharpLiteral.Int(j) + ";");
                }

                var i = readerFieldOf[j];
                if (i >= 0)
                {
                    var field = record.Fields[i];
                    _w.Line(field.Type.ClrTypeName + " " + AvroCodecEmitter.FieldLocal(i) + " = " + Resolve(field.Type, writer.Fields[j].Schema) + ";");
                }
                else
                {
                    Skip(writer.Fields[j].Schema);
                }
            }

            _w.Line("reader.Exit();");
            _w.Line("return " + AvroCodecEmitter.Construct(record, ValueOf) + ";");
            AvroCodecEmitter.FieldCatch(_w, names);
            _w.Close();
        }

        private void EmitEnumResolver(EnumModel enumModel, EnumSchema writer)
        {
            var name = _resolvers[(enumModel, writer)];
            _w.Line();
            if (writer.Symbols.Count == 0)
            {
                throw new UnsupportedResolutionException("the writer's enum " + writer.FullName + " has no symbols");
            }

            _w.Line("private static " + enumModel.ClrTypeName + " " + name + "(ref " + CodeNames.AvroReader + " reader) => reader.ReadEnum(" +
                    CSharpLiteral.Int(writer.Symbols.Count) + ") switch");
            _w.Open();
            for (var j = 0; j < writer.Symbols.Count; j++)
            {
                var symbol = writer.Symbols[j];
                var member = EnumMember(enumModel, symbol) ?? (enumModel.DefaultSymbol is null ? null : EnumMember(enumModel, enumModel.DefaultSymbol))
                    ?? throw new UnsupportedResolutionException("enum " + enumModel.AvroFullName + " has no symbol '" + symbol + "' and no default");
                _w.Line((j == writer.Symbols.Count - 1 ? "_" : CSharpLiteral.Int(j)) + " => " + member + ",");
            }

            _w.Close(";");
        }

        private static string? EnumMember(EnumModel enumModel, string symbol)
        {
            foreach (var candidate in enumModel.Symbols)
            {
                if (candidate.Symbol == symbol)
                {
                    return enumModel.ClrTypeName + "." + CodeNames.Member(candidate.MemberName);
                }
            }

            return null;
        }

        private void EmitArrayResolver(AvroTypeModel array, ArraySchema writer)
        {
            var name = _resolvers[(array, writer)];
            var item = array.Items!.ClrTypeName;
            var minimum = CSharpLiteral.Int(MinimumSize(writer.Items, new HashSet<AvroSchema>()));
            _w.Line();
            _w.Open("private static " + array.ClrTypeName + " " + name + "(ref " + CodeNames.AvroReader + " reader)");
            _w.Line("reader.Enter();");
            _w.Line("var count = reader.ReadBlockCount(0, " + minimum + ");");
            _w.Line("var items = new " + CodeNames.ListOf(item) + "(count);");
            _w.Open("try");
            _w.Open("while (count != 0)");
            _w.Open("for (var i = 0; i < count; i++)");
            _w.Line("items.Add(" + Resolve(array.Items!, writer.Items) + ");");
            _w.Close();
            _w.Line("count = reader.ReadBlockCount(items.Count, " + minimum + ");");
            _w.Close();
            _w.Close();
            AvroCodecEmitter.PathCatch(_w, CodecSupportEmitter.AtIndex + "(e, items.Count)");
            _w.Line("reader.Exit();");
            _w.Line("return " + (array.Clr == ClrShape.List ? "items" : AvroCodecEmitter.FromArray(array, "items.ToArray()")) + ";");
            _w.Close();
        }

        private void EmitMapResolver(AvroTypeModel map, MapSchema writer)
        {
            var name = _resolvers[(map, writer)];
            var minimum = CSharpLiteral.Int(1 + MinimumSize(writer.Values, new HashSet<AvroSchema>()));
            _w.Line();
            _w.Open("private static " + map.ClrTypeName + " " + name + "(ref " + CodeNames.AvroReader + " reader)");
            _w.Line("reader.Enter();");
            _w.Line("var count = reader.ReadBlockCount(0, " + minimum + ");");
            _w.Line("var map = new " + CodeNames.DictionaryOf(map.Items!.ClrTypeName) + "(count);");
            _w.Line("string? key = null;");
            _w.Open("try");
            _w.Open("while (count != 0)");
            _w.Open("for (var i = 0; i < count; i++)");
            _w.Line("key = null;");
            _w.Line("var keyStart = reader.Position;");
            _w.Line("var entryKey = reader.ReadString();");
            _w.Line("key = entryKey;");
            _w.Open("if (!map.TryAdd(entryKey, " + Resolve(map.Items!, writer.Values) + "))");
            _w.Line("throw reader.Error(keyStart, \"the map key '\" + entryKey + \"' appears twice.\");");
            _w.Close();
            _w.Close();
            _w.Line("count = reader.ReadBlockCount(map.Count, " + minimum + ");");
            _w.Close();
            _w.Close();
            AvroCodecEmitter.PathCatch(_w, CodecSupportEmitter.AtKey + "(e, key)");
            _w.Line("reader.Exit();");
            _w.Line("return " + AvroCodecEmitter.FromDictionary(map, "map") + ";");
            _w.Close();
        }

        // A writer union: the branch index on the wire picks how the value is read into the reader's type.
        private void EmitUnionResolver(AvroTypeModel reader, UnionSchema writer)
        {
            var name = _resolvers[(reader, writer)];
            if (writer.Branches.Count == 0)
            {
                throw new UnsupportedResolutionException("the writer's union has no branches");
            }

            var branches = new string[writer.Branches.Count];
            for (var b = 0; b < branches.Length; b++)
            {
                branches[b] = Resolve(reader, writer.Branches[b]);
            }

            _w.Line();
            _w.Open("private static " + reader.ClrTypeName + " " + name + "(ref " + CodeNames.AvroReader + " reader)");
            _w.Open("switch (reader.ReadUnionIndex(" + CSharpLiteral.Int(branches.Length) + "))");
            for (var b = 0; b < branches.Length; b++)
            {
                // ReadUnionIndex has checked the range, so the last branch needs no case label.
                _w.Line(b == branches.Length - 1 ? "default:" : "case " + CSharpLiteral.Int(b) + ":");
                _w.Indent();
                _w.Line("return " + branches[b] + ";");
                _w.Outdent();
            }

            _w.Close();
            _w.Close();
        }

        /// <summary>
        /// The name of the method reading <paramref name="writer"/> as <paramref name="reader"/>, queued for emission the
        /// first time the pair is met (so recursive types refer to the method being written).
        /// </summary>
        private string Method(object reader, AvroSchema writer, string namePart, Action emit)
        {
            if (!_resolvers.TryGetValue((reader, writer), out var name))
            {
                name = Name("ReadFrom" + _version, namePart);
                _resolvers[(reader, writer)] = name;
                _pending.Enqueue(emit);
            }

            return name;
        }

        private string Name(string purpose, string namePart)
        {
            var name = _plan.Member(purpose, namePart);
            for (var suffix = 2; !_names.Add(name); suffix++)
            {
                name = _plan.Member(purpose, namePart + "_" + suffix.ToString(CultureInfo.InvariantCulture));
            }

            return name;
        }
    }
}
