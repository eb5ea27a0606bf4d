using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Avsc;

/// <summary>
/// The generated files of one feature each, compared with checked-in snapshots under <c>Snapshots/Avsc*</c>
/// (<c>CONTRACTS_UPDATE_SNAPSHOTS=1</c> rewrites them). Every case also compiles with all warnings on.
/// </summary>
public sealed class AvscSnapshotTests
{
    [Fact]
    public void Records_with_every_type_logical_type_default_and_doc() =>
        Verify("AvscRecords", AvscEndToEndTests.Project());

    [Fact]
    public void Enums_and_fixed() => Verify("AvscEnumsAndFixed", new AvscProject().Schema("schemas/card.avsc", """
        {"type": "record", "name": "Card", "namespace": "games",
         "fields": [
           {"name": "suit", "type": {"type": "enum", "name": "Suit", "doc": "French suits.", "aliases": ["CardSuit"],
                                     "symbols": ["SPADES", "HEARTS", "DIAMONDS", "CLUBS", "_joker"], "default": "SPADES"}},
           {"name": "other_suits", "type": {"type": "array", "items": "Suit"}, "default": ["HEARTS"]},
           {"name": "id", "type": {"type": "fixed", "name": "CardId", "aliases": ["Ident", "legacy.CardKey"], "size": 2}},
           {"name": "backup_id", "type": ["null", "CardId"], "default": null},
           {"name": "stake", "type": {"type": "fixed", "name": "Stake", "aliases": ["Bet"], "size": 5, "logicalType": "decimal", "precision": 11, "scale": 2},
            "default": "\u0000\u0000\u0000\u0004\u00d2"},
           {"name": "side_bets", "type": {"type": "array", "items": ["null", "Stake"]}, "default": []}
         ]}
        """));

    [Fact]
    public void Unions() => Verify("AvscUnions", new AvscProject().Schema("schemas/shape.avsc", """
        {"type": "record", "name": "Drawing", "namespace": "art",
         "fields": [
           {"name": "shape", "type": [
             {"type": "record", "name": "Circle", "fields": [{"name": "radius", "type": "double"}]},
             {"type": "record", "name": "Square", "fields": [{"name": "side", "type": "double"}]}]},
           {"name": "label", "type": ["string", "null"], "default": "untitled"},
           {"name": "value", "type": ["null", "int", "string", {"type": "array", "items": "string"}], "default": null},
           {"name": "layers", "type": {"type": "array", "items": ["long", "art.Circle"]}, "default": [1, {"radius": 2.0}]}
         ]}
        """));

    [Fact]
    public void Namespaces_settings_and_cross_file_references() => Verify("AvscNamespaces", new AvscProject()
        .Property("RootNamespace", "My.Service")
        .Schema("schemas/a/event.avsc", """
            {"type": "record", "name": "user_event", "contracts.key": ["tenant", "user_id"], "contracts.keyFormat": "record",
             "fields": [
               {"name": "tenant", "type": "string"},
               {"name": "user_id", "type": "long"},
               {"name": "where", "type": "com.acme.geo.Place"},
               {"name": "is_new", "type": "boolean", "contracts.memberName": "Fresh"}
             ]}
            """)
        .Schema("schemas/b/place.avsc", """
            {"type": "record", "name": "Place", "namespace": "com.acme.geo", "contracts.typeName": "Location",
             "fields": [{"name": "lat", "type": "double"}, {"name": "lon", "type": "double"},
                        {"name": "near", "type": {"type": "record", "name": "Landmark", "namespace": "com.acme.geo.poi", "fields": [{"name": "name", "type": "string"}]}}]}
            """, ("ContractsMessageType", "geo.place"), ("ContractsVersion", "4"), ("ContractsNamespace", "Geo"))
        .Schema("schemas/c/plain.avsc", """{"type": "record", "name": "Ping", "namespace": "ops", "fields": [{"name": "id", "type": "string"}]}""",
            ("ContractsKey", "id"), ("ContractsKeyFormat", "Plain"), ("ContractsTypeName", "PingV2"), ("ContractsVersion", "2")));

    private static void Verify(string feature, AvscProject project)
    {
        var run = project.Run();
        var diagnostics = DiagnosticText.FormatAll(run);
        Assert.True(diagnostics.Length == 0, string.Join("\n", diagnostics));
        Snapshot.Verify(feature, run);
    }
}
