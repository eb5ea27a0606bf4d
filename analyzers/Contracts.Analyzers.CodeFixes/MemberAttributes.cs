using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace Contracts.Analyzers.CodeFixes;

/// <summary>The contract member a diagnostic points at (positional parameter, property or field) and its attribute lists.</summary>
internal static class MemberAttributes
{
    public static SyntaxNode? FindMember(SyntaxNode root, TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        return node.AncestorsAndSelf().FirstOrDefault(n => n is ParameterSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax);
    }

    public static SyntaxList<AttributeListSyntax> Lists(SyntaxNode member) => member switch
    {
        ParameterSyntax parameter => parameter.AttributeLists,
        PropertyDeclarationSyntax property => property.AttributeLists,
        FieldDeclarationSyntax field => field.AttributeLists,
        _ => default,
    };

    /// <summary>
    /// The member with the attribute in a list of its own. A parameter keeps it on its line (<c>[X] string? Email</c>);
    /// a property or field gets it on the line above, indented like the member.
    /// </summary>
    public static SyntaxNode Add(SyntaxNode member, AttributeSyntax attribute)
    {
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute.WithAdditionalAnnotations(Simplifier.Annotation)));
        switch (member)
        {
            case ParameterSyntax parameter:
                var leading = parameter.GetLeadingTrivia();
                return parameter.WithoutLeadingTrivia()
                    .AddAttributeLists(list.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithLeadingTrivia(leading);
            case PropertyDeclarationSyntax or FieldDeclarationSyntax:
                var memberLeading = member.GetLeadingTrivia();
                var indentation = memberLeading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                var attributed = member is PropertyDeclarationSyntax property
                    ? (SyntaxNode)property.WithoutLeadingTrivia().AddAttributeLists(list.WithTrailingTrivia(SyntaxFactory.EndOfLine("\n"), indentation))
                    : ((FieldDeclarationSyntax)member).WithoutLeadingTrivia().AddAttributeLists(list.WithTrailingTrivia(SyntaxFactory.EndOfLine("\n"), indentation));
                return attributed.WithLeadingTrivia(memberLeading);
            default:
                return member;
        }
    }
}
