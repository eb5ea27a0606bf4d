namespace Contracts.Benchmarks.ApacheAvro;

/// <summary>
/// The Avro schema of the benchmark record for Apache.Avro. Its namespace is this C# namespace because Apache.Avro's
/// specific reader finds the classes by the schema's full names. Field for field it is the schema our generator
/// emits for <see cref="Model.OrderPlacedV1"/> (only the namespace differs, which does not change the bytes);
/// <see cref="Harness.Equivalence"/> proves that every side writes identical bytes before any timing starts.
/// </summary>
internal static class OrderSchema
{
    public const string Json = """
        {"type":"record","name":"OrderPlaced","namespace":"Contracts.Benchmarks.ApacheAvro","fields":[
          {"name":"orderId","type":{"type":"string","logicalType":"uuid"}},
          {"name":"customerId","type":"string"},
          {"name":"customerName","type":"string"},
          {"name":"itemCount","type":"int"},
          {"name":"sequence","type":"long"},
          {"name":"placedAt","type":{"type":"long","logicalType":"timestamp-millis"}},
          {"name":"total","type":{"type":"bytes","logicalType":"decimal","precision":18,"scale":2}},
          {"name":"shippingAddress","type":{"type":"record","name":"Address","fields":[
            {"name":"street","type":"string"},
            {"name":"city","type":"string"},
            {"name":"postalCode","type":"string"},
            {"name":"country","type":"string"}]}},
          {"name":"lines","type":{"type":"array","items":{"type":"record","name":"OrderLine","fields":[
            {"name":"sku","type":"string"},
            {"name":"quantity","type":"int"},
            {"name":"unitPrice","type":"double"}]}}},
          {"name":"express","type":"boolean"},
          {"name":"status","type":{"type":"enum","name":"OrderStatus","symbols":["Placed","Paid","Shipped","Delivered","Cancelled"]}},
          {"name":"note","type":["null","string"],"default":null}
        ]}
        """;
}
