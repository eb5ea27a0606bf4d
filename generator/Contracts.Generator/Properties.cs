using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Contracts.Generator.Tests")]
[assembly: InternalsVisibleTo("Contracts.Compatibility.Tests")]
