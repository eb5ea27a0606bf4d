using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Contracts.Analyzers.CodeFixes;

/// <summary>
/// CTR1004 "Ship schema": writes the contract's schema into the shipped baseline (<c>schemas/shipped/&lt;type&gt;/v&lt;N&gt;.avsc</c>)
/// as an additional document. Fix-all ships every unshipped version in the scope at once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ShipSchemaCodeFixProvider),
    DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) }), Shared]
public sealed class ShipSchemaCodeFixProvider() : BaselineFileCodeFixProvider("CTR1004", "Ship schema", "Ship every unshipped schema");
