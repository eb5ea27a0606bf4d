using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Contracts.Analyzers.CodeFixes")]
[assembly: InternalsVisibleTo("Contracts.Analyzers.Tests")]
