using System;
using System.Collections.Generic;
using System.Text;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Writes the Parsing Canonical Form of a record as the Avro specification defines it: primitives as bare names,
/// full names, only the attributes that matter to parsing (<c>name</c>, <c>type</c>, <c>fields</c>, <c>symbols</c>,
/// <c>items</c>, <c>values</c>, <c>size</c>) in that order, no whitespace. Logical types, docs, aliases and defaults
/// are stripped, so two schemas that read the same bytes share one fingerprint.
/// </summary>
internal sealed class SchemaCanonicalWriter
{
    private readonly SchemaNamedTypes _types;
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly StringBuilder _text = new();

    private SchemaCanonicalWriter(SchemaNamedTypes types) => _types = types;

    public static string Write(RecordModel root, SchemaNamedTypes types)
    {
        var writer = new SchemaCanonicalWriter(types);
        writer.WriteRecord(root);
        return writer._text.ToString();
    }

    private void WriteType(AvroTypeModel type)
    {
        switch (type.Kind)
        {
            case AvroKind.Record:
                var recordName = SchemaNamedTypes.NameOf(type);
                if (_defined.Contains(recordName))
                {
                    _text.AppendQuoted(recordName);
                }
                else
                {
                    WriteRecord(_types.Record(recordName));
                }

                break;
            case AvroKind.Enum:
                var enumName = SchemaNamedTypes.NameOf(type);
                if (_defined.Contains(enumName))
                {
                    _text.AppendQuoted(enumName);
                }
                else
                {
                    WriteEnum(_types.Enum(enumName));
                }

                break;
            case AvroKind.Fixed:
                var fixedName = SchemaNamedTypes.NameOf(type);
                if (_defined.Add(fixedName))
                {
                    _text.Append("{\"name\":").AppendQuoted(fixedName).Append(",\"type\":\"fixed\",\"size\":").AppendNumber(type.FixedSize).Append('}');
                }
                else
                {
                    _text.AppendQuoted(fixedName);
                }

                break;
            case AvroKind.Array:
                _text.Append("{\"type\":\"array\",\"items\":");
                WriteType(ItemsOf(type));
                _text.Append('}');
                break;
            case AvroKind.Map:
                _text.Append("{\"type\":\"map\",\"values\":");
                WriteType(ItemsOf(type));
                _text.Append('}');
                break;
            case AvroKind.Nullable:
                _text.Append("[\"null\",");
                WriteType(ItemsOf(type));
                _text.Append(']');
                break;
            case AvroKind.Union:
                _text.Append('[');
                for (var i = 0; i < type.Branches.Count; i++)
                {
                    if (i > 0)
                    {
                        _text.Append(',');
                    }

                    WriteType(type.Branches[i]);
                }

                _text.Append(']');
                break;
            default:
                _text.AppendQuoted(SchemaPrimitives.NameOf(type.Kind));
                break;
        }
    }

    private void WriteRecord(RecordModel record)
    {
        _defined.Add(record.AvroFullName);
        _text.Append("{\"name\":").AppendQuoted(record.AvroFullName).Append(",\"type\":\"record\",\"fields\":[");
        for (var i = 0; i < record.Fields.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }

            _text.Append("{\"name\":").AppendQuoted(record.Fields[i].AvroName).Append(",\"type\":");
            WriteType(record.Fields[i].Type);
            _text.Append('}');
        }

        _text.Append("]}");
    }

    private void WriteEnum(EnumModel enumModel)
    {
        _defined.Add(enumModel.AvroFullName);
        _text.Append("{\"name\":").AppendQuoted(enumModel.AvroFullName).Append(",\"type\":\"enum\",\"symbols\":[");
        for (var i = 0; i < enumModel.Symbols.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }

            _text.AppendQuoted(enumModel.Symbols[i].Symbol);
        }

        _text.Append("]}");
    }

    private static AvroTypeModel ItemsOf(AvroTypeModel type) =>
        type.Items ?? throw new InvalidOperationException($"A {type.Kind} schema node has no item type.");
}
