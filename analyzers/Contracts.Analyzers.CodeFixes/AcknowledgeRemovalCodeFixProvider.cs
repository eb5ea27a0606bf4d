using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Contracts.Analyzers.CodeFixes;

/// <summary>
/// CTR1003 "Acknowledge removal": adds the empty <c>v&lt;N&gt;.removed</c> marker next to the shipped schema whose contract
/// is gone, recording in the baseline (and in review) that the version was retired on purpose. The shipped schema stays,
/// so later versions are still checked against it. Fix-all acknowledges every removal in the scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AcknowledgeRemovalCodeFixProvider),
    DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) }), Shared]
public sealed class AcknowledgeRemovalCodeFixProvider() : BaselineFileCodeFixProvider("CTR1003", "Acknowledge removal of", "Acknowledge every removed version");
