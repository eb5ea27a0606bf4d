using System.Collections.Generic;
using System.Globalization;

namespace Contracts.Generator.Benchmarks;

/// <summary>
/// A realistic project of .avsc contracts: shared types in a few files that most contracts reference across files,
/// and per contract a record of a dozen fields covering the common shapes (uuid, timestamps, decimal, enum, nested
/// record, array, map, nullable, general union, docs and defaults).
/// </summary>
internal static class SyntheticSchemas
{
    public static IReadOnlyList<(string Path, string Text)> Create(int contracts)
    {
        var files = new List<(string Path, string Text)>
        {
            ("schemas/shared/address.avsc", """
                {"type": "record", "name": "Address", "namespace": "bench.shared", "doc": "A postal address.",
                 "fields": [
                   {"name": "street", "type": "string"},
                   {"name": "city", "type": "string"},
                   {"name": "postal_code", "type": ["null", "string"], "default": null},
                   {"name": "country", "type": {"type": "enum", "name": "Country", "symbols": ["NL", "BE", "DE", "FR", "GB"]}}
                 ]}
                """),
            ("schemas/shared/money.avsc", """
                {"type": "record", "name": "Money", "namespace": "bench.shared",
                 "fields": [
                   {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
                   {"name": "currency", "type": "string", "default": "EUR"}
                 ]}
                """),
        };

        for (var i = 0; i < contracts; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var domain = (i % 10).ToString(CultureInfo.InvariantCulture);
            files.Add(("schemas/domain" + domain + "/event" + n + ".avsc", $$$"""
                {"type": "record", "name": "Event{{{n}}}", "namespace": "bench.domain{{{domain}}}", "doc": "Synthetic event {{{n}}}.",
                 "contracts.key": "id",
                 "fields": [
                   {"name": "id", "type": {"type": "string", "logicalType": "uuid"}, "doc": "The event id."},
                   {"name": "occurred_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                   {"name": "name", "type": "string"},
                   {"name": "sequence", "type": "long", "default": 0},
                   {"name": "total", "type": "bench.shared.Money"},
                   {"name": "ship_to", "type": ["null", "bench.shared.Address"], "default": null},
                   {"name": "state", "type": {"type": "enum", "name": "State{{{n}}}", "symbols": ["NEW", "ACTIVE", "DONE"], "default": "NEW"}},
                   {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line{{{n}}}", "fields": [
                     {"name": "sku", "type": "string"},
                     {"name": "quantity", "type": "int", "default": 1},
                     {"name": "price", "type": "bench.shared.Money"}
                   ]}}, "default": []},
                   {"name": "attributes", "type": {"type": "map", "values": "string"}, "default": {}},
                   {"name": "note", "type": ["null", "string"], "default": null},
                   {"name": "payload", "type": ["string", "long", {"type": "record", "name": "Detail{{{n}}}", "fields": [{"name": "code", "type": "int"}]}]},
                   {"name": "score", "type": "double", "default": 0.5}
                 ]}
                """));
        }

        return files;
    }
}
