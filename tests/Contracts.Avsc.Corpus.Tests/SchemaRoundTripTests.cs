using System.Linq;
using Contracts.Runtime.Tests.Support;
using Xunit;

namespace Contracts.Avsc.Corpus.Tests;

/// <summary>
/// Schema text round trip: the schema a contract generated from an .avsc file carries has the Parsing Canonical Form
/// and fingerprint Apache.Avro computes from the source file itself.
/// </summary>
public sealed class SchemaRoundTripTests
{
    /// <summary>
    /// <c>"namespace": ""</c> on a named type inside a namespaced one puts it in the null namespace (Avro specification,
    /// "Names": the empty string may be used as a namespace to indicate the null namespace), which the generator
    /// follows. Apache.Avro 1.12.2 for C# and python3-avro 1.11 both let the enclosing namespace win instead, so for this
    /// file the expected canonical form is written out rather than computed by Apache.
    /// </summary>
    private static readonly System.Collections.Generic.Dictionary<string, string> SpecCanonicalForms = new()
    {
        ["namespaces/null_namespace_child.avsc"] =
            "{\"name\":\"corpus.ns.HasGlobalChild\",\"type\":\"record\",\"fields\":[{\"name\":\"child\",\"type\":{\"name\":\"GlobalChild\",\"type\":\"record\",\"fields\":[{\"name\":\"y\",\"type\":\"long\"}]}}]}",
    };

    [Fact]
    public void Corpus_has_at_least_40_contracts_and_each_file_generated_exactly_one()
    {
        var files = CorpusFiles.ContractFiles.ToArray();

        Assert.True(files.Length >= 40, "the corpus has " + files.Length + " contract files");
        Assert.Equal(files.Select(f => f.FullName).Order(), CorpusContracts.All.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(CorpusContracts.ContractFiles), MemberType = typeof(CorpusContracts))]
    public void Emitted_schema_has_the_source_files_canonical_form_and_fingerprint(string relativePath)
    {
        var file = CorpusFiles.Get(relativePath);
        var descriptor = CorpusContracts.For(file);
        if (SpecCanonicalForms.TryGetValue(relativePath, out var specCanonical))
        {
            Assert.Equal(specCanonical, descriptor.CanonicalSchema);
            Assert.Equal(Contracts.Schema.RabinFingerprint.Compute(specCanonical), descriptor.Fingerprint);
            return;
        }

        var source = CorpusFiles.ApacheSchemaForCanonicalForm(file);

        Assert.Equal(global::Avro.SchemaNormalization.ToParsingForm(source), descriptor.CanonicalSchema);
        Assert.Equal(global::Avro.SchemaNormalization.ParsingFingerprint64(source), descriptor.Fingerprint);
    }

    [Theory]
    [MemberData(nameof(CorpusContracts.ContractFiles), MemberType = typeof(CorpusContracts))]
    public void Emitted_full_schema_parses_in_Apache_to_the_same_canonical_form(string relativePath)
    {
        var descriptor = CorpusContracts.For(CorpusFiles.Get(relativePath));

        global::Avro.Schema.Parse(descriptor.Schema);
        var parsed = global::Avro.Schema.Parse(ApacheCanonicalInput.WithoutFixedLogicalTypes(descriptor.Schema));

        // Apache reads the emitted "namespace": "" the way it reads the source file's (see SpecCanonicalForms).
        var expected = SpecCanonicalForms.ContainsKey(relativePath)
            ? global::Avro.SchemaNormalization.ToParsingForm(CorpusFiles.ApacheSchemaForCanonicalForm(CorpusFiles.Get(relativePath)))
            : descriptor.CanonicalSchema;
        Assert.Equal(expected, global::Avro.SchemaNormalization.ToParsingForm(parsed));
    }
}
