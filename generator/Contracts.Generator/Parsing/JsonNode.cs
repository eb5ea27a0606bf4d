using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Contracts.Generator.Parsing;

/// <summary>The kinds of JSON value an <c>[AvroDefault]</c> can hold.</summary>
internal enum JsonNodeKind
{
    Null,
    True,
    False,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// A parsed JSON value. The generator targets netstandard2.0 without System.Text.Json, and default values are tiny,
/// so a small strict parser (RFC 8259) is simpler than shipping a dependency into every compiler process.
/// </summary>
internal sealed class JsonNode
{
    private JsonNode(JsonNodeKind kind, string? text = null, List<JsonNode>? items = null, List<KeyValuePair<string, JsonNode>>? properties = null)
    {
        Kind = kind;
        Text = text;
        Items = items ?? new List<JsonNode>();
        Properties = properties ?? new List<KeyValuePair<string, JsonNode>>();
    }

    public JsonNodeKind Kind { get; }

    /// <summary>Offset of the value's first character in the parsed text (-1 for a node built in code), for diagnostics.</summary>
    public int Start { get; private set; } = -1;

    /// <summary>Offset just past the value's last character in the parsed text (-1 for a node built in code).</summary>
    public int End { get; private set; } = -1;

    /// <summary>The string value, or the number exactly as written.</summary>
    public string? Text { get; }

    public List<JsonNode> Items { get; }

    public List<KeyValuePair<string, JsonNode>> Properties { get; }

    public static JsonNode Null { get; } = new(JsonNodeKind.Null);

    public static JsonNode String(string value) => new(JsonNodeKind.String, value);

    public static JsonNode Number(string text) => new(JsonNodeKind.Number, text);

    public static JsonNode Boolean(bool value) => new(value ? JsonNodeKind.True : JsonNodeKind.False);

    public static JsonNode Array(List<JsonNode> items) => new(JsonNodeKind.Array, items: items);

    public static JsonNode Object(List<KeyValuePair<string, JsonNode>> properties) => new(JsonNodeKind.Object, properties: properties);

    /// <summary>Parses <paramref name="json"/>; returns null and an explanation when it is not one valid JSON value.</summary>
    public static JsonNode? TryParse(string json, out string? error)
    {
        var node = TryParse(json, out var reason, out var position);
        error = node is null ? reason + " at position " + position.ToString(CultureInfo.InvariantCulture) : null;
        return node;
    }

    /// <summary>
    /// Parses <paramref name="json"/>; on failure returns null, the <paramref name="reason"/> (without a position) and the
    /// offset of the offending character, so a caller can point at it. Every parsed node knows its <see cref="Start"/>
    /// and <see cref="End"/>.
    /// </summary>
    public static JsonNode? TryParse(string json, out string? reason, out int errorPosition)
    {
        var parser = new Parser(json);
        try
        {
            var value = parser.ParseValue(depth: 0);
            parser.SkipWhitespace();
            if (!parser.AtEnd)
            {
                reason = "unexpected text after the value";
                errorPosition = parser.Position;
                return null;
            }

            reason = null;
            errorPosition = -1;
            return value;
        }
        catch (JsonSyntaxException e)
        {
            reason = e.Message;
            errorPosition = e.Position;
            return null;
        }
    }

    /// <summary>Compact JSON text; strings escape everything outside printable ASCII so the text is stable everywhere.</summary>
    public string ToCompactJson()
    {
        var builder = new StringBuilder();
        Write(builder);
        return builder.ToString();
    }

    /// <summary>A JSON string literal in the same form <see cref="ToCompactJson"/> writes strings.</summary>
    public static string Quote(string value) => new StringBuilder(value.Length + 2).AppendQuoted(value, JsonEscaping.Ascii).ToString();

    private void Write(StringBuilder builder)
    {
        switch (Kind)
        {
            case JsonNodeKind.Null:
                builder.Append("null");
                break;
            case JsonNodeKind.True:
                builder.Append("true");
                break;
            case JsonNodeKind.False:
                builder.Append("false");
                break;
            case JsonNodeKind.Number:
                builder.Append(Text);
                break;
            case JsonNodeKind.String:
                builder.AppendQuoted(Text!, JsonEscaping.Ascii);
                break;
            case JsonNodeKind.Array:
                builder.Append('[');
                for (var i = 0; i < Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Items[i].Write(builder);
                }

                builder.Append(']');
                break;
            case JsonNodeKind.Object:
                builder.Append('{');
                for (var i = 0; i < Properties.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    builder.AppendQuoted(Properties[i].Key, JsonEscaping.Ascii);
                    builder.Append(':');
                    Properties[i].Value.Write(builder);
                }

                builder.Append('}');
                break;
        }
    }

    private sealed class JsonSyntaxException(string message, int position) : System.Exception(message)
    {
        public int Position { get; } = position;
    }

