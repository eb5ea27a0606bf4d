using System.Text;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Builds C# source line by line with four-space indentation and '\n' line ends, so the output is the same on
/// every platform and the snapshot tests stay stable.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Line(string line)
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _text.Append(line);
        }

        _text.Append('\n');
    }

    public void Line() => _text.Append('\n');

    /// <summary>Writes <paramref name="header"/> (if any) and an opening brace, then indents.</summary>
    public void Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _indent++;
    }

    /// <summary>Outdents and writes a closing brace followed by <paramref name="suffix"/> (e.g. ";").</summary>
    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    public override string ToString() => _text.ToString();
}
