using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contracts.Generator.Parsing;

/// <summary>
/// Reads Avro docs from XML doc comments. The <c>///</c> trivia text is parsed here rather than through
/// <c>ISymbol.GetDocumentationCommentXml</c>, because that is empty when the project does not generate a documentation
/// file (DocumentationMode None, the default for most projects).
/// </summary>
internal static class DocComments
{
    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.CultureInvariant);

    /// <summary>The <c>&lt;summary&gt;</c> of a type, property, field or enum member, whitespace collapsed; null when absent.</summary>
    public static string? Summary(ISymbol symbol, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var summary = Element(DocumentedNode(reference.GetSyntax(cancellationToken)), "summary", null);
            if (summary is not null)
            {
                return summary;
            }
        }

        return null;
    }

    /// <summary>
    /// A data member's doc: its own summary, or for a positional record parameter the record's
    /// <c>&lt;param name="X"&gt;</c> text.
    /// </summary>
    public static string? ForMember(ISymbol member, INamedTypeSymbol owner, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            var doc = node is ParameterSyntax parameter && parameter.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } record
                ? Element(record, "param", parameter.Identifier.ValueText)
                : Element(DocumentedNode(node), "summary", null);
            if (doc is not null)
            {
                return doc;
            }
        }

        return null;
    }

    private static SyntaxNode DocumentedNode(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } => field,
        _ => node,
    };

    private static string? Element(SyntaxNode node, string elementName, string? nameAttribute)
    {
        var xml = ReadXml(node);
        var element = xml?.Elements(elementName).FirstOrDefault(e => nameAttribute is null || (string?)e.Attribute("name") == nameAttribute);
        if (element is null)
        {
            return null;
        }

        var text = Whitespace.Replace(Text(element), " ").Trim();
        return text.Length == 0 ? null : text;
    }

    private static XElement? ReadXml(SyntaxNode node)
    {
        var lines = new List<string>();
        foreach (var trivia in node.GetLeadingTrivia())
        {
            switch (trivia.Kind())
            {
                case SyntaxKind.SingleLineDocumentationCommentTrivia:
                    foreach (var line in trivia.ToFullString().Split('\n'))
                    {
                        var trimmed = line.Trim();
                        if (trimmed.StartsWith("///", System.StringComparison.Ordinal))
                        {
                            lines.Add(trimmed.Substring(3));
                        }
                    }

                    break;
                case SyntaxKind.SingleLineCommentTrivia:
                    var comment = trivia.ToString();
                    if (comment.StartsWith("///", System.StringComparison.Ordinal) && !comment.StartsWith("////", System.StringComparison.Ordinal))
                    {
                        lines.Add(comment.Substring(3));
                    }
                    else
                    {
                        // An ordinary comment between doc lines and the declaration ends the doc block.
                        lines.Clear();
                    }

                    break;
                case SyntaxKind.MultiLineCommentTrivia when !trivia.ToString().StartsWith("/**", System.StringComparison.Ordinal) || trivia.ToString() == "/**/":
                    lines.Clear();
                    break;
                case SyntaxKind.MultiLineDocumentationCommentTrivia or SyntaxKind.MultiLineCommentTrivia:
                    var block = trivia.ToFullString();
                    block = block.Substring(3, System.Math.Max(0, block.Length - 5));
                    foreach (var line in block.Split('\n'))
                    {
                        var trimmed = line.Trim();
                        lines.Add(trimmed.StartsWith("*", System.StringComparison.Ordinal) ? trimmed.Substring(1) : trimmed);
                    }

                    break;
            }
        }

        if (lines.Count == 0)
        {
            return null;
        }

        try
        {
            return XElement.Parse("<doc>" + string.Join("\n", lines) + "</doc>", LoadOptions.None);
        }
        catch (XmlException)
        {
            // Malformed doc XML: the compiler warns about it (CS1570) when docs are on; the field simply has no doc.
            return null;
        }
    }

    private static string Text(XElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    builder.Append(text.Value);
                    break;
                case XElement child:
                    builder.Append(ElementText(child));
                    break;
            }
        }

        return builder.ToString();
    }

    private static string ElementText(XElement element)
    {
        switch (element.Name.LocalName)
        {
            case "see" or "seealso":
                if (element.Nodes().Any())
                {
                    return Text(element);
                }

                if ((string?)element.Attribute("cref") is { } cref)
                {
                    return CrefDisplayName(cref);
                }

                return (string?)element.Attribute("langword") ?? (string?)element.Attribute("href") ?? string.Empty;
            case "paramref" or "typeparamref":
                return (string?)element.Attribute("name") ?? string.Empty;
            case "para" or "br":
                return " " + Text(element) + " ";
            default:
                return Text(element);
        }
    }

    /// <summary><c>T:Acme.People.Address</c> or <c>Address.Street</c> reads as <c>Address.Street</c>'s last part.</summary>
    private static string CrefDisplayName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref.Substring(2) : cref;
        var parenthesis = name.IndexOf('(');
        if (parenthesis >= 0)
        {
            name = name.Substring(0, parenthesis);
        }

        var generic = name.IndexOfAny(['{', '`', '<']);
        if (generic >= 0)
        {
            name = name.Substring(0, generic);
        }

        return name.Substring(name.LastIndexOf('.') + 1);
    }
}
