using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Contracts.Avsc.Corpus.Tests;

/// <summary>The generated contracts of the corpus, each paired with the .avsc file it came from.</summary>
internal static class CorpusContracts
{
    private static readonly System.Lazy<IReadOnlyDictionary<string, IMessageDescriptor>> ByAvroFullName = new(() =>
        MessageContracts.Catalog.ToDictionary(d => global::Avro.Schema.Parse(d.Schema).Fullname, d => d));

    public static IReadOnlyDictionary<string, IMessageDescriptor> All => ByAvroFullName.Value;

    public static IMessageDescriptor For(CorpusFile file)
    {
        Assert.True(All.TryGetValue(file.FullName!, out var descriptor), file.RelativePath + " (" + file.FullName + ") generated no contract.");
        return descriptor!;
    }

    /// <summary>Every file whose top level is a record, as theory data.</summary>
    public static TheoryData<string> ContractFiles() => new(CorpusFiles.ContractFiles.Select(f => f.RelativePath));
}
