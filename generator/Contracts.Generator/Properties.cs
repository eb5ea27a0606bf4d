using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Contracts.Generator.Tests")]
