using Contracts.Generator.Parsing;
using Xunit;

namespace Contracts.Generator.Tests.Parsing;

public sealed class AvroNamingTests
{
    [Theory]
    [InlineData("name", true)]
    [InlineData("_x9", true)]
    [InlineData("A_B_c", true)]
    [InlineData("", false)]
    [InlineData("9lives", false)]
    [InlineData("first-name", false)]
    [InlineData("a.b", false)]
    [InlineData("café", false)]
    [InlineData("has space", false)]
    public void Names_follow_the_avro_grammar(string name, bool valid) => Assert.Equal(valid, AvroNaming.IsValidName(name));

    [Theory]
    [InlineData("", true)]
    [InlineData("com.acme", true)]
    [InlineData("com..acme", false)]
    [InlineData(".com", false)]
    [InlineData("1st.ns", false)]
    public void Namespaces_are_dotted_names(string ns, bool valid) => Assert.Equal(valid, AvroNaming.IsValidNamespace(ns));

    [Theory]
    [InlineData("FirstName", "firstName", "first_name")]
    [InlineData("HTTPServer", "httpServer", "http_server")]
    [InlineData("Address2", "address2", "address2")]
    [InlineData("ID", "id", "id")]
    [InlineData("IOStream", "ioStream", "io_stream")]
    [InlineData("Line2Text", "line2Text", "line2_text")]
    [InlineData("already_snake", "already_snake", "already_snake")]
    [InlineData("X", "x", "x")]
    [InlineData("Snake_Case", "snake_Case", "snake_case")]
    public void Policies_split_words_like_json_naming_policies(string member, string camel, string snake)
    {
        Assert.Equal(camel, AvroNaming.ApplyPolicy(member, AvroNaming.CamelCase));
        Assert.Equal(snake, AvroNaming.ApplyPolicy(member, AvroNaming.SnakeCase));
        Assert.Equal(member, AvroNaming.ApplyPolicy(member, AvroNaming.PascalCase));
    }

    [Theory]
    [InlineData("My-App.Service", "My_App.Service")]
    [InlineData("2024.Tools", "_2024.Tools")]
    [InlineData("Acme.class", "Acme._class")]
    [InlineData(null, "Contracts.Generated")]
    [InlineData("", "Contracts.Generated")]
    public void Catalog_namespace_is_a_valid_csharp_namespace(string? assemblyName, string expected) =>
        Assert.Equal(expected, CatalogNamespace.FromAssemblyName(assemblyName));
}
