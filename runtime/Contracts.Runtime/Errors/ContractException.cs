using System;
using System.Collections.Generic;
using System.Text;

namespace Contracts;

/// <summary>Base of every error the contract codecs raise; carries the path of the field at fault.</summary>
public abstract class ContractException : Exception
{
    // Innermost segment first: segments are added while the exception unwinds out of nested codecs.
    private readonly List<string> _reversedPath = new();
    private string? _message;

    private protected ContractException(string reason, Exception? inner)
        : base(reason, inner)
    {
        Reason = reason;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The field path from the message root, e.g. <c>addresses[2].street</c>; empty when the fault is at the root.</summary>
    public string FieldPath
    {
        get
        {
            var path = new StringBuilder();
            for (var i = _reversedPath.Count - 1; i >= 0; i--)
            {
                var segment = _reversedPath[i];
                if (path.Length > 0 && segment[0] != '[')
                {
                    path.Append('.');
                }

                path.Append(segment);
            }

            return path.ToString();
        }
    }

    /// <inheritdoc />
    public override string Message => _message ??= Describe();

    /// <summary>Records that the fault happened inside field <paramref name="fieldName"/>. Called by generated codecs.</summary>
    public void PrependField(string fieldName)
    {
        _reversedPath.Add(fieldName);
        _message = null;
    }

    /// <summary>Records that the fault happened inside item <paramref name="index"/> of an array. Called by generated codecs.</summary>
    public void PrependIndex(long index)
    {
        _reversedPath.Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
        _message = null;
    }

    /// <summary>Records that the fault happened inside the map entry <paramref name="key"/>. Called by generated codecs.</summary>
    public void PrependMapKey(string key)
    {
        _reversedPath.Add("[\"" + EscapeMapKey(key) + "\"]");
        _message = null;
    }

    private protected abstract string Describe();

    // A key holding a quote, backslash or control character must not make the path ambiguous or break its line.
    private static string EscapeMapKey(string key)
    {
        var clean = true;
        foreach (var c in key)
        {
            if (c is '"' or '\\' || char.IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return key;
        }

        var escaped = new StringBuilder(key.Length + 8);
        foreach (var c in key)
        {
            if (c is '"' or '\\')
            {
                escaped.Append('\\').Append(c);
            }
            else if (char.IsControl(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private protected void InvalidateMessage() => _message = null;

    private protected string Where()
    {
        var path = FieldPath;
        return path.Length == 0 ? "at the message root" : "in field '" + path + "'";
    }
}
