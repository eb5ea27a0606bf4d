namespace Contracts.Generator.Tests.Avsc;

/// <summary>Schema files shared by the .avsc tests: every rule of the .avsc front end appears in at least one.</summary>
internal static class AvscSchemas
{
    public const string Address = """
        {
          "type": "record", "name": "Address", "namespace": "acme.common", "doc": "A postal address.",
          "fields": [
            {"name": "street", "type": "string"},
            {"name": "city", "type": "string", "default": "Springfield"},
            {"name": "previous", "type": ["null", "Address"], "default": null, "doc": "Where they lived before (recursive)."}
          ]
        }
        """;

    public const string Kinds = """
        [
          {"type": "enum", "name": "Status", "namespace": "acme.common", "symbols": ["ACTIVE", "IN_PROGRESS", "closed"], "default": "ACTIVE", "doc": "Account status."},
          {"type": "fixed", "name": "Hash", "namespace": "acme.common", "size": 4}
        ]
        """;

    public const string Person = """
        {
          "type": "record", "name": "person_profile", "namespace": "acme.people", "doc": "A person & their <profile>.",
          "aliases": ["Profile"],
          "contracts.messageType": "person", "contracts.version": 3, "contracts.key": "id",
          "fields": [
            {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
            {"name": "first_name", "type": "string", "doc": "Given name.", "aliases": ["firstName"]},
            {"name": "class", "type": "int", "default": 7},
            {"name": "event", "type": "boolean", "default": true},
            {"name": "age", "type": "long", "default": -1},
            {"name": "ratio", "type": "float", "default": 0.5},
            {"name": "score", "type": "double", "default": 1e3},
            {"name": "photo", "type": "bytes", "default": "\u00ff\u0000A"},
            {"name": "hash", "type": "acme.common.Hash", "default": "abcd"},
            {"name": "born", "type": {"type": "int", "logicalType": "date"}},
            {"name": "wakes", "type": {"type": "int", "logicalType": "time-millis"}},
            {"name": "sleeps", "type": {"type": "long", "logicalType": "time-micros"}},
            {"name": "created", "type": {"type": "long", "logicalType": "timestamp-millis"}},
            {"name": "updated", "type": {"type": "long", "logicalType": "timestamp-micros"}},
            {"name": "local_created", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
            {"name": "local_updated", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
            {"name": "balance", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}, "default": "\u0004\u00d2"},
            {"name": "email", "type": ["null", "string"], "default": null},
            {"name": "nickname", "type": ["string", "null"], "default": "none"},
            {"name": "contact", "type": ["null", "string", {"type": "record", "name": "Phone", "fields": [{"name": "number", "type": "string"}]}], "default": null},
            {"name": "home", "type": "acme.common.Address", "default": {"street": "Main St"}},
            {"name": "addresses", "type": {"type": "array", "items": "acme.common.Address"}, "default": [{"street": "A", "city": "B"}]},
            {"name": "tags", "type": {"type": "array", "items": "string"}, "default": ["x", "y"]},
            {"name": "scores", "type": {"type": "map", "values": "int"}, "default": {"a": 1}},
            {"name": "status", "type": "acme.common.Status", "default": "IN_PROGRESS"},
            {"name": "history", "type": {"type": "array", "items": {"type": "map", "values": ["null", "acme.common.Status"]}}, "default": []},
            {"name": "meta", "type": {"type": "record", "name": "Meta", "namespace": "acme.people.meta",
              "fields": [{"name": "source", "type": "string", "default": "web"}, {"name": "phone", "type": ["null", "acme.people.Phone"], "default": null}]},
              "default": {}}
          ]
        }
        """;
}
