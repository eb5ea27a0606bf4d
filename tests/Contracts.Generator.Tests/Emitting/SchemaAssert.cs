using Contracts.Generator.Emitting;
using Xunit;

namespace Contracts.Generator.Tests.Emitting;

/// <summary>Checks emitted schema texts against Apache.Avro, the reference implementation.</summary>
internal static class SchemaAssert
{
    public static void MatchesApacheAvro(SchemaTexts texts)
    {
        var parsed = global::Avro.Schema.Parse(texts.Json);
        Assert.Equal(global::Avro.SchemaNormalization.ToParsingForm(parsed), texts.CanonicalForm);
        Assert.Equal(global::Avro.SchemaNormalization.ParsingFingerprint64(parsed), texts.Fingerprint);

        // The canonical form is itself a schema that parses to the same canonical form.
        var reparsed = global::Avro.Schema.Parse(texts.CanonicalForm);
        Assert.Equal(texts.CanonicalForm, global::Avro.SchemaNormalization.ToParsingForm(reparsed));
    }
}
