namespace Contracts.Avro;

/// <summary>Limits that keep a reader safe on hostile input. The defaults suit messages up to tens of megabytes.</summary>
public sealed record AvroReaderOptions
{
    /// <summary>The shared default limits.</summary>
    public static AvroReaderOptions Default { get; } = new();

    /// <summary>Most items one array or map may declare (summed over its blocks). Default 1,000,000.</summary>
    public int MaxCollectionLength { get; init; } = 1_000_000;

    /// <summary>Deepest nesting of records, arrays and maps. Default 64.</summary>
    public int MaxDepth { get; init; } = 64;
}
