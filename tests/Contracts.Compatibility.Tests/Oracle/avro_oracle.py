"""Reference verdicts for the compatibility oracle test.

Reads a JSON array of [reader_schema_json, writer_schema_json] pairs from stdin and writes a JSON array with one
verdict per pair: "compatible", "incompatible", or "invalid: <reason>" when Apache Avro cannot parse a schema.
Uses Debian's python3-avro (avro.compatibility is a port of Java's SchemaCompatibility).
"""
import json
import sys
import warnings

try:
    import avro.schema
    from avro.compatibility import ReaderWriterCompatibilityChecker, SchemaCompatibilityType
except ImportError as error:
    sys.stderr.write("python3-avro is not installed (%s); run: apt-get install -y python3-avro\n" % error)
    sys.exit(3)

warnings.simplefilter("ignore")


def verdict(reader_json, writer_json):
    try:
        reader = avro.schema.parse(reader_json)
        writer = avro.schema.parse(writer_json)
    except Exception as error:  # noqa: BLE001 - any parse failure is reported, not raised
        return "invalid: %s" % error
    result = ReaderWriterCompatibilityChecker().get_compatibility(reader, writer)
    return "compatible" if result.compatibility is SchemaCompatibilityType.compatible else "incompatible"


def main():
    pairs = json.load(sys.stdin)
    json.dump([verdict(reader, writer) for reader, writer in pairs], sys.stdout)


main()
