using System;
using System.Collections.Generic;
using System.Text;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Writes the full Avro schema JSON of a record: every attribute a reader may need (docs, aliases, defaults, logical
/// types), compact and in a fixed key order. A named type is defined at its first occurrence in depth-first order and
/// referenced by full name afterwards, which is what makes recursive types expressible.
/// </summary>
internal sealed class SchemaJsonWriter
{
    private readonly SchemaNamedTypes _types;
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly StringBuilder _json = new();

    // The namespace a short name would resolve against at the current point: the innermost enclosing named type's.
    private readonly Stack<string> _enclosingNamespaces = new();

    private SchemaJsonWriter(SchemaNamedTypes types) => _types = types;

    public static string Write(RecordModel root, SchemaNamedTypes types)
    {
        var writer = new SchemaJsonWriter(types);
        writer._enclosingNamespaces.Push(string.Empty);
        writer.WriteRecord(root);
        return writer._json.ToString();
    }

    private void WriteType(AvroTypeModel type)
    {
        switch (type.Kind)
        {
            case AvroKind.Record:
                var recordName = SchemaNamedTypes.NameOf(type);
                if (_defined.Contains(recordName))
                {
                    _json.AppendQuoted(recordName);
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
                    _json.AppendQuoted(enumName);
                }
                else
                {
                    WriteEnum(_types.Enum(enumName));
                }

                break;
            case AvroKind.Fixed:
                WriteFixed(type);
                break;
            case AvroKind.Array:
                _json.Append("{\"type\":\"array\",\"items\":");
                WriteType(ItemsOf(type));
                _json.Append('}');
                break;
            case AvroKind.Map:
                _json.Append("{\"type\":\"map\",\"values\":");
                WriteType(ItemsOf(type));
                _json.Append('}');
                break;
            case AvroKind.Nullable:
                _json.Append("[\"null\",");
                WriteType(ItemsOf(type));
                _json.Append(']');
                break;
            case AvroKind.Union:
                _json.Append('[');
                for (var i = 0; i < type.Branches.Count; i++)
                {
                    if (i > 0)
                    {
                        _json.Append(',');
                    }

                    WriteType(type.Branches[i]);
                }

                _json.Append(']');
                break;
            default:
                WritePrimitive(type);
                break;
        }
    }

    private void WritePrimitive(AvroTypeModel type)
    {
        var primitive = SchemaPrimitives.NameOf(type.Kind);
        if (type.LogicalType is null)
        {
            _json.AppendQuoted(primitive);
            return;
        }

        _json.Append("{\"type\":").AppendQuoted(primitive);
        WriteLogicalType(type);
        _json.Append('}');
    }

    private void WriteLogicalType(AvroTypeModel type)
    {
        _json.Append(",\"logicalType\":").AppendQuoted(type.LogicalType!);
        if (type.LogicalType == "decimal")
        {
            _json.Append(",\"precision\":").AppendNumber(type.Precision);
            _json.Append(",\"scale\":").AppendNumber(type.Scale);
        }
    }

    private void WriteRecord(RecordModel record)
    {
        _defined.Add(record.AvroFullName);
        _json.Append("{\"type\":\"record\",\"name\":").AppendQuoted(record.AvroName);
        WriteNamespace(record.AvroNamespace);
        WriteDoc(record.Doc);
        WriteAliases(record.Aliases);
        _json.Append(",\"fields\":[");
        _enclosingNamespaces.Push(record.AvroNamespace);
        for (var i = 0; i < record.Fields.Count; i++)
        {
            if (i > 0)
            {
                _json.Append(',');
            }

            WriteField(record.Fields[i]);
        }

        _enclosingNamespaces.Pop();
        _json.Append("]}");
    }

    private void WriteField(FieldModel field)
    {
        _json.Append("{\"name\":").AppendQuoted(field.AvroName);
        _json.Append(",\"type\":");
        WriteType(field.Type);
        WriteDoc(field.Doc);
        if (field.DefaultJson is not null)
        {
            _json.Append(",\"default\":").Append(field.DefaultJson);
        }

        WriteAliases(field.Aliases);
        _json.Append('}');
    }

    private void WriteEnum(EnumModel enumModel)
    {
        _defined.Add(enumModel.AvroFullName);
        _json.Append("{\"type\":\"enum\",\"name\":").AppendQuoted(enumModel.AvroName);
        WriteNamespace(enumModel.AvroNamespace);
        WriteDoc(enumModel.Doc);
        WriteAliases(enumModel.Aliases);
        _json.Append(",\"symbols\":[");
        for (var i = 0; i < enumModel.Symbols.Count; i++)
        {
            if (i > 0)
            {
                _json.Append(',');
            }

            _json.AppendQuoted(enumModel.Symbols[i].Symbol);
        }

        _json.Append(']');
        if (enumModel.DefaultSymbol is not null)
        {
            _json.Append(",\"default\":").AppendQuoted(enumModel.DefaultSymbol);
        }

        _json.Append('}');
    }

    private void WriteFixed(AvroTypeModel type)
    {
        var fullName = SchemaNamedTypes.NameOf(type);
        if (!_defined.Add(fullName))
        {
            _json.AppendQuoted(fullName);
            return;
        }

        _json.Append("{\"type\":\"fixed\",\"name\":").AppendQuoted(type.NamedTypeShortName!);
        WriteNamespace(type.NamedTypeNamespace);
        _json.Append(",\"size\":").AppendNumber(type.FixedSize);
        if (type.LogicalType is not null)
        {
            WriteLogicalType(type);
        }

        _json.Append('}');
    }

    private void WriteNamespace(string avroNamespace)
    {
        // An empty namespace must be spelled out only where it would otherwise be inherited from an enclosing type.
        if (avroNamespace.Length > 0 || _enclosingNamespaces.Peek().Length > 0)
        {
            _json.Append(",\"namespace\":").AppendQuoted(avroNamespace);
        }
    }

    private void WriteDoc(string? doc)
    {
        if (doc is not null)
        {
            _json.Append(",\"doc\":").AppendQuoted(doc);
        }
    }

    private void WriteAliases(EquatableArray<string> aliases)
    {
        if (aliases.IsEmpty)
        {
            return;
        }

        _json.Append(",\"aliases\":[");
        for (var i = 0; i < aliases.Count; i++)
        {
            if (i > 0)
            {
                _json.Append(',');
            }

            _json.AppendQuoted(aliases[i]);
        }

        _json.Append(']');
    }

    private static AvroTypeModel ItemsOf(AvroTypeModel type) =>
        type.Items ?? throw new InvalidOperationException($"A {type.Kind} schema node has no item type.");
}
