using System;
using System.Collections.Generic;
using System.Text;
using Contracts.Generator.Model;
using Contracts.Generator.Parsing;

namespace Contracts.Generator.Emitting;

/// <summary>The two texts one traversal of a contract's schema writes.</summary>
internal enum SchemaForm
{
    /// <summary>
    /// The full schema JSON: every attribute a reader may need (docs, aliases, defaults, logical types), compact and in a
    /// fixed key order, names short with a <c>namespace</c> where it differs from the enclosing one.
    /// </summary>
    Full,

    /// <summary>
    /// The Parsing Canonical Form as the Avro specification defines it: primitives as bare names, full names, only the
    /// attributes that matter to parsing (<c>name</c>, <c>type</c>, <c>fields</c>, <c>symbols</c>, <c>items</c>,
    /// <c>values</c>, <c>size</c>) in that order, no whitespace. Logical types, docs, aliases and defaults are stripped, so
    /// two schemas that read the same bytes share one fingerprint.
    /// </summary>
    Canonical,
}

/// <summary>
/// Writes the schema of a record in one <see cref="SchemaForm"/>. A named type is defined at its first occurrence in
/// depth-first order and referenced by full name afterwards, which is what makes recursive types expressible; both forms
/// share that walk and differ only in the attributes of named types, fields and primitives.
/// </summary>
internal sealed class SchemaWriter
{
    private readonly SchemaNamedTypes _types;
    private readonly bool _canonical;
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly StringBuilder _json = new();

    // The namespace a short name would resolve against at the current point: the innermost enclosing named type's.
    private readonly Stack<string> _enclosingNamespaces = new();

    private SchemaWriter(SchemaNamedTypes types, SchemaForm form)
    {
        _types = types;
        _canonical = form == SchemaForm.Canonical;
        _enclosingNamespaces.Push(string.Empty);
    }

    public static string Write(RecordModel root, SchemaNamedTypes types, SchemaForm form)
    {
        var writer = new SchemaWriter(types, form);
        writer.WriteRecord(root);
        return writer._json.ToString();
    }

    private void WriteType(AvroTypeModel type)
    {
        switch (type.Kind)
        {
            case AvroKind.Record or AvroKind.Enum or AvroKind.Fixed when _defined.Contains(SchemaNamedTypes.NameOf(type)):
                _json.AppendQuoted(SchemaNamedTypes.NameOf(type));
                break;
            case AvroKind.Record:
                WriteRecord(_types.Record(SchemaNamedTypes.NameOf(type)));
                break;
            case AvroKind.Enum:
                WriteEnum(_types.Enum(SchemaNamedTypes.NameOf(type)));
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
        if (_canonical || type.LogicalType is null)
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
        WriteNamedTypeStart("record", record.AvroFullName, record.Doc, record.Aliases);
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
        if (!_canonical)
        {
            WriteDoc(field.Doc);
            if (field.DefaultJson is not null)
            {
                _json.Append(",\"default\":").Append(field.DefaultJson);
            }

            WriteAliases(field.Aliases);
        }

        _json.Append('}');
    }

    private void WriteEnum(EnumModel enumModel)
    {
        WriteNamedTypeStart("enum", enumModel.AvroFullName, enumModel.Doc, enumModel.Aliases);
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
        if (!_canonical && enumModel.DefaultSymbol is not null)
        {
            _json.Append(",\"default\":").AppendQuoted(enumModel.DefaultSymbol);
        }

        _json.Append('}');
    }

    private void WriteFixed(AvroTypeModel type)
    {
        WriteNamedTypeStart("fixed", SchemaNamedTypes.NameOf(type), doc: null, type.Aliases);
        _json.Append(",\"size\":").AppendNumber(type.FixedSize);
        if (!_canonical && type.LogicalType is not null)
        {
            WriteLogicalType(type);
        }

        _json.Append('}');
    }

    /// <summary>Opens a named type's definition up to its kind-specific attributes, and records it as defined.</summary>
    private void WriteNamedTypeStart(string kind, string fullName, string? doc, EquatableArray<string> aliases)
    {
        _defined.Add(fullName);
        if (_canonical)
        {
            _json.Append("{\"name\":").AppendQuoted(fullName).Append(",\"type\":\"").Append(kind).Append('"');
            return;
        }

        var dot = fullName.LastIndexOf('.');
        var avroNamespace = dot < 0 ? string.Empty : fullName.Substring(0, dot);
        _json.Append("{\"type\":\"").Append(kind).Append("\",\"name\":").AppendQuoted(fullName.Substring(dot + 1));

        // An empty namespace must be spelled out only where it would otherwise be inherited from an enclosing type.
        if (avroNamespace.Length > 0 || _enclosingNamespaces.Peek().Length > 0)
        {
            _json.Append(",\"namespace\":").AppendQuoted(avroNamespace);
        }

        WriteDoc(doc);
        WriteAliases(aliases);
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