    private sealed class Parser(string text)
    {
        private const int MaxDepth = 64;

        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public void SkipWhitespace()
        {
            while (!AtEnd && (text[Position] == ' ' || text[Position] == '\t' || text[Position] == '\n' || text[Position] == '\r'))
            {
                Position++;
            }
        }

        public JsonNode ParseValue(int depth)
        {
            SkipWhitespace();
            var start = Position;
            var value = ParseUnpositioned(depth);

            // Shared singletons (JsonNode.Null) carry no position; every parsed value gets its own node with its span.
            var node = ReferenceEquals(value, JsonNode.Null) ? new JsonNode(JsonNodeKind.Null) : value;
            node.Start = start;
            node.End = Position;
            return node;
        }

        private JsonNode ParseUnpositioned(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Fail("nesting is too deep");
            }

            SkipWhitespace();
            if (AtEnd)
            {
                throw Fail("expected a value but the text ended");
            }

            switch (text[Position])
            {
                case 'n':
                    Expect("null");
                    return JsonNode.Null;
                case 't':
                    Expect("true");
                    return Boolean(true);
                case 'f':
                    Expect("false");
                    return Boolean(false);
                case '"':
                    return String(ParseString());
                case '[':
                    return ParseArray(depth);
                case '{':
                    return ParseObject(depth);
                default:
                    return ParseNumber();
            }
        }

        private JsonNode ParseArray(int depth)
        {
            Position++;
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (!AtEnd && text[Position] == ']')
            {
                Position++;
                return Array(items);
            }

            while (true)
            {
                items.Add(ParseValue(depth + 1));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Fail("the array is not closed");
                }

                var c = text[Position++];
                if (c == ']')
                {
                    return Array(items);
                }

                if (c != ',')
                {
                    Position--;
                    throw Fail("expected ',' or ']'");
                }
            }
        }

        private JsonNode ParseObject(int depth)
        {
            Position++;
            var properties = new List<KeyValuePair<string, JsonNode>>();
            SkipWhitespace();
            if (!AtEnd && text[Position] == '}')
            {
                Position++;
                return Object(properties);
            }

            while (true)
            {
                SkipWhitespace();
                if (AtEnd || text[Position] != '"')
                {
                    throw Fail("expected a property name");
                }

                var name = ParseString();
                foreach (var existing in properties)
                {
                    if (existing.Key == name)
                    {
                        throw Fail("duplicate property '" + name + "'");
                    }
                }

                SkipWhitespace();
                if (AtEnd || text[Position] != ':')
                {
                    throw Fail("expected ':'");
                }

                Position++;
                properties.Add(new KeyValuePair<string, JsonNode>(name, ParseValue(depth + 1)));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Fail("the object is not closed");
                }

                var c = text[Position++];
                if (c == '}')
                {
                    return Object(properties);
                }

                if (c != ',')
                {
                    Position--;
                    throw Fail("expected ',' or '}'");
                }
            }
        }

        private string ParseString()
        {
            Position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Fail("the string is not closed");
                }

                var c = text[Position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < 0x20)
                {
                    Position--;
                    throw Fail("control characters must be escaped in strings");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (AtEnd)
                {
                    throw Fail("the escape sequence is cut off");
                }

                var escape = text[Position++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (Position + 4 > text.Length ||
                            !int.TryParse(text.Substring(Position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Fail("\\u needs four hexadecimal digits");
                        }

                        builder.Append((char)code);
                        Position += 4;
                        break;
                    default:
                        Position--;
                        throw Fail("unknown escape '\\" + escape + "'");
                }
            }
        }

        private JsonNode ParseNumber()
        {
            var start = Position;
            if (!AtEnd && text[Position] == '-')
            {
                Position++;
            }

            if (AtEnd || !IsDigit(text[Position]))
            {
                Position = start;
                throw Fail("unexpected character '" + text[start] + "'");
            }

            if (text[Position] == '0')
            {
                Position++;
            }
            else
            {
                SkipDigits();
            }

            if (!AtEnd && text[Position] == '.')
            {
                Position++;
                RequireDigits();
            }

            if (!AtEnd && (text[Position] == 'e' || text[Position] == 'E'))
            {
                Position++;
                if (!AtEnd && (text[Position] == '+' || text[Position] == '-'))
                {
                    Position++;
                }

                RequireDigits();
            }

            return Number(text.Substring(start, Position - start));
        }

        private void RequireDigits()
        {
            if (AtEnd || !IsDigit(text[Position]))
            {
                throw Fail("expected a digit");
            }

            SkipDigits();
        }

        private void SkipDigits()
        {
            while (!AtEnd && IsDigit(text[Position]))
            {
                Position++;
            }
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private void Expect(string literal)
        {
            if (string.CompareOrdinal(text, Position, literal, 0, literal.Length) != 0)
            {
                throw Fail("unexpected text");
            }

            Position += literal.Length;
        }

        private JsonSyntaxException Fail(string reason) =>
            new(reason, Position);
    }
}
